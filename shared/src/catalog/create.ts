/** New pipelines and steps built from the catalog, written the way PAI Designer writes them. */
import type { GraphStep, PipelineGraph, Position } from "../graph/types";
import type { Metadata, Parameter } from "../manifest/types";
import { type ComponentSpec, EXECUTION_MAXCOMPUTE } from "./types";

/** An empty pipeline (metadata as in the CreatePipelineRun sample: provider, version, identifier, name). */
export function newPipelineGraph(
  meta: { provider?: string; identifier?: string; name?: string } = {},
): PipelineGraph {
  const metadata: Metadata = {};
  if (meta.provider !== undefined) metadata.provider = meta.provider;
  metadata.version = "v1";
  metadata.identifier = meta.identifier ?? "my_pipeline";
  metadata.name = meta.name ?? "my-pipeline";
  return {
    metadata,
    inputs: { parameters: [], artifacts: [] },
    outputs: { parameters: [], artifacts: [] },
    steps: [],
    components: [],
    raw: { apiVersion: "core/v1", metadata, spec: {} },
  };
}

export interface CreateStepOptions {
  /** Step name (`metadata.name`); the component identifier when left out. */
  name?: string;
  displayName?: string;
  position?: Position;
  /** Parameters the user set, in order; component defaults apply to the others and are not written. */
  parameters?: Record<string, unknown>;
}

/**
 * A new step of a component: only the given parameters are written, and a MaxCompute
 * component's `execution` is bound to `{{inputs.parameters.execution_maxcompute}}` (last, as Designer does).
 */
export function createStep(component: ComponentSpec, opts: CreateStepOptions = {}): GraphStep {
  const ref = component.guid
    ? { guid: component.guid }
    : { provider: component.provider, version: component.version, identifier: component.identifier };
  const name = opts.name ?? component.identifier;
  const metadata: Metadata = { ...ref, name };
  if (opts.displayName !== undefined) metadata.displayName = opts.displayName;
  const step: GraphStep = {
    name,
    component: ref,
    parameters: Object.entries(opts.parameters ?? {}).map(([n, value]) => ({
      name: n,
      binding: { kind: "value", value },
    })),
    artifacts: [],
    dependencies: [],
    raw: { apiVersion: "core/v1", metadata, spec: {} },
  };
  if (component.maxCompute) {
    step.parameters.push({ name: "execution", binding: { kind: "input", input: EXECUTION_MAXCOMPUTE } });
  }
  if (opts.displayName !== undefined) step.displayName = opts.displayName;
  if (opts.position) step.position = { ...opts.position };
  return step;
}

/** The pipeline input MaxCompute steps read their `execution` from. */
const EXECUTION_INPUT_PARAMETER: Parameter = { name: EXECUTION_MAXCOMPUTE, type: "Map" };

/** The graph with `execution_maxcompute` (Map) declared when a step binds to it and it is missing. */
function ensureExecutionInput(graph: PipelineGraph): PipelineGraph {
  if (graph.inputs.parameters.some((p) => p.name === EXECUTION_MAXCOMPUTE)) return graph;
  const used = graph.steps.some((s) =>
    s.parameters.some((p) => p.binding.kind === "input" && p.binding.input === EXECUTION_MAXCOMPUTE),
  );
  if (!used) return graph;
  const parameters = [...graph.inputs.parameters, { ...EXECUTION_INPUT_PARAMETER }];
  return { ...graph, inputs: { ...graph.inputs, parameters } };
}

/** Appends a step built from a component, declaring `execution_maxcompute` if the step needs it. */
export function addComponentStep(
  graph: PipelineGraph,
  component: ComponentSpec,
  opts: CreateStepOptions = {},
): PipelineGraph {
  return ensureExecutionInput({ ...graph, steps: [...graph.steps, createStep(component, opts)] });
}
