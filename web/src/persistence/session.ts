/**
 * Keeps the open pipeline in the browser: restores it at start-up, autosaves every change, keeps
 * the Recent list, and shares pipelines between tabs. Every pipeline loaded by someone else
 * (import, template, New pipeline) is a new pipeline with a record of its own, so the one it
 * replaces stays in Recent.
 *
 * Tabs: one tab edits a pipeline (it holds its lock, tabs.ts, and has claimed it, db.ts). Another
 * tab opening it shows it read-only and follows each version saved, with "Take over": the editing
 * tab saves its last change and lets go, or, when it does not answer, the pipeline is taken from
 * it. A tab that lost its pipeline before its last changes were saved never writes them over the
 * other tab's work: it saves them at once as a copy of their own and says so (edit the copy here,
 * or discard it).
 *
 * One session per editor store; `start`/`stop` follow the component that hosts it.
 */
import type { PipelineGraph } from "@pfd/shared";
import { createStore, type StoreApi } from "zustand/vanilla";
import { graphToYaml, readManifestText } from "../io/codec";
import type { EditorEvent, EditorStore } from "../store";
import { type Autosaver, createAutosaver, type PipelineSnapshot, restoreOpenPipeline } from "./autosave";
import { DB_NAME, openPipelineRepository, type PipelineRepository, TakenOverError } from "./db";
import { newLocalId, RECORD_VERSION, type SavedPipeline } from "./record";
import { createTabLink, type Hold, type Locks, type TabLink, type TabMessage } from "./tabs";

export type SaveStatus = "idle" | "saving" | "saved" | "error" | "unavailable";

/**
 * `editing`: this tab edits the open pipeline. `elsewhere`: another tab does; this one shows it
 * read-only, following its saved versions. `conflict`: another tab took it over before this
 * tab's last changes were saved; they stay on screen, read-only, and are kept as a copy in Recent
 * until the user decides.
 */
export type Access = "editing" | "elsewhere" | "conflict";

export interface PersistenceState {
  status: SaveStatus;
  recent: readonly SavedPipeline[];
  /** Id of the open pipeline's record. */
  currentId: string;
  access: Access;
  /** Take over is waiting for the editing tab to hand over. */
  takingOver: boolean;
}

export interface PersistenceSession {
  state: StoreApi<PersistenceState>;
  start(): Promise<void>;
  /** Flushes the pending save, then lets go of the pipeline and the database. */
  stop(): Promise<void>;
  reopen(id: string): Promise<void>;
  /** Removes a saved pipeline, unless it is open (here or in another tab). */
  remove(id: string): Promise<void>;
  /** Writes every change so far now; resolves when written. */
  flush(): Promise<void>;
  /** From `elsewhere`: this tab becomes the one editing the open pipeline. */
  takeOver(): Promise<void>;
  /** From `conflict`: edit the copy of this tab's version here. */
  keepAsCopy(): void;
  /** From `conflict`: delete the copy of this tab's version and show the other tab's, read-only. */
  discardMine(): void;
}

export interface SessionOptions {
  dbName?: string;
  delayMs?: number;
  mirror?: Storage | null;
  /** Where this tab remembers its pipeline across reloads (sessionStorage); null: nowhere. */
  tabMemory?: Storage | null;
  /** Web Locks; `navigator.locks` unless given. */
  locks?: Locks | null;
  /** How long Take over waits for the editing tab to hand over before taking the pipeline from it. */
  handOverMs?: number;
}

export const UNTITLED = "Untitled pipeline";

const ELSEWHERE = "This pipeline is open in another tab. Take over to edit it here.";
const CONFLICT = "Another tab took this pipeline over; your last changes are kept as a copy.";

/** The label of a pipeline in the Recent list. */
export function pipelineName(meta: { name?: unknown; identifier?: unknown; displayName?: unknown }): string {
  for (const v of [meta.displayName, meta.name, meta.identifier]) {
    if (typeof v === "string" && v.trim() !== "") return v.trim();
  }
  return UNTITLED;
}

function snapshot(id: string, createdAt: number, graph: PipelineGraph, dirty: boolean): PipelineSnapshot {
  return {
    id,
    createdAt,
    name: pipelineName(graph.metadata),
    yaml: graphToYaml(graph),
    stepCount: graph.steps.length,
    dirty,
  };
}

