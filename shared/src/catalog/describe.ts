/**
 * What a step offers on the canvas and in the inspector: its component's ports and parameters,
 * or, for a component the catalog does not know, what the pipeline itself says about the step.
 */

import type { GraphStep, PipelineGraph } from "../graph/types";
import { isObject } from "../graph/util";
import { findReferences } from "../manifest/reference";
import { findComponent } from "./index";
import type { ComponentSpec, ParamSpec, PortSpec } from "./types";

export interface StepDescription {
  /** The catalog entry, when the component is known. */
  component?: ComponentSpec;
  inputs: PortSpec[];
  outputs: PortSpec[];
  parameters: ParamSpec[];
}

/** Output artifact names of `step` that the pipeline reads: other steps' bindings, `when`, pipeline outputs. */
function referencedOutputs(graph: PipelineGraph, step: string): string[] {
  const names: string[] = [];
  const add = (from: unknown) => {
    if (typeof from !== "string") return;
    for (const { ref } of findReferences(from)) {
      if (ref?.kind === "step" && ref.step === step && ref.io === "artifacts" && !names.includes(ref.name))
        names.push(ref.name);
    }
  };
  for (const s of graph.steps) {
    for (const a of s.artifacts) {
      if (a.binding.kind === "step") {
        if (a.binding.step === step && !names.includes(a.binding.output)) names.push(a.binding.output);
      } else if (a.binding.kind === "ref") add(a.binding.from);
    }
  }
  for (const o of graph.outputs.artifacts) add(isObject(o) ? o.from : undefined);
  return names;
}

function paramTypeOf(value: unknown): ParamSpec["type"] {
  if (typeof value === "boolean") return "Bool";
  if (typeof value === "number") return Number.isInteger(value) ? "Int" : "Double";
  if (Array.isArray(value)) return "Array";
  if (isObject(value)) return "Map";
  return "String";
}

/** The ports and parameters of a step (see the module comment). */
export function describeStep(
  graph: PipelineGraph,
  step: GraphStep,
  list: readonly ComponentSpec[],
): StepDescription {
  const component = findComponent(list, step.component);
  const inputs = [...(component?.inputs ?? [])];
  for (const a of step.artifacts) {
    if (!inputs.some((p) => p.name === a.name)) inputs.push({ name: a.name, type: "Any" });
  }
  const outputs = [...(component?.outputs ?? [])];
  for (const name of referencedOutputs(graph, step.name)) {
    if (!outputs.some((p) => p.name === name)) outputs.push({ name, type: "Any" });
  }
  const parameters = [...(component?.parameters ?? [])];
  for (const p of step.parameters) {
    if (p.name === "execution" || parameters.some((q) => q.name === p.name)) continue;
    const value = p.binding.kind === "value" ? p.binding.value : undefined;
    parameters.push({ name: p.name, type: paramTypeOf(value), description: "" });
  }
  return component ? { component, inputs, outputs, parameters } : { inputs, outputs, parameters };
}
