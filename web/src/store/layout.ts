/** "Auto layout": the shared core's layered left-to-right layout, over every step. */
import { autoLayout, type PipelineGraph } from "@pfd/shared";
import type { EditorState } from "./types";

/**
 * Re-arranges every step, not only those without a position, giving each the room of its drawn
 * size (a step with many ports is taller).
 */
export function relayoutAll(graph: PipelineGraph, measured: EditorState["measured"]): PipelineGraph {
  const { steps } = autoLayout(
    { ...graph, steps: graph.steps.map((s) => ({ ...s, position: undefined })) },
    { sizeOf: (s) => measured.get(s.name) },
  );
  return { ...graph, steps };
}
