/** "New pipeline", "Open" (templates and recent pipelines) and the autosave status, for the toolbar. */
import { newPipelineGraph } from "@pfd/shared";
import { type MessageId, useFormats, useT } from "../i18n";
import { PopoverButton } from "../io/Popover";
import { useEditorApi } from "../store";
import { openTemplate, TemplateList } from "../templates/TemplateList";
import { useReplaceGuard } from "./ReplaceGuard";
import { pipelineName } from "./snapshot";
import type { PersistenceState, SaveStatus } from "./state";
import { usePersistence, usePersistenceSession } from "./usePersistence";

const selectRecent = (s: PersistenceState) => s.recent;
const selectCurrentId = (s: PersistenceState) => s.currentId;
const selectStatus = (s: PersistenceState) => s.status;

export function NewPipelineButton() {
  const api = useEditorApi();
  const { guard, dialog } = useReplaceGuard();
  const t = useT();
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() =>
          guard(() => api.getState().loadGraph(newPipelineGraph(), { reason: "new" }), "replace.new")
        }
      >
        {t("file.new")}
      </button>
      {dialog}
    </>
  );
}

/** "Open": a template, or a pipeline saved in this browser. */
export function OpenMenu() {
  const api = useEditorApi();
  const recent = usePersistence(selectRecent);
  const currentId = usePersistence(selectCurrentId);
  const { reopen, remove } = usePersistenceSession();
  // Outside the popover, so the question survives the popover closing.
  const { guard, dialog } = useReplaceGuard();
  const t = useT();
  const f = useFormats();
  return (
    <>
      <PopoverButton label={t("file.open")}>
        {(close) => (
          <>
            <h3 className="pfd-popover__heading">{t("open.templates")}</h3>
            <TemplateList
              onChoose={(template) => {
                close();
                guard(() => openTemplate(api, template), "replace.template");
              }}
            />
            <h3 className="pfd-popover__heading">{t("open.recent")}</h3>
            {recent.length === 0 ? (
              <p className="pfd-popover__empty">{t("open.recentEmpty")}</p>
            ) : (
              <ul aria-label={t("open.recent")}>
                {recent.map((r) => (
                  <li key={r.id} className="pfd-popover__item">
                    <button
                      type="button"
                      aria-current={r.id === currentId ? "true" : undefined}
                      onClick={() => {
                        close();
                        if (r.id !== currentId) guard(() => void reopen(r.id), "replace.pipeline");
                      }}
                    >
                      <span>
                        {t("open.item", {
                          name: pipelineName({ name: r.name }) || t("pipeline.untitled"),
                          open: r.id === currentId,
                        })}
                      </span>
                      <span className="pfd-popover__meta">
                        {t("open.meta", { count: r.stepCount, when: f.dateTime(r.savedAt) })}
                      </span>
                    </button>
                    {r.id !== currentId && (
                      <button
                        type="button"
                        className="pfd-popover__remove"
                        aria-label={t("open.remove", {
                          name: pipelineName({ name: r.name }) || t("pipeline.untitled"),
                        })}
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

const statusText: Record<SaveStatus, MessageId | null> = {
  idle: null,
  saving: "save.saving",
  saved: "save.saved",
  error: "save.error",
  unavailable: "save.unavailable",
};

const statusTitle: Record<SaveStatus, MessageId> = {
  idle: "save.idleTitle",
  saving: "save.savingTitle",
  saved: "save.savedTitle",
  error: "save.errorTitle",
  unavailable: "save.unavailableTitle",
};

export function SaveStatusText() {
  const status = usePersistence(selectStatus);
  const t = useT();
  const text = statusText[status];
  return (
    <span
      role="status"
      aria-label={t("save.label")}
      className={`pfd-status pfd-status--${status}`}
      title={t(statusTitle[status])}
    >
      {text ? t(text) : ""}
    </span>
  );
}
