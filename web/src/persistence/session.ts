/**
 * Keeps the open pipeline in the browser: restores it at start-up, autosaves every change, and
 * keeps the Recent list. Every pipeline loaded by someone else (import, template, New pipeline)
 * is a new pipeline with a record of its own, so the one it replaces stays in Recent.
 * One session per editor store; `start`/`stop` follow the component that hosts it.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { graphToYaml, readManifestText } from "../io/codec";
import type { EditorStore } from "../store";
import { type Autosaver, createAutosaver, restoreOpenPipeline } from "./autosave";
import { openPipelineRepository, type PipelineRepository } from "./db";
import type { SavedPipeline } from "./record";

export type SaveStatus = "idle" | "saving" | "saved" | "error" | "unavailable";

export interface PersistenceState {
  status: SaveStatus;
  recent: readonly SavedPipeline[];
  /** Id of the open pipeline's record. */
  currentId: string;
}

export interface PersistenceSession {
  state: StoreApi<PersistenceState>;
  start(): Promise<void>;
  /** Flushes the pending save, then lets go of the database. */
  stop(): Promise<void>;
  reopen(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Writes every change so far now; resolves when written. */
  flush(): Promise<void>;
}

export interface SessionOptions {
  dbName?: string;
  delayMs?: number;
  mirror?: Storage | null;
}

const UNTITLED = "Untitled pipeline";

/** The label of a pipeline in the Recent list. */
export function pipelineName(meta: { name?: unknown; identifier?: unknown; displayName?: unknown }): string {
  for (const v of [meta.displayName, meta.name, meta.identifier]) {
    if (typeof v === "string" && v.trim() !== "") return v.trim();
  }
  return UNTITLED;
}

const newId = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function createPersistenceSession(editor: EditorStore, opts: SessionOptions = {}): PersistenceSession {
  const state = createStore<PersistenceState>()(() => ({ status: "idle", recent: [], currentId: newId() }));
  let pipeline = { id: state.getState().currentId, createdAt: Date.now() };
  let ownLoad = false;
  let repo: PipelineRepository | null = null;
  let saver: Autosaver | null = null;
  let unsubscribe = () => {};
  let generation = 0;

  const refresh = async () => {
    if (repo) state.setState({ recent: await repo.list() });
  };

  /** Loads a saved record as the open pipeline, under its own id. */
  const open = (record: SavedPipeline): boolean => {
    // The user's own work comes back as it was saved, half-built or not.
    const read = readManifestText(record.yaml, { acceptErrors: true });
    if (!read.ok) {
      const why = read.problems[0]?.message ?? "unreadable";
      editor.getState().notify("error", `Saved pipeline “${record.name}” cannot be read: ${why}`);
      return false;
    }
    pipeline = { id: record.id, createdAt: record.createdAt };
    state.setState({ currentId: record.id });
    ownLoad = true;
    try {
      editor.getState().loadGraph(read.graph, { source: "load", dirty: false });
    } finally {
      ownLoad = false;
    }
    return true;
  };

  const onChange = () => {
    const s = editor.getState();
    if (s.lastChange === "load" && !ownLoad) {
      // The replaced pipeline's last change is written under its own id before the switch.
      void saver?.flush();
      pipeline = { id: newId(), createdAt: Date.now() };
      state.setState({ currentId: pipeline.id });
    }
    if (!saver) return;
    const { id, createdAt } = pipeline;
    if (s.lastChange === "load" && s.graph.steps.length === 0) {
      // A blank new pipeline is not worth a Recent entry until it has something in it; still
      // remember it is the open one, so a reload does not bring back the pipeline it replaced.
      const r = repo;
      void saver.flush().then(() => r?.setCurrentId(id));
      return;
    }
    // The graph is immutable: keep this one, serialize it only when (and if) it is written.
    const graph = s.graph;
    state.setState({ status: "saving" });
    saver.change(() => ({
      id,
      createdAt,
      name: pipelineName(graph.metadata),
      yaml: graphToYaml(graph),
      stepCount: graph.steps.length,
    }));
  };

  return {
    state,
    async start() {
      const mine = ++generation;
      const startRevision = editor.getState().revision;
      // Changes made while the database opens are saved once it is open.
      let changedMeanwhile = false;
      unsubscribe = editor.subscribe((s, prev) => {
        if (s.graph === prev.graph) return;
        changedMeanwhile = true;
        onChange();
      });
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
        delayMs: opts.delayMs,
        mirror: opts.mirror,
        onError: (e) => {
          console.error("paiflow: autosave failed", e);
          state.setState({ status: "error" });
        },
        onSaved: () => {
          if (mine !== generation) return;
          if (state.getState().status === "saving") state.setState({ status: "saved" });
          void refresh();
        },
      });
      const saved = await restoreOpenPipeline(opened, opts.mirror);
      if (mine !== generation) return;
      // Restore only into an editor nobody has touched yet; otherwise save what they did.
      if (saved && editor.getState().revision === startRevision) open(saved);
      else if (changedMeanwhile) onChange();
      await refresh();
    },
    async stop() {
      generation++;
      unsubscribe();
      const s = saver;
      const r = repo;
      saver = null;
      repo = null;
      if (s) {
        await s.flush();
        s.dispose();
      }
      r?.close();
    },
    async reopen(id) {
      if (!repo) return;
      await saver?.flush();
      const record = await repo.get(id);
      if (!record) {
        editor.getState().notify("error", "That pipeline is no longer saved in this browser");
        await refresh();
        return;
      }
      if (open(record)) await repo.setCurrentId(id);
    },
    async flush() {
      await saver?.flush();
    },
    async remove(id) {
      if (!repo || id === pipeline.id) return;
      await repo.remove(id);
      await refresh();
    },
  };
}
