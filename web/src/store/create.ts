/**
 * The editor store factory: graph, selection, history and ui slices combined in one zustand
 * store. Graph verbs call the pure operations of `@pfd/shared` and record one undo entry each;
 * nothing here touches storage, the network or the DOM.
 */
import {
  addComponentStep,
  bindParameterToInput,
  type ComponentSpec,
  type Connection,
  canConnect,
  catalog,
  componentLookup,
  connect,
  copySteps,
  deepEqual,
  disconnect,
  edgesInto,
  moveSteps,
  newPipelineGraph,
  type PipelineGraph,
  type Problem,
  pasteSteps,
  portTypesOf,
  removeSteps,
  renameStep,
  type SchemasResponse,
  setDisplayName,
  setParameter,
  setParameterBinding,
  setPipelineIo,
  setPipelineMetadata,
} from "@pfd/shared";
import { createStore, type StoreApi } from "zustand/vanilla";
import { msg } from "../i18n/messages";
import { createEventChannel, type EditorEvent, type EditSource, type EventChannel } from "./events";
import { type CoalesceMark, pushHistory, redoHistory, undoHistory } from "./history";
import { relayoutAll } from "./layout";
import type { EditorState, Selection } from "./types";

/** The editor's state and verbs, and the channel that says what happened to its pipeline. */
export type EditorStore = StoreApi<EditorState> & { events: EventChannel<EditorEvent> };

export interface EditorDeps {
  /** Validation of a graph (shared `validateGraph`), with its design-time schemas when known; none: no problems are shown. */
  validate?: (
    graph: PipelineGraph,
    components: readonly ComponentSpec[],
    options: { schemas?: SchemasResponse | undefined },
  ) => readonly Problem[];
  /** Automatic layout; defaults to the shared core's layered left-to-right layout of every step. */
  layout?: (graph: PipelineGraph, measured: EditorState["measured"]) => PipelineGraph;
  /** Delay before re-validating after a change, in ms (0 in tests: at once). */
  validateDelayMs?: number;
}

export interface EditorInit {
  graph?: PipelineGraph;
  /** The official catalog by default. */
  components?: readonly ComponentSpec[];
}

const PASTE_OFFSET = 40;
const NO_SELECTION: Selection = { steps: [], edges: [] };

