/** The app's editor store, wired to the shared core's validation and catalog. */
import { catalog, validateGraph } from "@pfd/shared";
import { validate } from "../io/codec";
import { createEditorStore, type EditorStore } from "./create";

export function createAppStore(): EditorStore {
  // The catalog from the first render; the app shell adds the server's components when they come.
  return createEditorStore(
    { components: catalog },
    {
      // Without schemas, a graph just read from text was validated there already (codec caches it).
      validate: (graph, components, options) =>
        options.schemas ? validateGraph(graph, components, options) : validate(graph, components),
    },
  );
}
