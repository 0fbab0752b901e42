/**
 * The editor store: the one place the designer's pipeline lives while it is edited.
 *
 * Making and reaching it
 *   const store = createEditorStore({ graph?, components? }, { validate?, layout? });
 *   <EditorProvider store={store}>...</EditorProvider>
 *   const count = useEditor(selectStepCount);       // subscribe to a slice (module-level selectors)
 *   const api = useEditorApi();                     // the store: api.getState().verb(...), api.subscribe(...)
 *
 * State (read-only; change it through the verbs)
 *   graph: PipelineGraph        the saved model, exactly what graphToManifest writes. No UI flags inside.
 *   revision: number            +1 on every graph change
 *   dirty: boolean              differs from its kept version (as opened, or last exported); see types.ts
 *   readOnly: { reason } | null edits refused with `reason` as the notice (open in another tab); loads allowed
 *   problems: Problem[]         validation of graph, recomputed ~120 ms after a change (and when schemas come)
 *   schemas: SchemasResponse|null  design-time columns of every step (schemas/SchemaSync keeps them: setSchemas)
 *   components: ComponentSpec[] the server's palette (the catalog until it answers), loaded by the app shell (setComponents)
 *   selection: { steps: string[], edges: string[] }   step names / data-edge ids
 *   past / future               undo history (graphs)
 *   notice                      { kind: "refused"|"info"|"error", message: Msg } shown over the canvas
 *   nameLanguage: "en"|"zh"     the language new steps are named in (the UI's; setNameLanguage)
 *
 * What happened (events.ts): store.events.on("graphLoaded", (e) => ...) or .subscribe((e) => ...)
 *   graphLoaded { reason: "new"|"import"|"template"|"draft"|"reopen"|"refresh" }   graphEdited { source: "canvas"|"inspector"|"yaml" }
 *   historyRestored { direction: "undo"|"redo" }   graphSaved (markSaved made it the kept version)
 *
 * Verbs for the other panels (YAML, import/export, persistence, problems, templates)
 *   loadGraph(graph, { reason, dirty? })  replace the pipeline (import/new/template/reopen); clears
 *                               history. Give it manifestToGraph(...) output.
 *   applyGraph(graph, "yaml")   a YAML edit that parsed and validated: one undoable change
 *   markSaved()                 the open graph is the kept version now (after Export YAML, or saved to its draft)
 *   setReadOnly({ reason: msg("id") } | null)
 *   select({ steps: [name] })   e.g. from the Problems list; notify(kind, msg("id", values)) for a toast
 *
 * Graph verbs (the canvas, palette and inspector use these; each is one undo step)
 *   addComponent(key, position?) connect(c) disconnect(ids) removeSelection() removeSteps(names)
 *   renameStep(from, to) -> RenameResult  setDisplayName  setParameter(step, param, value|"" to unset)
 *   bindParameter(step, param, input|null)  setPipelineMetadata({ name, identifier, version, provider })
 *   setPipelineIo(side, kind, list)  moveSteps(map)  dragSteps(map) + endDrag() (a drag is one change, at its end)  autoLayout()
 *   select/selectAll/clearSelection  copySelection/cutSelection/paste(clip, at?)/duplicateSelection
 *   undo() redo()
 */
export { EditorProvider, useEditor, useEditorApi } from "./context";
export { createEditorStore, type EditorStore } from "./create";
export type * from "./events";
export * from "./selectors";
export type * from "./types";
