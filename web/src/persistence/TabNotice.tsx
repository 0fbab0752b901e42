/**
 * The bar under the toolbar when this tab does not edit the open pipeline: another tab does
 * ("Take over"), or another tab took it over before this tab's last changes were saved (they are
 * kept as a copy: edit it here, or discard it).
 */
import { useT } from "../i18n";
import { selectMetadata, useEditor } from "../store";
import { pipelineName } from "./snapshot";
import type { PersistenceState } from "./state";
import { usePersistence, usePersistenceSession } from "./usePersistence";

const selectAccess = (s: PersistenceState) => s.access;
const selectTakingOver = (s: PersistenceState) => s.takingOver;

export function TabNotice() {
  const access = usePersistence(selectAccess);
  const takingOver = usePersistence(selectTakingOver);
  const session = usePersistenceSession();
  const t = useT();
  const name = pipelineName(useEditor(selectMetadata)) || t("pipeline.untitled");
  if (access === "editing") return null;
  if (access === "elsewhere") {
    return (
      <div className="tab-notice" role="status">
        <LockGlyph />
        <p>
          <strong>{t("tabs.elsewhereTitle", { name })}</strong> {t("tabs.elsewhereBody")}
        </p>
        <button
          type="button"
          className="btn primary"
          disabled={takingOver}
          onClick={() => void session.takeOver()}
        >
          {t(takingOver ? "tabs.takingOver" : "tabs.takeOver")}
        </button>
      </div>
    );
  }
  return (
    <div className="tab-notice tab-notice--conflict" role="alert">
      <LockGlyph />
      <p>
        <strong>{t("tabs.conflictTitle", { name })}</strong> {t("tabs.conflictBody")}
      </p>
      <button type="button" className="btn primary" onClick={() => session.keepAsCopy()}>
        {t("tabs.editCopy")}
      </button>
      <button type="button" className="btn" onClick={() => session.discardMine()}>
        {t("tabs.discardMine")}
      </button>
    </div>
  );
}

function LockGlyph() {
  return (
    <svg className="tab-notice__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
