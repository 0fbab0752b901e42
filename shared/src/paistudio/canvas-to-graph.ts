/**
 * A draft's canvas as the editable graph (PAISTUDIO.md §4.2): node id -> step name, node name ->
 * display name, `metadata` -> component, `properties` -> parameter values, edges -> artifact
 * connections and dependencies, `position` -> the step's position, `globalParams` -> pipeline
 * input parameters. Steps of MaxCompute components get `execution` bound to
 * `execution_maxcompute`, as Designer does when it compiles a draft. What the graph does not
 * model stays in the canvas as read (`CanvasBase`), from which `graphToCanvas` writes it back.
 */
import { catalog, componentLookup } from "../catalog/index";
import type { ComponentSpec } from "../catalog/types";
import { EXECUTION_MAXCOMPUTE } from "../catalog/types";
import { componentRefOf } from "../graph/from-manifest";
import type { ArtifactArg, ComponentRef, GraphStep, ParamArg, PipelineGraph } from "../graph/types";
import type { Parameter } from "../manifest/types";
import type { Canvas, CanvasEdge, CanvasNode } from "./canvas";
import {
  draftPipelineMetadata,
  EXECUTION_PARAMETER,
  globalParamOf,
  repeatedElementName,
  unknownComponentRunsOnMaxCompute,
} from "./guesses";

interface CanvasToGraphOptions {
  /** The draft the canvas belongs to: it names the pipeline. */
  draft?: { id?: string; name?: string };
  /** What the palette knows: which components run on MaxCompute. The built-in catalog by default. */
  components?: readonly ComponentSpec[];
}

/** True when steps of this component get `execution` bound when the draft runs. */
function runsOnMaxCompute(ref: ComponentRef, components: readonly ComponentSpec[]): boolean {
  // The cached lookup: a draft asks once per node, mostly for the same few components.
  return componentLookup(components).of(ref)?.maxCompute ?? unknownComponentRunsOnMaxCompute(ref);
}

/**
 * The argument name each edge into one node compiles to: its target anchor, or, where several
 * edges share a bare anchor, the repeated port's elements in edge order (see guesses).
 */
export function edgeArgumentNames(edges: readonly CanvasEdge[]): string[] {
  if (edges.length === 1) return [(edges[0] as CanvasEdge).targetAnchor];
  const count = new Map<string, number>();
  for (const e of edges) count.set(e.targetAnchor, (count.get(e.targetAnchor) ?? 0) + 1);
  const seen = new Map<string, number>();
  return edges.map((e) => {
    if ((count.get(e.targetAnchor) ?? 0) < 2) return e.targetAnchor;
    const i = seen.get(e.targetAnchor) ?? 0;
    seen.set(e.targetAnchor, i + 1);
    return repeatedElementName(e.targetAnchor, i);
  });
}

/** Edges grouped by the node they go into, in canvas order. */
export function edgesByTarget(edges: readonly CanvasEdge[]): Map<string, CanvasEdge[]> {
  const byTarget = new Map<string, CanvasEdge[]>();
  for (const e of edges) {
    const list = byTarget.get(e.target);
    if (list) list.push(e);
    else byTarget.set(e.target, [e]);
  }
  return byTarget;
}

function stepOf(
  node: CanvasNode,
  incoming: readonly CanvasEdge[],
  components: readonly ComponentSpec[],
): GraphStep {
  const component = componentRefOf(node.metadata);
  const maxCompute = runsOnMaxCompute(component, components);
  const parameters: ParamArg[] = (node.properties ?? []).map((p) => ({
    name: p.name,
    binding: { kind: "value", value: "value" in p ? p.value : undefined },
  }));
  if (maxCompute && !parameters.some((p) => p.name === EXECUTION_PARAMETER))
    parameters.push({ name: EXECUTION_PARAMETER, binding: { kind: "input", input: EXECUTION_MAXCOMPUTE } });
  const names = edgeArgumentNames(incoming);
  const artifacts: ArtifactArg[] = incoming.map((e, i) => ({
    name: names[i] as string,
    binding: { kind: "step", step: e.source, output: e.sourceAnchor },
  }));
  const metadata: Record<string, unknown> = { ...component, name: node.id };
  if (typeof node.name === "string") metadata.displayName = node.name;
  const step: GraphStep = {
    name: node.id,
    component,
    parameters,
    artifacts,
    dependencies: [...new Set(incoming.map((e) => e.source))],
    // The step as Designer compiles it; `metadata.name` also remembers the node it was read from.
    raw: { apiVersion: "core/v1", metadata },
  };
  if (typeof node.name === "string") step.displayName = node.name;
  if (node.position) step.position = { x: node.position.x, y: node.position.y };
  return step;
}

/** The graph of a canvas read by `readCanvas`. */
export function canvasToGraph(canvas: Canvas, opts: CanvasToGraphOptions = {}): PipelineGraph {
  const components = opts.components ?? catalog;
  const edges = canvas.edges ?? [];
  const byTarget = edgesByTarget(edges);
  const steps = (canvas.nodes ?? []).map((node) => stepOf(node, byTarget.get(node.id) ?? [], components));
  const globals = (canvas.globalParams ?? []).flatMap((g) => globalParamOf(g) ?? []);
  const usesExecution = steps.some((s) =>
    s.parameters.some((p) => p.binding.kind === "input" && p.binding.input === EXECUTION_MAXCOMPUTE),
  );
  const parameters: Parameter[] = [
    ...(usesExecution && !globals.some((g) => g.name === EXECUTION_MAXCOMPUTE)
      ? [{ name: EXECUTION_MAXCOMPUTE, type: "Map" }]
      : []),
    ...globals,
  ];
  const metadata = draftPipelineMetadata({
    id: opts.draft?.id ?? stringOf(canvas.metadata?.id),
    name: opts.draft?.name ?? stringOf(canvas.metadata?.name),
  });
  return {
    metadata,
    inputs: { parameters, artifacts: [] },
    outputs: { parameters: [], artifacts: [] },
    steps,
    components: [],
    raw: { apiVersion: "core/v1", metadata, spec: {} },
  };
}

const stringOf = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
