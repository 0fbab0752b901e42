/**
 * The editor store: the one place the designer's pipeline lives while it is edited.
 *
 * Making and reaching it
 *   const store = createEditorStore({ graph?, components? }, { validate?, layout? });
 *   <EditorProvider store={store}>...</EditorProvider>
 *   const steps = useEditor(selectSteps);          // subscribe to a slice (module-level selectors)
 *   const api = useEditorApi();                     // the store: api.getState().verb(...), api.subscribe(...)
 *
 * State (read-only; change it through the verbs)
 *   graph: PipelineGraph        the saved model, exactly what graphToManifest writes. No UI flags inside.
 *   revision: number            +1 on every graph change; lastChange: "canvas"|"inspector"|"yaml"|"load"|"history"
 *   dirty: boolean              changed since load/markSaved()  ("New pipeline" asks first when true)
 *   problems: Problem[]         validation of graph, recomputed ~120 ms after a change
 *   components: ComponentSpec[] the palette: shared catalog + the user's own (setComponents)
 *   selection: { steps: string[], edges: string[] }   step names / data-edge ids
 *   past / future               undo history (graphs)
 *   notice                      { kind: "refused"|"info"|"error", message } shown over the canvas
 *
 * Verbs for the other panels (YAML, import/export, persistence, problems, templates)
 *   loadGraph(graph, { source?, keepHistory?, dirty? })  replace the pipeline (import/new/template/restore);
 *                               clears history unless keepHistory. Give it manifestToGraph(...) output.
 *   applyGraph(graph, "yaml")   a YAML edit that parsed and validated: one undoable change
 *   markSaved()                 after autosave wrote the current revision
 *   select({ steps: [name] })   e.g. from the Problems list; notify(kind, message) for a toast
 *   Watching changes: api.subscribe((s, prev) => { if (s.revision !== prev.revision) ... })
 *
 * Graph verbs (the canvas, palette and inspector use these; each is one undo step)
 *   addComponent(key, position?) connect(c) disconnect(ids) removeSelection() removeSteps(names)
 *   renameStep(from, to) -> OpResult   setDisplayName  setParameter(step, param, value|"" to unset)
 *   bindParameter(step, param, input|null)  setPipelineMetadata({ name, identifier, version, provider })
 *   setPipelineIo(side, kind, list)  moveSteps(map)  dragSteps(map) + endDrag() (a drag is one change, at its end)  autoLayout()
 *   select/selectAll/clearSelection  copySelection/cutSelection/paste(clip, at?)/duplicateSelection
 *   undo() redo()
 */
export { EditorProvider, useEditor, useEditorApi } from "./context";
export { createEditorStore, type EditorStore } from "./create";
export * from "./selectors";
export type * from "./types";
