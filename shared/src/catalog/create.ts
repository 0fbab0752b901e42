/** New pipelines and steps built from the catalog, written the way PAI Designer writes them. */
import { addStep } from "../graph/ops";
import type { GraphStep, PipelineGraph, Position } from "../graph/types";
import type { Metadata, Parameter } from "../manifest/types";
import { componentName } from "./index";
import { type CatalogLanguage, type ComponentSpec, EXECUTION_MAXCOMPUTE } from "./types";

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

interface AddComponentOptions {
  /** Top-left corner on the canvas; left out, auto layout places the step. */
  position?: Position;
  /** Base of the display name, numbered `<base>-1`, `<base>-2`, ...; the component's name by default. */
  displayBase?: string;
  /**
   * The language of the default display name, as PAI Designer names new steps in the UI's
   * language (`读数据表-1`); English by default.
   */
  language?: CatalogLanguage;
  /** Parameters the user set, in order; component defaults apply to the others and are not written. */
  parameters?: Record<string, unknown>;
}

/**
 * A new step of a component, as PAI Designer writes it: only the given parameters are written,
 * and a MaxCompute component's `execution` is bound to `{{inputs.parameters.execution_maxcompute}}`
 * (last, as Designer does). The step names its component by provider, version and identifier,
 * which the exported manifest can always resolve (a guid only resolves inside its own stream).
 */
function createStep(component: ComponentSpec, parameters: Record<string, unknown> = {}): GraphStep {
  const ref = { provider: component.provider, version: component.version, identifier: component.identifier };
  const step: GraphStep = {
    name: component.identifier,
    component: ref,
    parameters: Object.entries(parameters).map(([n, value]) => ({
      name: n,
      binding: { kind: "value", value },
    })),
    artifacts: [],
    dependencies: [],
    raw: { apiVersion: "core/v1", metadata: { ...ref } },
  };
  if (component.maxCompute) {
    step.parameters.push({ name: "execution", binding: { kind: "input", input: EXECUTION_MAXCOMPUTE } });
  }
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

/**
 * Adds a step of `component` with a fresh step name (its identifier, then `_2`, `_3`, ...) and a
 * fresh display name, declaring `execution_maxcompute` if the step needs it.
 */
export function addComponentStep(
  graph: PipelineGraph,
  component: ComponentSpec,
  opts: AddComponentOptions = {},
): { graph: PipelineGraph; name: string } {
  const proto = createStep(component, opts.parameters);
  const added = addStep(
    graph,
    proto,
    opts.displayBase ?? componentName(component, opts.language ?? "en"),
    opts.position,
  );
  return { graph: ensureExecutionInput(added.graph), name: added.name };
}
