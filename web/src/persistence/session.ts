/**
 * Keeps the open pipeline in the browser: restores it at start-up, autosaves every change, and
 * keeps the Recent list; sharing.ts shares pipelines between tabs. Every pipeline loaded by
 * someone else (import, template, New pipeline) is a new pipeline with a record of its own, so
 * the one it replaces stays in Recent.
 * One session per editor store; `start`/`stop` follow the component that hosts it.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { msg } from "../i18n/messages";
import { readManifestText } from "../io/codec";
import type { EditorEvent, EditorStore } from "../store";
import { graphToYamlAsync } from "../yaml/readInWorker";
import { createAutosaver, restoreOpenPipeline } from "./autosave";
import { DB_NAME, openPipelineRepository, type PipelineRepository } from "./db";
import { newLocalId, type SavedPipeline } from "./record";
import { createSharing } from "./sharing";
import { recordLabel, snapshot } from "./snapshot";
import type { PersistenceState, SessionCore } from "./state";
import { createTabLink, type Locks } from "./tabs";

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

const defaultTabMemory = () => (typeof sessionStorage === "undefined" ? null : sessionStorage);

export function createPersistenceSession(editor: EditorStore, opts: SessionOptions = {}): PersistenceSession {
  const dbName = opts.dbName ?? DB_NAME;
  const tabKey = `${dbName}.tab-pipeline`;
  const tabMemory = opts.tabMemory !== undefined ? opts.tabMemory : defaultTabMemory();
  const state = createStore<PersistenceState>()(() => ({
    status: "idle",
    recent: [],
    currentId: newLocalId(),
    access: "editing",
    takingOver: false,
  }));
  const core: SessionCore = {
    editor,
    state,
    writer: newLocalId(),
    pipeline: { id: state.getState().currentId, createdAt: Date.now() },
    hold: null,
    stored: editor.getState().graph,
    repo: null,
    saver: null,
    tabs: null,
    generation: 0,
    setPipeline(next) {
      sharing.switched();
      core.pipeline = next;
      state.setState({ currentId: next.id });
      tabMemory?.setItem(tabKey, next.id);
    },
    save() {
      const { saver, pipeline } = core;
      if (!saver || state.getState().access !== "editing") return;
      // The graph is immutable: keep this one, serialize it only when (and if) it is written.
      const { graph, dirty } = editor.getState();
      state.setState({ status: "saving" });
      // A large pipeline's YAML is written in the worker first, off the page's own thread.
      saver.change(
        () => snapshot(pipeline.id, pipeline.createdAt, graph, dirty),
        () => graphToYamlAsync(graph),
      );
    },
    async refreshRecent() {
      if (core.repo) state.setState({ recent: await core.repo.list() });
    },
    notify(kind, message) {
      editor.getState().notify(kind, message);
    },
  };
  const sharing = createSharing(core);
  let stopListening = () => {};

  /** Lets go of the open pipeline once its last change is written. */
  const letGo = () => {
    const held = core.hold;
    core.hold = null;
    const written = core.saver?.flush() ?? Promise.resolve();
    if (held) void written.finally(() => held.release());
  };

  /** Opens a saved pipeline: for editing when no other tab has it, else read-only. False if it does not read. */
  const open = async (record: SavedPipeline, untouched?: number): Promise<boolean> => {
    const mine = core.generation;
    const held = await sharing.tryHold(record.id);
    const latest = (held && (await core.repo?.claim(record.id, core.writer))) || record;
    const read = readManifestText(latest.yaml, { acceptErrors: true });
    const abandoned =
      mine !== core.generation || (untouched !== undefined && editor.getState().revision !== untouched);
    if (abandoned || !read.ok) {
      held?.release();
      // The user's own work comes back as it was saved, half-built or not; only unreadable text stops it.
      if (!read.ok && !abandoned) {
        const detail = read.problems[0]?.message ?? "unreadable";
        core.notify("error", msg("notice.savedUnreadable", { name: recordLabel(record.name), detail }));
      }
      return false;
    }
    letGo();
    core.setPipeline({ id: latest.id, createdAt: latest.createdAt });
    core.hold = held;
    core.stored = read.graph;
    editor.getState().loadGraph(read.graph, { reason: "reopen", dirty: latest.dirty });
    sharing.setAccess(held ? "editing" : "elsewhere");
    return true;
  };

  const onEvent = (e: EditorEvent) => {
    if (e.type === "graphLoaded") {
      // The session's own loads: a pipeline saved in this browser, as stored.
      if (e.reason === "reopen" || e.reason === "refresh") return;
      // Someone else's: a new pipeline. The replaced one's last change is written under its own id.
      letGo();
      core.setPipeline({ id: newLocalId(), createdAt: Date.now() });
      core.stored = editor.getState().graph;
      sharing.setAccess("editing");
      sharing.holdNew(core.pipeline.id);
      if (editor.getState().graph.steps.length === 0) {
        // A blank new pipeline is not worth a Recent entry until it has something in it; still
        // remember it is the open one, so a reload does not bring back the pipeline it replaced.
        const { id } = core.pipeline;
        const r = core.repo;
        void (core.saver?.flush() ?? Promise.resolve()).then(() => r?.setCurrentId(id));
        return;
      }
    }
    core.save();
  };

  return {
    state,
    async start() {
      const mine = ++core.generation;
      const startRevision = editor.getState().revision;
      // Changes made while the database opens are saved once it is open.
      let changedMeanwhile = false;
      const link = createTabLink(dbName, { locks: opts.locks });
      core.tabs = link;
      const unsubscribe = editor.events.subscribe((e) => {
        changedMeanwhile = true;
        onEvent(e);
      });
      const unlisten = link.listen(sharing.onMessage);
      const unwatch = sharing.watchVisibility();
      stopListening = () => {
        unsubscribe();
        unlisten();
        unwatch();
      };
      sharing.holdNew(core.pipeline.id);
      let opened: PipelineRepository;
      try {
        opened = await openPipelineRepository(opts.dbName);
      } catch (e) {
        console.error("paiflow: IndexedDB unavailable; autosave is off", e);
        if (mine === core.generation) state.setState({ status: "unavailable" });
        return;
      }
      if (mine !== core.generation) return opened.close();
      core.repo = opened;
      core.saver = createAutosaver({
        repo: opened,
        writer: core.writer,
        delayMs: opts.delayMs,
        mirror: opts.mirror,
        onError: (e) => {
          if (sharing.onSaveError(e)) return;
          console.error("paiflow: autosave failed", e);
          state.setState({ status: "error" });
        },
        onSaved: (record) => {
          // Tabs showing it follow, even when this tab is closing.
          link.post({ type: "saved", id: record.id });
          if (mine !== core.generation) return;
          if (record.id === core.pipeline.id) core.stored = record.yaml;
          if (state.getState().status === "saving") state.setState({ status: "saved" });
          void core.refreshRecent();
        },
      });
      const prefer = tabMemory?.getItem(tabKey) ?? undefined;
      const restored = await restoreOpenPipeline(opened, { mirror: opts.mirror, prefer });
      if (mine !== core.generation) return;
      for (const copy of restored.copies) {
        core.notify("info", msg("notice.copyFromClosedTab", { name: recordLabel(copy.name) }));
      }
      // Restore only into an editor nobody has touched yet; otherwise save what they did.
      const untouched = editor.getState().revision === startRevision;
      if (restored.record && untouched) await open(restored.record, startRevision);
      else if (changedMeanwhile) core.save();
      await core.refreshRecent();
    },
    async stop() {
      core.generation++;
      stopListening();
      const { saver, repo, tabs, hold } = core;
      core.saver = null;
      core.repo = null;
      core.tabs = null;
      core.hold = null;
      if (saver) {
        await saver.flush();
        saver.dispose();
      }
      hold?.release();
      tabs?.close();
      repo?.close();
    },
    async reopen(id) {
      const { repo } = core;
      if (!repo) return;
      await core.saver?.flush();
      const record = await repo.get(id);
      if (!record) {
        core.notify("error", msg("notice.noLongerSaved"));
        await core.refreshRecent();
        return;
      }
      if (await open(record)) await repo.setCurrentId(id);
    },
    async flush() {
      await core.saver?.flush();
    },
    async remove(id) {
      const { repo, tabs } = core;
      if (!repo || !tabs || id === core.pipeline.id) return;
      if (!(await tabs.whileFree(id, () => repo.remove(id)))) {
        core.notify("refused", msg("notice.removeOpenElsewhere"));
      }
      await core.refreshRecent();
    },
    takeOver: () => sharing.takeOver(opts.handOverMs ?? 1500),
    keepAsCopy: () => sharing.keepAsCopy(),
    discardMine: () => sharing.discardMine(),
  };
}
