/**
 * A catalog component written as the core/v1 component manifest PAIFlow keeps for it
 * (`GetPipeline`): its ports in `inputs`/`outputs.artifacts`, its parameters in
 * `inputs.parameters` (with the system `execution` Map of MaxCompute components). The inverse of
 * `componentsFromManifest`, which reads such manifests into the palette.
 */
import type { Artifact, Manifest, Parameter } from "../manifest/types";
import { EXECUTION_PARAMETER } from "../paistudio/guesses";
import type { ComponentSpec, ParamSpec, PortSpec } from "./types";

function artifactOf(port: PortSpec): Artifact {
  const artifact: Artifact = {
    name: port.name,
    metadata: { type: { [port.type]: port.locationType ? { locationType: port.locationType } : {} } },
  };
  if (port.required !== undefined) artifact.required = port.required;
  if (port.repeated) artifact.repeated = true;
  if (port.desc) artifact.desc = port.desc;
  return artifact;
}

function parameterOf(param: ParamSpec): Parameter {
  const out: Parameter = { name: param.name, type: param.type };
  if (param.default !== undefined) out.value = param.default;
  if (param.description) out.desc = param.description;
  if (param.required) out.required = true;
  if (param.range !== undefined || param.allowed !== undefined) {
    out.feasible = {
      ...(param.range !== undefined ? { range: param.range } : {}),
      ...(param.allowed !== undefined ? { allowed: [...param.allowed] } : {}),
    };
  }
  return out;
}

/** The component manifest of a catalog entry. */
export function componentManifest(spec: ComponentSpec): Manifest {
  const parameters = spec.parameters.map(parameterOf);
  if (spec.maxCompute) parameters.push({ name: EXECUTION_PARAMETER, type: "Map" });
  const outputs: Manifest["spec"]["outputs"] = { artifacts: spec.outputs.map(artifactOf) };
  if (spec.outputParameters?.length)
    outputs.parameters = spec.outputParameters.map((name) => ({ name, type: "String" }));
  return {
    apiVersion: "core/v1",
    metadata: {
      provider: spec.provider,
      version: spec.version,
      identifier: spec.identifier,
      name: spec.identifier,
      displayName: spec.displayName.en,
      annotations: { description: spec.description },
    },
    spec: { inputs: { artifacts: spec.inputs.map(artifactOf), parameters }, outputs },
  };
}
