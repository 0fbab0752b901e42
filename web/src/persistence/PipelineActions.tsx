/** "New pipeline", "Open" (templates and recent pipelines) and the autosave status, for the toolbar. */
import { newPipelineGraph } from "@pfd/shared";
import { PopoverButton } from "../io/Popover";
import { useEditorApi } from "../store";
import { openTemplate, TemplateList } from "../templates/TemplateList";
import { useReplaceGuard } from "./ReplaceGuard";
import type { PersistenceState, SaveStatus } from "./state";
import { usePersistence, usePersistenceSession } from "./usePersistence";

const selectRecent = (s: PersistenceState) => s.recent;
const selectCurrentId = (s: PersistenceState) => s.currentId;
const selectStatus = (s: PersistenceState) => s.status;

export function NewPipelineButton() {
  const api = useEditorApi();
  const { guard, dialog } = useReplaceGuard();
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() =>
          guard(() => api.getState().loadGraph(newPipelineGraph(), { reason: "new" }), "New pipeline")
        }
      >
        New pipeline
      </button>
      {dialog}
    </>
  );
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** "Open": a template, or a pipeline saved in this browser. */
export function OpenMenu() {
  const api = useEditorApi();
  const recent = usePersistence(selectRecent);
  const currentId = usePersistence(selectCurrentId);
  const { reopen, remove } = usePersistenceSession();
  // Outside the popover, so the question survives the popover closing.
  const { guard, dialog } = useReplaceGuard();
  return (
    <>
      <PopoverButton label="Open">
        {(close) => (
          <>
            <h3 className="pfd-popover__heading">Templates</h3>
            <TemplateList
              onChoose={(t) => {
                close();
                guard(() => openTemplate(api, t), "Open template");
              }}
            />
            <h3 className="pfd-popover__heading">Recent pipelines</h3>
            {recent.length === 0 ? (
              <p className="pfd-popover__empty">No pipelines saved in this browser yet.</p>
            ) : (
              <ul aria-label="Recent pipelines">
                {recent.map((r) => (
                  <li key={r.id} className="pfd-popover__item">
                    <button
                      type="button"
                      aria-current={r.id === currentId ? "true" : undefined}
                      onClick={() => {
                        close();
                        if (r.id !== currentId) guard(() => void reopen(r.id), "Open pipeline");
                      }}
                    >
                      <span>
                        {r.name}
                        {r.id === currentId ? " (open)" : ""}
                      </span>
                      <span className="pfd-popover__meta">
                        {r.stepCount} step{r.stepCount === 1 ? "" : "s"} · saved {when.format(r.savedAt)}
                      </span>
                    </button>
                    {r.id !== currentId && (
                      <button
                        type="button"
                        className="pfd-popover__remove"
                        aria-label={`Remove ${r.name} from Recent pipelines`}
                        onClick={() => void remove(r.id)}
                      >
                        ×
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </PopoverButton>
      {dialog}
    </>
  );
}

const statusText: Record<SaveStatus, string> = {
  idle: "",
  saving: "Saving…",
  saved: "Saved",
  error: "Autosave failed",
  unavailable: "Autosave off",
};

const statusTitle: Record<SaveStatus, string> = {
  idle: "Changes are saved in this browser as you work",
  saving: "Saving in this browser",
  saved: "Saved in this browser (IndexedDB); reopen it from Open › Recent pipelines",
  error: "The browser refused to save; export the YAML to keep your work",
  unavailable: "This browser offers no IndexedDB; export the YAML to keep your work",
};

export function SaveStatusText() {
  const status = usePersistence(selectStatus);
  return (
    <span
      role="status"
      aria-label="Autosave"
      className={`pfd-status pfd-status--${status}`}
      title={statusTitle[status]}
    >
      {statusText[status]}
    </span>
  );
}
