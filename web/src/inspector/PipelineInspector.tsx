/** With nothing selected: the pipeline's own metadata, inputs and outputs. */
import type { Artifact, Parameter } from "@pfd/shared";
import { useId } from "react";
import { type MessageId, useT } from "../i18n";
import {
  selectInputs,
  selectMetadata,
  selectOutputs,
  selectStepCount,
  useEditor,
  useEditorApi,
} from "../store";
import { IoList } from "./IoList";

const META_FIELDS = ["name", "identifier", "version", "provider"] as const;

const META_TEXT: Record<(typeof META_FIELDS)[number], [label: MessageId, hint: MessageId]> = {
  name: ["pipeline.name", "pipeline.nameHint"],
  identifier: ["pipeline.identifier", "pipeline.identifierHint"],
  version: ["pipeline.version", "pipeline.versionHint"],
  provider: ["pipeline.provider", "pipeline.providerHint"],
};

export function PipelineInspector() {
  const api = useEditorApi();
  const metadata = useEditor(selectMetadata);
  const inputs = useEditor(selectInputs);
  const outputs = useEditor(selectOutputs);
  const count = useEditor(selectStepCount);
  const base = useId();
  const t = useT();

  return (
    <div className="inspector-body">
      <p className="muted">{t("pipeline.summary", { count })}</p>
      {META_FIELDS.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`${base}-${key}`}>{t(META_TEXT[key][0])}</label>
          <input
            id={`${base}-${key}`}
            className="field-input"
            value={typeof metadata[key] === "string" ? metadata[key] : ""}
            placeholder={t(META_TEXT[key][1])}
            onChange={(e) => api.getState().setPipelineMetadata({ [key]: e.target.value })}
          />
        </div>
      ))}
      <IoList
        title={t("pipeline.inputParameters")}
        kind="parameters"
        items={inputs.parameters}
        onChange={(list: Parameter[]) => api.getState().setPipelineIo("inputs", "parameters", list)}
      />
      <IoList
        title={t("pipeline.inputArtifacts")}
        kind="artifacts"
        items={inputs.artifacts}
        onChange={(list: Artifact[]) => api.getState().setPipelineIo("inputs", "artifacts", list)}
      />
      <IoList
        title={t("pipeline.outputParameters")}
        kind="parameters"
        output
        items={outputs.parameters}
        onChange={(list: Parameter[]) => api.getState().setPipelineIo("outputs", "parameters", list)}
      />
      <IoList
        title={t("pipeline.outputArtifacts")}
        kind="artifacts"
        output
        items={outputs.artifacts}
        onChange={(list: Artifact[]) => api.getState().setPipelineIo("outputs", "artifacts", list)}
      />
    </div>
  );
}
