/** Data edges, derived from the steps' artifact bindings. */
import type { DataEdge, GraphStep, PipelineGraph } from "./types";

/**
 * The id of the data edge from `source.output` to `target.input`: `<source>.<output>-><target>.<input>`.
 * Ordering-only edges are `<source>-><target>` (no dot: step names have none), so the two never meet.
 */
export function edgeId(source: string, sourceOutput: string, target: string, targetInput: string): string {
  return `${source}.${sourceOutput}->${target}.${targetInput}`;
}

/** The data edges into one step (its artifacts bound to another step's output), in argument order. */
export function edgesInto(step: GraphStep): DataEdge[] {
  const edges: DataEdge[] = [];
  for (const arg of step.artifacts) {
    if (arg.binding.kind !== "step") continue;
    const { step: source, output } = arg.binding;
    edges.push({
      id: edgeId(source, output, step.name, arg.name),
      source,
      sourceOutput: output,
      target: step.name,
      targetInput: arg.name,
    });
  }
  return edges;
}

/**
 * Every data edge of the graph, in step then argument order. Edges from a step that does not
 * exist are left out (validation reports them as `unknown-step`).
 */
export function dataEdges(graph: PipelineGraph): DataEdge[] {
  const names = new Set(graph.steps.map((s) => s.name));
  const edges: DataEdge[] = [];
  for (const step of graph.steps) {
    for (const edge of edgesInto(step)) if (names.has(edge.source)) edges.push(edge);
  }
  return edges;
}

/** Ordering-only dependencies (`source` runs before `target`) not already joined by a data edge. */
export function orderingEdges(graph: PipelineGraph): { id: string; source: string; target: string }[] {
  const names = new Set(graph.steps.map((s) => s.name));
  const out: { id: string; source: string; target: string }[] = [];
  for (const step of graph.steps) {
    const fed = new Set(edgesInto(step).map((e) => e.source));
    for (const dep of step.dependencies) {
      if (!fed.has(dep) && names.has(dep))
        out.push({ id: `${dep}->${step.name}`, source: dep, target: step.name });
    }
  }
  return out;
}
