/** The app's editor store, wired to the shared core's validation and catalog. */
import { type ComponentSpec, validateGraph } from "@pfd/shared";
import { createEditorStore, type EditorStore } from "./create";
import type { ComponentInfo } from "./types";

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
      // Until the palette has loaded the catalog, validateGraph falls back to the official one.
      validate: (graph, components) =>
        components.length > 0 ? validateGraph(graph, specsOf(components)) : validateGraph(graph),
    },
  );
}