/** A fresh editor store; tests and each editor on a page get their own. */
export function createEditorStore(init: EditorInit = {}, deps: EditorDeps = {}): EditorStore {
  const events = createEventChannel<EditorEvent>();
  let lastCoalesce: CoalesceMark | null = null;
  let noticeId = 0;
  let pasteCount = 0;
  const initial = init.graph ?? newPipelineGraph();
  /** The kept version `dirty` compares against; null when unknown (restored with changes not exported). */
  let kept: PipelineGraph | null = initial;

  const differsFromKept = (graph: PipelineGraph) =>
    kept === null || (graph !== kept && !deepEqual(graph, kept));

  const store = createStore<EditorState>()((set, get) => {
    /** False, with the reason as a notice, when edits are refused. */
    const editable = () => {
      const { readOnly } = get();
      if (readOnly) get().notify("refused", readOnly.reason);
      return !readOnly;
    };

    /**
     * Replace the graph as one undoable change (`coalesce` merges rapid edits of one field), with
     * the selection that goes with it; false when refused. One state update, then the event.
     */
    const commit = (
      next: PipelineGraph,
      source: EditSource,
      opts: { coalesce?: string; selection?: Selection } = {},
    ): boolean => {
      if (!editable()) return false;
      const s = get();
      if (next === s.graph) {
        if (opts.selection) set({ selection: opts.selection });
        return true;
      }
      const mark = opts.coalesce ? { key: opts.coalesce, at: Date.now() } : undefined;
      const history = pushHistory(s, s.graph, mark, lastCoalesce);
      lastCoalesce = mark ?? null;
      set({
        graph: next,
        revision: s.revision + 1,
        dirty: differsFromKept(next),
        ...(history ?? {}),
        ...(opts.selection ? { selection: opts.selection } : {}),
      });
      events.emit({ type: "graphEdited", source });
      return true;
    };

    /** The selection, less what `graph` no longer has. */
    const liveSelection = (graph: PipelineGraph) => {
      const { selection } = get();
      const names = new Set(graph.steps.map((st) => st.name));
      const steps = selection.steps.filter((n) => names.has(n));
      return steps.length === selection.steps.length && selection.edges.length === 0
        ? selection
        : { steps, edges: [] };
    };

    /** Puts back a graph from the undo or redo stack (nothing when the stack is empty). */
    const restore = (r: ReturnType<typeof undoHistory>, direction: "undo" | "redo") => {
      if (!r || !editable()) return;
      lastCoalesce = null;
      set({
        ...r.history,
        graph: r.graph,
        revision: get().revision + 1,
        dirty: differsFromKept(r.graph),
        selection: liveSelection(r.graph),
      });
      events.emit({ type: "historyRestored", direction });
    };

    return {
      graph: initial,
      revision: 0,
      dirty: false,
      readOnly: null,
      problems: [],
      schemas: null,
      components: init.components ?? catalog,
      selection: NO_SELECTION,
      past: [],
      future: [],
      notice: null,
      contextMenu: null,
      measured: new Map(),
      renaming: null,
      viewCentre: { x: 0, y: 0 },
      dragPositions: null,
      nameLanguage: "en",

      loadGraph(graph, { reason, dirty = false }) {
        lastCoalesce = null;
        kept = dirty ? null : graph;
        const refresh = reason === "refresh";
        set({
          graph,
          revision: get().revision + 1,
          dirty,
          past: [],
          future: [],
          dragPositions: null,
          // Another pipeline's columns would flag this one's: none until its own schemas come.
          ...(refresh ? {} : { schemas: null }),
          // A refresh shows a newer version of the same pipeline: what the user looks at stays.
          selection: refresh ? liveSelection(graph) : NO_SELECTION,
          ...(refresh ? {} : { contextMenu: null }),
        });
        events.emit({ type: "graphLoaded", reason });
      },
      applyGraph(graph, source) {
        commit(graph, source, { selection: liveSelection(graph) });
      },
      setComponents(components) {
        set({ components });
      },
      setSchemas(schemas) {
        set({ schemas });
      },
      markSaved() {
        const { graph, dirty } = get();
        kept = graph;
        if (!dirty) return;
        set({ dirty: false });
        events.emit({ type: "graphSaved" });
      },
      setReadOnly(readOnly) {
        // A drag in flight would otherwise land after the edit rights are gone.
        set(readOnly ? { readOnly, dragPositions: null } : { readOnly });
      },

      addComponent(key, position) {
        const component = componentLookup(get().components).byKey(key);
        if (!component) {
          get().notify("error", msg("notice.unknownComponent", { key }));
          return null;
        }
        const at = position ?? freeSpot(get().graph, get().viewCentre);
        const { graph, name } = addComponentStep(get().graph, component, {
          position: at,
          language: get().nameLanguage,
        });
        return commit(graph, "canvas", { selection: { steps: [name], edges: [] } }) ? name : null;
      },
      connect(c: Connection) {
        const check = canConnect(get().graph, c, portTypesOf(get().components));
        if (!check.ok) {
          get().notify("refused", msg(`connect.${check.code}`, check.params));
          return false;
        }
        return commit(connect(get().graph, c), "canvas");
      },
      disconnect(edgeIds) {
        commit(disconnectAll(get().graph, edgeIds), "canvas", {
          selection: { steps: get().selection.steps, edges: [] },
        });
      },
      removeSelection() {
        const { selection, graph } = get();
        // Edges and steps go in one change: one undo step.
        const next = removeSteps(disconnectAll(graph, selection.edges), selection.steps);
        commit(next, "canvas", { selection: NO_SELECTION });
      },
      removeSteps(names) {
        const next = removeSteps(get().graph, names);
        commit(next, "canvas", { selection: liveSelection(next) });
      },
      renameStep(from, to) {
        const { readOnly } = get();
        if (readOnly) return { ok: false, code: "read-only", message: readOnly.reason };
        const r = renameStep(get().graph, from, to);
        if (r.ok) {
          const steps = get().selection.steps.map((n) => (n === from ? to : n));
          commit(r.graph, "inspector", { selection: { steps, edges: [] } });
        }
        return r;
      },
      setDisplayName(step, displayName) {
        commit(setDisplayName(get().graph, step, displayName), "inspector", { coalesce: `display:${step}` });
      },
      setParameter(step, param, value) {
        commit(setParameter(get().graph, step, param, value), "inspector", {
          coalesce: `param:${step}:${param}`,
        });
      },
      bindParameter(step, param, input) {
        const g = get().graph;
        if (input === null) {
          commit(setParameterBinding(g, step, param, undefined), "inspector");
          return;
        }
        const st = g.steps.find((x) => x.name === step);
        const component = st ? componentLookup(get().components).of(st.component) : undefined;
        const type = component?.parameters.find((p) => p.name === param)?.type ?? "String";
        commit(bindParameterToInput(g, step, param, input, { type }), "inspector");
      },
      setPipelineMetadata(patch) {
        const coalesce = `meta:${Object.keys(patch).join(",")}`;
        commit(setPipelineMetadata(get().graph, patch), "inspector", { coalesce });
      },
      setPipelineIo(side, kind, list) {
        commit(setPipelineIo(get().graph, side, kind, list as never), "inspector", {
          coalesce: `io:${side}:${kind}`,
        });
      },

      moveSteps(positions) {
        commit(moveSteps(get().graph, positions), "canvas");
      },
      dragSteps(positions) {
        const next = new Map(get().dragPositions ?? []);
        for (const [k, p] of positions) next.set(k, p);
        set({ dragPositions: next });
      },
      endDrag() {
        const moved = get().dragPositions;
        if (!moved) return;
        set({ dragPositions: null });
        commit(moveSteps(get().graph, moved), "canvas");
      },
      autoLayout() {
        commit((deps.layout ?? relayoutAll)(get().graph, get().measured), "canvas");
      },

      select(sel, mode = "replace") {
        const cur = get().selection;
        const merge = (a: readonly string[], b: readonly string[] | undefined) => {
          if (!b) return mode === "replace" ? [] : a;
          if (mode === "replace") return b;
          if (mode === "add") return [...new Set([...a, ...b])];
          const out = a.filter((x) => !b.includes(x));
          for (const x of b) if (!a.includes(x)) out.push(x);
          return out;
        };
        set({ selection: { steps: merge(cur.steps, sel.steps), edges: merge(cur.edges, sel.edges) } });
      },
      selectAll() {
        set({ selection: { steps: get().graph.steps.map((s) => s.name), edges: [] } });
      },
      clearSelection() {
        if (get().selection.steps.length || get().selection.edges.length)
          set({ selection: { steps: [], edges: [] } });
      },
      copySelection() {
        const names = get().selection.steps;
        if (names.length === 0) return null;
        pasteCount = 0;
        return copySteps(get().graph, names);
      },
      cutSelection() {
        const clip = get().copySelection();
        if (clip) get().removeSteps(clip.steps.map((s) => s.name));
        return clip;
      },
      paste(clip, at) {
        if (clip.steps.length === 0) return;
        let offset = { x: PASTE_OFFSET * (pasteCount + 1), y: PASTE_OFFSET * (pasteCount + 1) };
        if (at) {
          const xs = clip.steps.map((s) => s.position?.x ?? 0);
          const ys = clip.steps.map((s) => s.position?.y ?? 0);
          offset = { x: at.x - Math.min(...xs), y: at.y - Math.min(...ys) };
        } else pasteCount++;
        const { graph, names } = pasteSteps(get().graph, clip, offset);
        commit(graph, "canvas", { selection: { steps: names, edges: [] } });
      },
      duplicateSelection() {
        const clip = copySteps(get().graph, get().selection.steps);
        if (clip.steps.length > 0) get().paste(clip);
      },

      undo() {
        restore(undoHistory(get(), get().graph), "undo");
      },
      redo() {
        restore(redoHistory(get(), get().graph), "redo");
      },

      notify(kind, message) {
        set({ notice: { id: ++noticeId, kind, message } });
      },
      dismissNotice() {
        set({ notice: null });
      },
      openContextMenu(menu) {
        set({ contextMenu: menu });
      },
      setRenaming(step) {
        set({ renaming: step });
      },
      setMeasured(sizes) {
        const next = new Map(get().measured);
        for (const [k, v] of sizes) next.set(k, v);
        set({ measured: next });
      },
      setViewCentre(p) {
        set({ viewCentre: p });
      },
      setNameLanguage(language) {
        set({ nameLanguage: language });
      },
    };
  });

  watchValidation(store, deps);
  return Object.assign(store, { events: { subscribe: events.subscribe, on: events.on } });
}

