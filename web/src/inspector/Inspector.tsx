/** The right-hand panel: the selected step, several selected steps, or the pipeline itself. */
import { useT } from "../i18n";
import { selectReadOnly, selectSelectedStep, selectSelection, useEditor, useEditorApi } from "../store";
import "./inspector.css";
import { PipelineInspector } from "./PipelineInspector";
import { StepInspector } from "./StepInspector";

export function Inspector() {
  const step = useEditor(selectSelectedStep);
  const selection = useEditor(selectSelection);
  const readOnly = useEditor(selectReadOnly);
  const api = useEditorApi();
  const many = selection.steps.length > 1;
  const t = useT();
  return (
    <aside className="inspector" aria-label={t("inspector.label")}>
      <h2 className="panel-title">
        {t(step ? "inspector.step" : many ? "inspector.selection" : "inspector.pipeline")}
        {readOnly ? <span className="read-only-tag">{t("inspector.readOnly")}</span> : null}
      </h2>
      {/* The scroller is outside the fieldset: read-only disables every control, so the scroller
          itself takes the focus then, or a keyboard could not scroll to what it shows. */}
      <div className="inspector-scroll" tabIndex={readOnly ? 0 : undefined}>
        {/* A disabled fieldset disables every field and button inside it: read-only is all or nothing. */}
        <fieldset className="inspector-fields" disabled={readOnly}>
          {step ? <StepInspector key={step.name} step={step} /> : null}
          {many ? (
            <div className="inspector-body">
              <p className="muted">{t("inspector.selectedSteps", { count: selection.steps.length })}</p>
              <div className="row-actions">
                <button type="button" className="btn" onClick={() => api.getState().duplicateSelection()}>
                  {t("inspector.duplicate")}
                </button>
                <button type="button" className="btn danger" onClick={() => api.getState().removeSelection()}>
                  {t("inspector.delete")}
                </button>
              </div>
            </div>
          ) : null}
          {!step && !many ? <PipelineInspector /> : null}
        </fieldset>
      </div>
    </aside>
  );
}
