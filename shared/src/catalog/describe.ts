/**
 * What a step offers on the canvas and in the inspector: its component's ports and parameters,
 * plus whatever the pipeline itself says about the step that the component does not declare (all
 * of it, for a component the catalog does not know), so no edge or argument is ever hidden.
 */

import type { PortTypeOf } from "../graph/ops";
import type { GraphStep, PipelineGraph } from "../graph/types";
import { isObject } from "../graph/util";
import { findReferences } from "../manifest/reference";
import { componentLookup } from "./index";
import type { ComponentSpec, ParamSpec, PortSpec } from "./types";

const referencedCache = new WeakMap<PipelineGraph, Map<string, string[]>>();

/**
 * Output artifact names of each step that the pipeline reads (other steps' bindings, pipeline
 * outputs), by step name; cached per graph, so the canvas pays once per change, not once per step.
 */
export function referencedOutputsByStep(graph: PipelineGraph): ReadonlyMap<string, readonly string[]> {
  const cached = referencedCache.get(graph);
  if (cached) return cached;
  const used = new Map<string, string[]>();
  const add = (step: string, output: string) => {
    const list = used.get(step);
    if (!list) used.set(step, [output]);
    else if (!list.includes(output)) list.push(output);
  };
  const addText = (from: unknown) => {
    if (typeof from !== "string") return;
    for (const { ref } of findReferences(from))
      if (ref?.kind === "step" && ref.io === "artifacts") add(ref.step, ref.name);
  };
  for (const s of graph.steps) {
    for (const a of s.artifacts) {
      if (a.binding.kind === "step") add(a.binding.step, a.binding.output);
      else if (a.binding.kind === "ref") addText(a.binding.from);
    }
  }
  for (const o of graph.outputs.artifacts) addText(isObject(o) ? o.from : undefined);
  referencedCache.set(graph, used);
  return used;
}

/** The input and output ports of a step: its component's, then those the pipeline uses besides. */
export function stepPorts(
  step: GraphStep,
  component: ComponentSpec | undefined,
  referencedOutputs: readonly string[],
): { inputs: PortSpec[]; outputs: PortSpec[] } {
  const inputs = [...(component?.inputs ?? [])];
  for (const a of step.artifacts) {
    if (!inputs.some((p) => p.name === a.name)) inputs.push({ name: a.name, type: "Any" });
  }
  const outputs = [...(component?.outputs ?? [])];
  for (const name of referencedOutputs) {
    if (!outputs.some((p) => p.name === name)) outputs.push({ name, type: "Any" });
  }
  return { inputs, outputs };
}

function paramTypeOf(value: unknown): ParamSpec["type"] {
  if (typeof value === "boolean") return "Bool";
  if (typeof value === "number") return Number.isInteger(value) ? "Int" : "Double";
  if (Array.isArray(value)) return "Array";
  if (isObject(value)) return "Map";
  return "String";
}

const EXECUTION: ParamSpec = {
  name: "execution",
  type: "Map",
  description: "Where the step runs (MaxCompute project).",
};

/**
 * The parameters of a step: its component's, then those the step sets that the component does
 * not declare (typed from their value), and `execution` for MaxCompute components or when set
 * (kept once unbound, so a literal map can be typed in).
 */
export function stepParameters(step: GraphStep, component: ComponentSpec | undefined): ParamSpec[] {
  const parameters = [...(component?.parameters ?? [])];
  for (const p of step.parameters) {
    if (p.name === "execution" || parameters.some((q) => q.name === p.name)) continue;
    const value = p.binding.kind === "value" ? p.binding.value : undefined;
    parameters.push({ name: p.name, type: paramTypeOf(value), description: "" });
  }
  if (component?.maxCompute || step.parameters.some((p) => p.name === "execution"))
    parameters.push(EXECUTION);
  return parameters;
}

/** Port types for `canConnect`, from a component list; ports of unknown components accept anything. */
export function portTypesOf(list: readonly ComponentSpec[]): PortTypeOf {
  const lookup = componentLookup(list);
  return (step, port, side) => {
    const component = lookup.of(step.component);
    const ports = side === "input" ? component?.inputs : component?.outputs;
    return ports?.find((p) => p.name === port)?.type;
  };
}
