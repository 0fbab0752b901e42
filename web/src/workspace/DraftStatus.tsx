/**
 * The toolbar's word on the open PAI Designer draft, where the app's name stands otherwise:
 * which draft, its version, saved to PAI or not (the tooltip says by whom and when).
 */
import type { ReactNode } from "react";
import { usePersistence } from "../persistence/usePersistence";
import "./workspace.css";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function DraftStatus({ children }: { children: ReactNode }) {
  const draft = usePersistence((s) => s.draft);
  if (!draft) return children;
  const saved = draft.modifiedAt ? ` on ${when.format(new Date(draft.modifiedAt))}` : "";
  const by = draft.savedBy ? ` by ${draft.savedBy}` : "";
  return (
    <span
      role="status"
      aria-label="PAI Designer draft"
      className={`pfd-ws-status${draft.unsaved ? " pfd-ws-status--unsaved" : ""}`}
      title={`PAI Designer draft “${draft.name}” (${draft.id}): version ${draft.version}, saved${by}${saved}${
        draft.unsaved ? "; your edits since are not saved to PAI (Ctrl/⌘+S)" : ""
      }`}
    >
      <span className="pfd-ws-status__name">{draft.name}</span>
      <span className="pfd-ws-status__state">
        v{draft.version} · {draft.unsaved ? "Unsaved changes" : "Saved to PAI"}
      </span>
    </span>
  );
}