/** `graph` without the data edges `edgeIds` (shared `edgeId`s). */
function disconnectAll(graph: PipelineGraph, edgeIds: readonly string[]): PipelineGraph {
  if (edgeIds.length === 0) return graph;
  const wanted = new Set(edgeIds);
  let g = graph;
  for (const e of graph.steps.flatMap(edgesInto))
    if (wanted.has(e.id)) g = disconnect(g, e.target, e.targetInput);
  return g;
}

/** `near`, or the first spot below it that no step occupies, so added steps never hide each other. */
function freeSpot(graph: PipelineGraph, near: { x: number; y: number }): { x: number; y: number } {
  const taken = (p: { x: number; y: number }) =>
    graph.steps.some(
      (s) => s.position && Math.abs(s.position.x - p.x) < 200 && Math.abs(s.position.y - p.y) < 80,
    );
  let p = near;
  for (let i = 0; i < 50 && taken(p); i++) p = { x: p.x, y: p.y + 96 };
  return p;
}

/** Re-validate shortly after the graph or the component list changes (a drag validates once, at rest). */
function watchValidation(store: StoreApi<EditorState>, deps: EditorDeps): void {
  const validate = deps.validate;
  if (!validate) return;
  const delay = deps.validateDelayMs ?? 120;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    const { graph, components, schemas } = store.getState();
    store.setState({ problems: validate(graph, components, { schemas: schemas ?? undefined }) });
  };
  run();
  store.subscribe((s, prev) => {
    if (s.graph === prev.graph && s.components === prev.components && s.schemas === prev.schemas) return;
    if (delay === 0) return run();
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delay);
  });
}
