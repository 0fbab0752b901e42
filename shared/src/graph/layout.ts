/** Automatic left-to-right layout (dagre) for steps that have no saved position. */
import dagre from "@dagrejs/dagre";
import { dataEdges, orderingEdges } from "./edges";
import type { GraphStep, PipelineGraph } from "./types";

/**
 * A step node's size, the one definition the canvas draws with and the layout reserves room by:
 * `width` wide, at least `minHeight` tall (taller with many ports); the layout reserves `height`
 * for a node whose drawn size it is not told.
 */
export const NODE_SIZE = { width: 240, minHeight: 64, height: 72 } as const;

export interface LayoutOptions {
  /** A step's drawn size where the canvas knows it (a step with many ports is taller); NODE_SIZE otherwise. */
  sizeOf?: (step: GraphStep) => { width: number; height: number } | undefined;
}

/** Returns the graph with a position for every step that had none; positioned steps do not move. */
export function autoLayout(graph: PipelineGraph, opts: LayoutOptions = {}): PipelineGraph {
  if (graph.steps.every((s) => s.position)) return graph;
  const size = (step: GraphStep) => opts.sizeOf?.(step) ?? NODE_SIZE;
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const step of graph.steps) {
    const { width, height } = size(step);
    g.setNode(step.name, { width, height });
  }
  for (const e of dataEdges(graph)) g.setEdge(e.source, e.target);
  for (const e of orderingEdges(graph)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  // Place new steps below whatever the user already arranged, so nothing overlaps it.
  const placed = graph.steps.filter((s) => s.position);
  const offsetY =
    placed.length > 0
      ? Math.max(...placed.map((s) => (s.position?.y ?? 0) + size(s).height)) + NODE_SIZE.height
      : 0;
  return {
    ...graph,
    steps: graph.steps.map((step) => {
      if (step.position) return step;
      const node = g.node(step.name);
      if (!node) return step;
      const { width, height } = size(step);
      const x = Math.round(node.x - width / 2);
      const y = Math.round(node.y - height / 2 + offsetY);
      return { ...step, position: { x, y } };
    }),
  };
}
