/** The right-hand panel: the selected step, several selected steps, or the pipeline itself. */
import { useT } from "../i18n";
import { selectSelectedStep, selectSelection, useEditor, useEditorApi } from "../store";
import "./inspector.css";
import { PipelineInspector } from "./PipelineInspector";
import { StepInspector } from "./StepInspector";

export function Inspector() {
  const step = useEditor(selectSelectedStep);
  const selection = useEditor(selectSelection);
  const api = useEditorApi();
  const many = selection.steps.length > 1;
  const t = useT();
  return (
    <aside className="inspector" aria-label={t("inspector.label")}>
      <h2 className="panel-title">
        {t(step ? "inspector.step" : many ? "inspector.selection" : "inspector.pipeline")}
      </h2>
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
    </aside>
  );
}
