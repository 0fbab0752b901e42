/**
 * Tabs sharing a pipeline. One tab edits it: it holds its lock (tabs.ts) and has claimed it
 * (db.ts). Another tab opening it shows it read-only and follows each version saved, with "Take
 * over": the editing tab saves its last change and lets go, or, when it does not answer, the
 * pipeline is taken from it. A tab that lost its pipeline before its last changes were saved
 * never writes them over the other tab's work: it saves them at once as a copy of their own and
 * says so (edit the copy here, or discard it).
 */
import { msg } from "../i18n/messages";
import { graphToYaml, readManifestText } from "../io/codec";
import { TakenOverError } from "./db";
import { newLocalId, RECORD_VERSION, type SavedPipeline } from "./record";
import { recordLabel, snapshot } from "./snapshot";
import type { Access, SessionCore } from "./state";
import type { Hold, TabMessage } from "./tabs";

/** How long a tab that heard a pipeline is free waits for the lock (a closing page frees it as it goes). */
const FREED_WAIT_MS = 3000;

interface Sharing {
  setAccess(next: Access): void;
  /** Holds a new pipeline's lock: no other tab can know its id yet, so it is edited at once. */
  holdNew(id: string): void;
  /** Holds a saved pipeline's lock unless another tab has it (then null). */
  tryHold(id: string): Promise<Hold | null>;
  /** The open pipeline changes: what was kept for the one before is done with. */
  switched(): void;
  onMessage(message: TabMessage): void;
  /** Until the returned function is called, a read-only tab coming to the front edits its pipeline if it is free. */
  watchVisibility(): () => void;
  /** An autosave error: a write refused by another tab's claim is handled here (true). */
  onSaveError(error: unknown): boolean;
  takeOver(waitMs: number): Promise<void>;
  keepAsCopy(): void;
  discardMine(): void;
}

