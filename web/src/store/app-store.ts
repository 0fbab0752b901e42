/** The app's editor store, wired to the shared core's layout, validation and catalog. */
import { autoLayout, type ComponentSpec, type PipelineGraph, validateGraph } from "@pfd/shared";
import { createEditorStore, type EditorStore } from "./create";
import type { ComponentInfo, EditorState } from "./types";

/**
 * "Auto layout" re-arranges every step, not only those without a position, giving each the room
 * of its drawn size (a step with many ports is taller).
 */
function relayoutAll(graph: PipelineGraph, measured: EditorState["measured"]): PipelineGraph {
  const { steps } = autoLayout(
    { ...graph, steps: graph.steps.map((s) => ({ ...s, position: undefined })) },
    { sizeOf: (s) => measured.get(s.name) },
  );
  return { ...graph, steps };
}

const specCache = new WeakMap<readonly ComponentInfo[], ComponentSpec[]>();

function specsOf(components: readonly ComponentInfo[]): ComponentSpec[] {
  let specs = specCache.get(components);
  if (!specs) {
    specs = components.flatMap((c) => (c.spec ? [c.spec] : []));
    specCache.set(components, specs);
  }
  return specs;
}

export function createAppStore(): EditorStore {
  return createEditorStore(
    {},
    {
      layout: relayoutAll,
      // Until the palette has loaded the catalog, validateGraph falls back to the official one.
      validate: (graph, components) =>
        components.length > 0 ? validateGraph(graph, specsOf(components)) : validateGraph(graph),
    },
  );
}
