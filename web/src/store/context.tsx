/**
 * The store reaches components through context, as xyflow's StoreContext does: one store per
 * editor, made by the caller, so tests get a fresh one and two editors could share a page.
 */
import { createContext, type ReactNode, useContext } from "react";
import { useStore } from "zustand";
import type { EditorStore } from "./create";
import type { EditorState } from "./types";

const EditorContext = createContext<EditorStore | null>(null);

export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

/** The store itself, for verbs and `getState()` in event handlers (no re-render). */
export function useEditorApi(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditor must be used inside <EditorProvider>.");
  return store;
}

/** Subscribe to a slice of the editor state; re-renders when the selected value changes (Object.is). */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}