export function createSharing(core: SessionCore): Sharing {
  const { editor, state } = core;
  let following: Promise<void> = Promise.resolve();
  let followQueued = false;
  /** In `conflict`: the copy of this tab's unsaved version. */
  let conflictCopy: SavedPipeline | null = null;
  /** Asking for a pipeline another tab said is free. */
  let freeing: Promise<void> | null = null;

  const access = () => state.getState().access;
  const isOpen = (id: string) => id === core.pipeline.id;

  const setAccess = (next: Access) => {
    state.setState(next === "editing" ? { access: next } : { access: next, status: "idle" });
    const reason = msg(next === "elsewhere" ? "tabs.readOnlyElsewhere" : "tabs.readOnlyConflict");
    editor.getState().setReadOnly(next === "editing" ? null : { reason });
  };

  /** The open graph has changes the database does not have. */
  const hasUnsaved = () => {
    const { graph } = editor.getState();
    return typeof core.stored === "string" ? graphToYaml(graph) !== core.stored : graph !== core.stored;
  };

  /** Writes `record` under a new id, so it cannot overwrite anything; null when that failed too. */
  const keepCopy = async (record: SavedPipeline): Promise<SavedPipeline | null> => {
    const copy = { ...record, id: newLocalId(), createdAt: Date.now(), savedAt: Date.now(), dirty: true };
    try {
      if (!core.repo) throw new Error("the browser's database is closed");
      await core.repo.put(copy, core.writer);
      await core.refreshRecent();
      return copy;
    } catch (e) {
      console.error("paiflow: cannot keep a copy", e);
      core.notify("error", msg("notice.copyNotSaved", { name: recordLabel(record.name) }));
      return null;
    }
  };

  /** This tab's version lost the pipeline before it was saved: keep it as a copy, on screen, read-only. */
  const enterConflict = async () => {
    setAccess("conflict");
    const { id, createdAt } = core.pipeline;
    const { graph, dirty } = editor.getState();
    const copy = await keepCopy({
      version: RECORD_VERSION,
      ...snapshot(id, createdAt, graph, dirty),
      savedAt: 0,
    });
    if (isOpen(id) && access() === "conflict") conflictCopy = copy;
  };

  /** Another tab took the open pipeline (by force, or its claim refused a write). */
  const lost = (id: string) => {
    if (!isOpen(id) || access() !== "editing") return;
    core.hold = null;
    core.saver?.cancel();
    setAccess("elsewhere");
    // Writes already on their way land or are refused; then what is not stored is this tab's own.
    void (core.saver?.flush() ?? Promise.resolve()).then(() => {
      if (!isOpen(id) || access() !== "elsewhere") return;
      if (hasUnsaved()) void enterConflict();
      else follow();
    });
  };

  /** Take over, asked by another tab: save the last change, then let go and follow. */
  const handOver = async (id: string) => {
    if (!isOpen(id) || access() !== "editing") return;
    setAccess("elsewhere");
    await core.saver?.flush();
    if (!isOpen(id)) return;
    core.hold?.release();
    core.hold = null;
    if (access() === "elsewhere" && hasUnsaved()) await enterConflict();
  };

  /** Shows the newest stored version of the pipeline another tab edits. */
  const follow = () => {
    if (followQueued) return;
    followQueued = true;
    following = following
      .then(async () => {
        followQueued = false;
        const { id } = core.pipeline;
        const record = await core.repo?.get(id);
        if (!record || !isOpen(id) || access() !== "elsewhere") return;
        const read = readManifestText(record.yaml, { acceptErrors: true });
        if (!read.ok) return;
        core.stored = read.graph;
        editor.getState().loadGraph(read.graph, { reason: "refresh", dirty: record.dirty });
      })
      .catch((e) => console.error("paiflow: cannot show the other tab's version", e));
  };

  /** This tab now holds `id`, shown read-only: claim it, show its latest version, and edit it. */
  const adopt = async (id: string, held: Hold) => {
    const still = () => isOpen(id) && access() === "elsewhere";
    const record = still() ? await core.repo?.claim(id, core.writer) : undefined;
    if (!still() || !core.repo) {
      held.release();
      return false;
    }
    core.hold = held;
    const read = record && readManifestText(record.yaml, { acceptErrors: true });
    if (record && read?.ok) {
      core.stored = read.graph;
      editor.getState().loadGraph(read.graph, { reason: "refresh", dirty: record.dirty });
    }
    setAccess("editing");
    return true;
  };

  /**
   * No tab edits the open pipeline any more (it closed, or moved on): the tab in front may edit
   * it now. Only the one the user looks at: a tab in the background taking it while the editing
   * tab reloads would leave that one read-only.
   */
  const takeFreed = (id: string, wait: boolean) => {
    const { tabs } = core;
    if (!tabs || freeing || document.visibilityState === "hidden") return;
    const ask = wait ? tabs.waitHold(id, () => lost(id), FREED_WAIT_MS) : tabs.tryHold(id, () => lost(id));
    freeing = ask
      .then(async (held) => {
        if (held && (await adopt(id, held))) core.notify("info", msg("notice.editableHere"));
      })
      .finally(() => {
        freeing = null;
      });
  };

  const holdNew = (id: string) => {
    const mine = core.generation;
    void core.tabs
      ?.tryHold(id, () => lost(id))
      .then((held) => {
        if (mine === core.generation && isOpen(id) && !core.hold && access() === "editing") core.hold = held;
        else held?.release();
      });
  };

  return {
    setAccess,
    holdNew,
    async tryHold(id) {
      return (await core.tabs?.tryHold(id, () => lost(id))) ?? null;
    },
    switched() {
      conflictCopy = null;
    },
    onMessage(m) {
      if (m.type === "saved") void core.refreshRecent();
      if (!isOpen(m.id)) return;
      if (m.type === "handOver") return void handOver(m.id);
      // The rest is for a tab showing the pipeline read-only.
      if (access() !== "elsewhere" || state.getState().takingOver) return;
      if (m.type === "saved") follow();
      // The closing page frees the lock as it goes: wait for it a moment.
      else takeFreed(m.id, true);
    },
    watchVisibility() {
      // Coming to the front: free since (the editing tab closed or crashed while this one was behind)?
      const onVisible = () => {
        const { id } = core.pipeline;
        if (access() === "elsewhere" && !state.getState().takingOver) takeFreed(id, false);
      };
      document.addEventListener("visibilitychange", onVisible);
      return () => document.removeEventListener("visibilitychange", onVisible);
    },
    onSaveError(e) {
      if (!(e instanceof TakenOverError)) return false;
      if (isOpen(e.record.id)) lost(e.record.id);
      else {
        // A pipeline this tab had already left: its last change becomes a pipeline of its own.
        void keepCopy(e.record).then((copy) => {
          if (!copy) return;
          core.notify("info", msg("notice.copyKept", { name: recordLabel(copy.name) }));
        });
      }
      return true;
    },
    async takeOver(waitMs) {
      const { id } = core.pipeline;
      const { tabs } = core;
      if (!tabs || access() !== "elsewhere" || state.getState().takingOver) return;
      state.setState({ takingOver: true });
      try {
        // Already asking for it (it was said to be free): a second request would wait behind this tab's own.
        await freeing;
        if (!isOpen(id) || access() !== "elsewhere") return;
        await adopt(id, await tabs.takeOver(id, () => lost(id), waitMs));
      } finally {
        state.setState({ takingOver: false });
      }
    },
    keepAsCopy() {
      const copy = conflictCopy;
      if (access() !== "conflict" || !copy) return;
      conflictCopy = null;
      core.setPipeline({ id: copy.id, createdAt: copy.createdAt });
      core.stored = copy.yaml;
      setAccess("editing");
      holdNew(copy.id);
      // Nothing but the copy is on screen yet: this makes it the open one in Recent too.
      core.save();
    },
    discardMine() {
      const copy = conflictCopy;
      if (access() !== "conflict") return;
      conflictCopy = null;
      setAccess("elsewhere");
      follow();
      const { repo } = core;
      if (copy && repo) void repo.remove(copy.id).then(core.refreshRecent);
    },
  };
}
