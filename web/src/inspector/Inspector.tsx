/** The right-hand panel: the selected step, several selected steps, or the pipeline itself. */
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
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2 className="panel-title">
        {step ? "Step" : many ? "Selection" : "Pipeline"}
        {readOnly ? <span className="read-only-tag">Read-only</span> : null}
      </h2>
      {/* A disabled fieldset disables every field and button inside it: read-only is all or nothing. */}
      <fieldset className="inspector-fields" disabled={readOnly}>
        {step ? <StepInspector key={step.name} step={step} /> : null}
        {many ? (
          <div className="inspector-body">
            <p className="muted">{selection.steps.length} steps selected.</p>
            <div className="row-actions">
              <button type="button" className="btn" onClick={() => api.getState().duplicateSelection()}>
                Duplicate
              </button>
              <button type="button" className="btn danger" onClick={() => api.getState().removeSelection()}>
                Delete
              </button>
            </div>
          </div>
        ) : null}
        {!step && !many ? <PipelineInspector /> : null}
      </fieldset>
    </aside>
  );
}
