/**
 * The toolbar's word on the open PAI Designer draft, where the app's name stands otherwise:
 * which draft, its version, saved to PAI or not (the tooltip says by whom and when).
 */
import type { ReactNode } from "react";
import { useFormats, useT } from "../i18n";
import { usePersistence } from "../persistence/usePersistence";
import { SAVE_KEYS } from "./DraftActions";
import "./workspace.css";

export function DraftStatus({ children }: { children: ReactNode }) {
  const draft = usePersistence((s) => s.draft);
  const t = useT();
  const f = useFormats();
  if (!draft) return children;
  const unsaved = draft.unsaved;
  return (
    <span
      role="status"
      aria-label={t("draftStatus.label")}
      className={`pfd-ws-status${unsaved ? " pfd-ws-status--unsaved" : ""}`}
      title={t("draftStatus.title", {
        name: draft.name,
        id: draft.id,
        version: draft.version,
        by: draft.savedBy ?? "none",
        when: draft.modifiedAt ? f.dateTime(draft.modifiedAt) : "none",
        unsaved,
        keys: SAVE_KEYS,
      })}
    >
      <span className="pfd-ws-status__name">{draft.name}</span>
      <span className="pfd-ws-status__state">
        {t("draftStatus.state", { version: draft.version, unsaved })}
      </span>
    </span>
  );
}
