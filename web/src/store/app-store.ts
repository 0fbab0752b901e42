/** The app's editor store, wired to the shared core's validation. */
import { validateGraph } from "@pfd/shared";
import { createEditorStore, type EditorStore } from "./create";

export function createAppStore(): EditorStore {
  return createEditorStore({}, { validate: validateGraph });
}
