/**
 * The graph of a past run, for the read-only history view: the manifest that ran, laid out as
 * the canvas would (saved positions, dagre for the rest), as plain React Flow nodes and edges.
 */
import {
  autoLayout,
  dataEdges,
  manifestToGraph,
  orderingEdges,
  type Problem,
  parseManifest,
} from "@pfd/shared";
import type { Edge, Node } from "@xyflow/react";

export interface HistoryNodeData extends Record<string, unknown> {
  label: string;
  component: string;
  stepName: string;
}

export type HistoryGraph =
  | { ok: true; nodes: Node<HistoryNodeData>[]; edges: Edge[] }
  | { ok: false /** Why it could not be read, when the parser said. */; problem?: Problem };

/** Reads a run's manifest text into read-only nodes and edges; never throws. */
export function historyGraph(manifest: string): HistoryGraph {
  const parsed = parseManifest(manifest);
  if (!parsed.stream) {
    const first = parsed.problems[0];
    return first ? { ok: false, problem: first } : { ok: false };
  }
  const graph = autoLayout(manifestToGraph(parsed.stream));
  const nodes = graph.steps.map(
    (step): Node<HistoryNodeData> => ({
      id: step.name,
      type: "history",
      position: step.position ?? { x: 0, y: 0 },
      data: {
        label: step.displayName || step.name,
        component: step.component.identifier ?? step.component.guid ?? "",
        stepName: step.name,
      },
      draggable: false,
      connectable: false,
      selectable: true,
      ariaLabel: step.displayName || step.name,
    }),
  );
  const edges: Edge[] = [
    ...dataEdges(graph).map((e) => ({ id: e.id, source: e.source, target: e.target })),
    ...orderingEdges(graph).map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      style: { strokeDasharray: "4 4" },
    })),
  ];
  return { ok: true, nodes, edges };
}
