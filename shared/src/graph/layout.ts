/** Automatic left-to-right layout (dagre) for steps that have no saved position. */
import dagre from "@dagrejs/dagre";
import { dataEdges, orderingEdges } from "./edges";
import type { PipelineGraph } from "./types";

/** The size the layout reserves for a node: the canvas's `.step-node` is 240 px wide and 64-84 px tall. */
export const NODE_SIZE = { width: 240, height: 72 } as const;

/** Returns the graph with a position for every step that had none; positioned steps do not move. */
export function autoLayout(graph: PipelineGraph): PipelineGraph {
  if (graph.steps.every((s) => s.position)) return graph;
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const step of graph.steps) g.setNode(step.name, { width: NODE_SIZE.width, height: NODE_SIZE.height });
  for (const e of dataEdges(graph)) g.setEdge(e.source, e.target);
  for (const e of orderingEdges(graph)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  // Place new steps below whatever the user already arranged, so nothing overlaps it.
  const placed = graph.steps.filter((s) => s.position);
  const offsetY =
    placed.length > 0 ? Math.max(...placed.map((s) => s.position?.y ?? 0)) + NODE_SIZE.height * 2 : 0;
  return {
    ...graph,
    steps: graph.steps.map((step) => {
      if (step.position) return step;
      const node = g.node(step.name);
      if (!node) return step;
      const x = Math.round(node.x - NODE_SIZE.width / 2);
      const y = Math.round(node.y - NODE_SIZE.height / 2 + offsetY);
      return { ...step, position: { x, y } };
    }),
  };
}