export function createPersistenceSession(editor: EditorStore, opts: SessionOptions = {}): PersistenceSession {
  const dbName = opts.dbName ?? DB_NAME;
  const tabKey = `${dbName}.tab-pipeline`;
  const tabMemory =
    opts.tabMemory !== undefined
      ? opts.tabMemory
      : typeof sessionStorage === "undefined"
        ? null
        : sessionStorage;
  /** This tab as a writer of pipelines (see `PipelineRepository.claim`). */
  const writer = newLocalId();
  const state = createStore<PersistenceState>()(() => ({
    status: "idle",
    recent: [],
    currentId: newLocalId(),
    access: "editing",
    takingOver: false,
  }));
  let pipeline = { id: state.getState().currentId, createdAt: Date.now() };
  /** What the database has of the open pipeline: the graph as opened, or the YAML last written. */
  let stored: PipelineGraph | string = editor.getState().graph;
  let hold: Hold | null = null;
  let repo: PipelineRepository | null = null;
  let saver: Autosaver | null = null;
  let tabs: TabLink | null = null;
  let stopListening = () => {};
  let generation = 0;
  let following: Promise<void> = Promise.resolve();
  let followQueued = false;
  /** In `conflict`: the copy of this tab's unsaved version. */
  let conflictCopy: SavedPipeline | null = null;

  const access = () => state.getState().access;
  const notify = (kind: "info" | "error" | "refused", message: string) =>
    editor.getState().notify(kind, message);

  const setAccess = (next: Access) => {
    state.setState(next === "editing" ? { access: next } : { access: next, status: "idle" });
    const reason = next === "elsewhere" ? ELSEWHERE : CONFLICT;
    editor.getState().setReadOnly(next === "editing" ? null : { reason });
  };

  const refreshRecent = async () => {
    if (repo) state.setState({ recent: await repo.list() });
  };

  const remember = (id: string) => {
    state.setState({ currentId: id });
    tabMemory?.setItem(tabKey, id);
  };

  /** The open graph has changes the database does not have. */
  const hasUnsaved = () => {
    const { graph } = editor.getState();
    return typeof stored === "string" ? graphToYaml(graph) !== stored : graph !== stored;
  };

  const save = () => {
    if (!saver || access() !== "editing") return;
    const { id, createdAt } = pipeline;
    // The graph is immutable: keep this one, serialize it only when (and if) it is written.
    const { graph, dirty } = editor.getState();
    state.setState({ status: "saving" });
    saver.change(() => snapshot(id, createdAt, graph, dirty));
  };

  /** Writes `record` under a new id, so it cannot overwrite anything; null when that failed too. */
  const keepCopy = async (record: SavedPipeline): Promise<SavedPipeline | null> => {
    const copy = { ...record, id: newLocalId(), createdAt: Date.now(), savedAt: Date.now(), dirty: true };
    try {
      if (!repo) throw new Error("the browser's database is closed");
      await repo.put(copy, writer);
      await refreshRecent();
      return copy;
    } catch (e) {
      console.error("paiflow: cannot keep a copy", e);
      notify(
        "error",
        `Your last changes to “${record.name}” could not be saved: export the YAML to keep them.`,
      );
      return null;
    }
  };

  /** This tab's version lost the pipeline before it was saved: keep it as a copy, on screen, read-only. */
  const enterConflict = async () => {
    setAccess("conflict");
    const { id, createdAt } = pipeline;
    const { graph, dirty } = editor.getState();
    const copy = await keepCopy({
      version: RECORD_VERSION,
      ...snapshot(id, createdAt, graph, dirty),
      savedAt: 0,
    });
    if (id === pipeline.id && access() === "conflict") conflictCopy = copy;
  };

  /** Lets go of the open pipeline once its last change is written. */
  const letGo = () => {
    const held = hold;
    hold = null;
    const written = saver?.flush() ?? Promise.resolve();
    if (held) void written.finally(() => held.release());
  };

  /** Holds a new pipeline's lock: no other tab can know its id yet, so it is edited at once. */
  const holdNew = (id: string) => {
    const mine = generation;
    void tabs
      ?.tryHold(id, () => lost(id))
      .then((held) => {
        if (mine === generation && id === pipeline.id && !hold && access() === "editing") hold = held;
        else held?.release();
      });
  };

  /** Another tab took the open pipeline (by force, or its claim refused a write). */
  const lost = (id: string) => {
    if (id !== pipeline.id || access() !== "editing") return;
    hold = null;
    saver?.cancel();
    setAccess("elsewhere");
    // Writes already on their way land or are refused; then what is not stored is this tab's own.
    void (saver?.flush() ?? Promise.resolve()).then(() => {
      if (id !== pipeline.id || access() !== "elsewhere") return;
      if (hasUnsaved()) void enterConflict();
      else follow();
    });
  };

  /** Take over, asked by another tab: save the last change, then let go and follow. */
  const handOver = async (id: string) => {
    if (id !== pipeline.id || access() !== "editing") return;
    setAccess("elsewhere");
    await saver?.flush();
    if (id !== pipeline.id) return;
    hold?.release();
    hold = null;
    if (access() === "elsewhere" && hasUnsaved()) await enterConflict();
  };

  /** Shows the newest stored version of the pipeline another tab edits. */
  const follow = () => {
    if (followQueued) return;
    followQueued = true;
    following = following
      .then(async () => {
        followQueued = false;
        const { id } = pipeline;
        const record = await repo?.get(id);
        if (!record || id !== pipeline.id || access() !== "elsewhere") return;
        const read = readManifestText(record.yaml, { acceptErrors: true });
        if (!read.ok) return;
        stored = read.graph;
        editor.getState().loadGraph(read.graph, { reason: "refresh", dirty: record.dirty });
      })
      .catch((e) => console.error("paiflow: cannot show the other tab's version", e));
  };

  const onSaveError = (e: unknown) => {
    if (e instanceof TakenOverError) {
      if (e.record.id === pipeline.id) lost(e.record.id);
      else {
        // A pipeline this tab had already left: its last change becomes a pipeline of its own.
        void keepCopy(e.record).then((copy) => {
          if (copy)
            notify(
              "info",
              `Your last changes to “${copy.name}” are kept as a copy in Recent: another tab took it over.`,
            );
        });
      }
      return;
    }
    console.error("paiflow: autosave failed", e);
    state.setState({ status: "error" });
  };

  /** Opens a saved pipeline: for editing when no other tab has it, else read-only. False if it does not read. */
  const open = async (record: SavedPipeline, untouched?: number): Promise<boolean> => {
    const mine = generation;
    const { id } = record;
    const held = (await tabs?.tryHold(id, () => lost(id))) ?? null;
    const latest = (held && (await repo?.claim(id, writer))) || record;
    const read = readManifestText(latest.yaml, { acceptErrors: true });
    const abandoned =
      mine !== generation || (untouched !== undefined && editor.getState().revision !== untouched);
    if (abandoned || !read.ok) {
      held?.release();
      // The user's own work comes back as it was saved, half-built or not; only unreadable text stops it.
      if (!read.ok && !abandoned) {
        const why = read.problems[0]?.message ?? "unreadable";
        notify("error", `Saved pipeline “${record.name}” cannot be read: ${why}`);
      }
      return false;
    }
    letGo();
    conflictCopy = null;
    pipeline = { id, createdAt: latest.createdAt };
    remember(id);
    hold = held;
    stored = read.graph;
    editor.getState().loadGraph(read.graph, { reason: "reopen", dirty: latest.dirty });
    setAccess(held ? "editing" : "elsewhere");
    return true;
  };

  const onEvent = (e: EditorEvent) => {
    if (e.type === "graphLoaded") {
      // The session's own loads: a pipeline saved in this browser, as stored.
      if (e.reason === "reopen" || e.reason === "refresh") return;
      // Someone else's: a new pipeline. The replaced one's last change is written under its own id.
      letGo();
      conflictCopy = null;
      pipeline = { id: newLocalId(), createdAt: Date.now() };
      remember(pipeline.id);
      stored = editor.getState().graph;
      setAccess("editing");
      holdNew(pipeline.id);
      if (editor.getState().graph.steps.length === 0) {
        // A blank new pipeline is not worth a Recent entry until it has something in it; still
        // remember it is the open one, so a reload does not bring back the pipeline it replaced.
        const { id } = pipeline;
        const r = repo;
        void (saver?.flush() ?? Promise.resolve()).then(() => r?.setCurrentId(id));
        return;
      }
    }
    save();
  };

  const onMessage = (m: TabMessage) => {
    if (m.type === "saved") {
      void refreshRecent();
      if (m.id === pipeline.id && access() === "elsewhere") follow();
    } else if (m.id === pipeline.id) void handOver(m.id);
  };

  return {
    state,
    async start() {
      const mine = ++generation;
      const startRevision = editor.getState().revision;
      // Changes made while the database opens are saved once it is open.
      let changedMeanwhile = false;
      const link = createTabLink(dbName, { locks: opts.locks });
      tabs = link;
      const unsubscribe = editor.events.subscribe((e) => {
        changedMeanwhile = true;
        onEvent(e);
      });
      const unlisten = link.listen(onMessage);
      stopListening = () => {
        unsubscribe();
        unlisten();
      };
      holdNew(pipeline.id);
      let opened: PipelineRepository;
      try {
        opened = await openPipelineRepository(opts.dbName);
      } catch (e) {
        console.error("paiflow: IndexedDB unavailable; autosave is off", e);
        if (mine === generation) state.setState({ status: "unavailable" });
        return;
      }
      if (mine !== generation) return opened.close();
      repo = opened;
      saver = createAutosaver({
        repo: opened,
        writer,
        delayMs: opts.delayMs,
        mirror: opts.mirror,
        onError: onSaveError,
        onSaved: (record) => {
          // Tabs showing it follow, even when this tab is closing.
          link.post({ type: "saved", id: record.id });
          if (mine !== generation) return;
          if (record.id === pipeline.id) stored = record.yaml;
          if (state.getState().status === "saving") state.setState({ status: "saved" });
          void refreshRecent();
        },
      });
      const prefer = tabMemory?.getItem(tabKey) ?? undefined;
      const restored = await restoreOpenPipeline(opened, { mirror: opts.mirror, prefer });
      if (mine !== generation) return;
      for (const copy of restored.copies) {
        notify("info", `Unsaved changes to “${copy.name}” from a closed tab are kept as a copy in Recent.`);
      }
      // Restore only into an editor nobody has touched yet; otherwise save what they did.
      const untouched = editor.getState().revision === startRevision;
      if (restored.record && untouched) await open(restored.record, startRevision);
      else if (changedMeanwhile) save();
      await refreshRecent();
    },
    async stop() {
      generation++;
      stopListening();
      const s = saver;
      const r = repo;
      const t = tabs;
      saver = null;
      repo = null;
      if (s) {
        await s.flush();
        s.dispose();
      }
      hold?.release();
      hold = null;
      tabs = null;
      t?.close();
      r?.close();
    },
    async reopen(id) {
      if (!repo) return;
      await saver?.flush();
      const record = await repo.get(id);
      if (!record) {
        notify("error", "That pipeline is no longer saved in this browser");
        await refreshRecent();
        return;
      }
      if (await open(record)) await repo?.setCurrentId(id);
    },
    async flush() {
      await saver?.flush();
    },
    async remove(id) {
      const r = repo;
      if (!r || !tabs || id === pipeline.id) return;
      if (!(await tabs.whileFree(id, () => r.remove(id)))) {
        notify("refused", "That pipeline is open in another tab: close it there first.");
      }
      await refreshRecent();
    },
    async takeOver() {
      const { id } = pipeline;
      const link = tabs;
      if (!link || !repo || access() !== "elsewhere" || state.getState().takingOver) return;
      state.setState({ takingOver: true });
      try {
        const held = await link.takeOver(id, () => lost(id), opts.handOverMs ?? 1500);
        const record =
          id === pipeline.id && access() === "elsewhere" ? await repo?.claim(id, writer) : undefined;
        if (id !== pipeline.id || access() !== "elsewhere") {
          held.release();
          return;
        }
        hold = held;
        const read = record && readManifestText(record.yaml, { acceptErrors: true });
        if (record && read?.ok) {
          stored = read.graph;
          editor.getState().loadGraph(read.graph, { reason: "refresh", dirty: record.dirty });
        }
        setAccess("editing");
      } finally {
        state.setState({ takingOver: false });
      }
    },
    keepAsCopy() {
      const copy = conflictCopy;
      if (access() !== "conflict" || !copy) return;
      conflictCopy = null;
      pipeline = { id: copy.id, createdAt: copy.createdAt };
      remember(copy.id);
      stored = copy.yaml;
      setAccess("editing");
      holdNew(copy.id);
      // Still nothing but the copy is on screen: the next change saves it as usual.
      save();
    },
    discardMine() {
      const copy = conflictCopy;
      if (access() !== "conflict") return;
      conflictCopy = null;
      setAccess("elsewhere");
      follow();
      const r = repo;
      if (copy && r) void r.remove(copy.id).then(refreshRecent);
    },
  };
}
