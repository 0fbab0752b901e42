/** The app's editor store, wired to the shared core's validation and catalog. */
import { type ComponentSpec, validateGraph } from "@pfd/shared";
import { CATALOG_COMPONENTS } from "./catalog";
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
    // The catalog from the first render; the app shell adds the server's components when they come.
    { components: CATALOG_COMPONENTS },
    { validate: (graph, components) => validateGraph(graph, specsOf(components)) },
  );
}
