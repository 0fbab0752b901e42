/** With nothing selected: the pipeline's own metadata, inputs and outputs. */
import type { Artifact, Parameter } from "@pfd/shared";
import { useId } from "react";
import {
  selectInputs,
  selectMetadata,
  selectOutputs,
  selectStepCount,
  useEditor,
  useEditorApi,
} from "../store";
import { IoList } from "./IoList";

const META_FIELDS = [
  ["name", "Pipeline name", "Shown in PAI's pipeline list"],
  ["identifier", "Identifier", "Unique among your pipelines, e.g. my_pipeline"],
  ["version", "Version", "e.g. v1"],
  ["provider", "Provider", "Your Alibaba Cloud account UID"],
] as const;

export function PipelineInspector() {
  const api = useEditorApi();
  const metadata = useEditor(selectMetadata);
  const inputs = useEditor(selectInputs);
  const outputs = useEditor(selectOutputs);
  const count = useEditor(selectStepCount);
  const base = useId();

  return (
    <div className="inspector-body">
      <p className="muted">
        Pipeline · {count} step{count === 1 ? "" : "s"}. Select a step to edit it.
      </p>
      {META_FIELDS.map(([key, label, hint]) => (
        <div className="field" key={key}>
          <label htmlFor={`${base}-${key}`}>{label}</label>
          <input
            id={`${base}-${key}`}
            className="field-input"
            value={typeof metadata[key] === "string" ? metadata[key] : ""}
            placeholder={hint}
            onChange={(e) => api.getState().setPipelineMetadata({ [key]: e.target.value })}
          />
        </div>
      ))}
      <IoList
        title="Input parameters"
        kind="parameters"
        items={inputs.parameters}
        onChange={(list: Parameter[]) => api.getState().setPipelineIo("inputs", "parameters", list)}
      />
      <IoList
        title="Input artifacts"
        kind="artifacts"
        items={inputs.artifacts}
        onChange={(list: Artifact[]) => api.getState().setPipelineIo("inputs", "artifacts", list)}
      />
      <IoList
        title="Output parameters"
        kind="parameters"
        output
        items={outputs.parameters}
        onChange={(list: Parameter[]) => api.getState().setPipelineIo("outputs", "parameters", list)}
      />
      <IoList
        title="Output artifacts"
        kind="artifacts"
        output
        items={outputs.artifacts}
        onChange={(list: Artifact[]) => api.getState().setPipelineIo("outputs", "artifacts", list)}
      />
    </div>
  );
}
