/**
 * Autosave: every change of the open pipeline is written to IndexedDB after a short pause, and
 * at once when the page goes away. IndexedDB writes started during `pagehide` may not finish
 * before the page dies, so the last snapshot is also mirrored synchronously into localStorage;
 * `restoreOpenPipeline` writes a mirror that is newer than the stored record.
 */
import { type PipelineRepository, TakenOverError } from "./db";
import { migrateRecord, newLocalId, RECORD_VERSION, type SavedPipeline } from "./record";

/**
 * Mirrors live under `${MIRROR_KEY}:<pipeline id>:<writer>`, one per pipeline, so two tabs closing
 * at once keep both; the bare key is where versions before tabs kept their one mirror.
 */
export const MIRROR_KEY = "paiflow-designer.pending";

/** What the editor hands over on each change: the record to store, before it is stamped. */
export type PipelineSnapshot = Omit<SavedPipeline, "version" | "savedAt">;

export interface Autosaver {
  /**
   * Records a change; saved after `delayMs` without further changes. The snapshot is taken only
   * when written, so a burst of changes (a drag) serializes the pipeline once; `prepare` (writing
   * its YAML in a worker) runs first when the time comes, unless the page is going away.
   */
  change(snapshot: PipelineSnapshot | (() => PipelineSnapshot), prepare?: () => Promise<unknown>): void;
  /** Saves the pending change now; resolves when every write so far has finished. */
  flush(): Promise<void>;
  /** Drops the pending change, and its mirror, unwritten (the tab no longer owns the pipeline). */
  cancel(): void;
  dispose(): void;
}

export interface AutosaveOptions {
  repo: PipelineRepository;
  /** Who writes (see `PipelineRepository.claim`): one id per tab. */
  writer: string;
  delayMs?: number;
  now?: () => number;
  /** Synchronous fallback storage; `null` disables the mirror. */
  mirror?: Storage | null;
  onError?: (error: unknown) => void;
  /** After each successful write. */
  onSaved?: (record: SavedPipeline) => void;
}

const defaultMirror = () => (typeof localStorage === "undefined" ? null : localStorage);

export function createAutosaver({
  repo,
  writer,
  delayMs = 400,
  now = Date.now,
  mirror = defaultMirror(),
  onError = (e) => console.error("paiflow: autosave failed", e),
  onSaved,
}: AutosaveOptions): Autosaver {
  let pending: (() => PipelineSnapshot) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const mirrored = new Set<string>();

  const toRecord = (s: PipelineSnapshot): SavedPipeline => ({
    version: RECORD_VERSION,
    ...s,
    savedAt: now(),
  });

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const write = (): Promise<void> => {
    clearTimer();
    const take = pending;
    pending = undefined;
    if (!take) return writing;
    let record: SavedPipeline;
    try {
      record = toRecord(take());
    } catch (e) {
      onError(e);
      return writing;
    }
    // Writes are chained so an older snapshot can never land after a newer one.
    writing = writing
      .then(async () => {
        await repo.put(record, writer);
        await repo.setCurrentId(record.id);
        // Everything mirrored at pagehide was queued before this write, so it is now stored.
        removeMirror(record.id);
        onSaved?.(record);
      })
      .catch(onError);
    return writing;
  };

  const removeMirror = (id: string) => {
    const key = mirrorKey(id, writer);
    if (mirrored.delete(key)) mirror?.removeItem(key);
  };

  const onPageHide = () => {
    if (pending && mirror) {
      try {
        const snapshot = pending();
        pending = () => snapshot;
        const key = mirrorKey(snapshot.id, writer);
        mirror.setItem(key, JSON.stringify(toRecord(snapshot)));
        mirrored.add(key);
      } catch (e) {
        onError(e);
      }
    }
    void write();
  };
  const onVisibility = () => {
    if (document.visibilityState === "hidden") void write();
  };
  if (typeof window !== "undefined") {
    window.addEventListener("pagehide", onPageHide);
    document.addEventListener("visibilitychange", onVisibility);
  }

  return {
    change(snapshot, prepare) {
      const take = typeof snapshot === "function" ? snapshot : () => snapshot;
      pending = take;
      clearTimer();
      timer = setTimeout(() => {
        timer = undefined;
        if (!prepare) void write();
        // Still this change once prepared (a newer one has its own timer): write it then.
        else void prepare().finally(() => pending === take && write());
      }, delayMs);
    },
    flush: write,
    cancel() {
      clearTimer();
      pending = undefined;
      for (const key of mirrored) mirror?.removeItem(key);
      mirrored.clear();
    },
    dispose() {
      clearTimer();
      if (typeof window !== "undefined") {
        window.removeEventListener("pagehide", onPageHide);
        document.removeEventListener("visibilitychange", onVisibility);
      }
    },
  };
}

const mirrorKey = (id: string, writer: string) => `${MIRROR_KEY}:${id}:${writer}`;

interface Restored {
  /** The pipeline to open: `prefer` (this tab's), else the one open last in this browser. */
  record?: SavedPipeline;
  /** Mirrored changes whose pipeline another tab had taken over since, kept as pipelines of their own. */
  copies: SavedPipeline[];
}

/**
 * Start-up: writes every mirror left by a page that died before its write finished (when newer
 * than the stored record), then finds the pipeline to reopen. A mirror from a tab that had lost
 * its pipeline to another one is not written over that tab's work: it becomes a copy.
 */
export async function restoreOpenPipeline(
  repo: PipelineRepository,
  { mirror = defaultMirror(), prefer }: { mirror?: Storage | null; prefer?: string } = {},
): Promise<Restored> {
  const copies: SavedPipeline[] = [];
  for (const { key, record, writer } of readMirrors(mirror)) {
    const stored = await repo.get(record.id);
    if (!stored || stored.savedAt < record.savedAt) {
      try {
        // Mirrors from before tabs had writers come from the only writer there was.
        await repo.put(record, writer ?? "");
        await repo.setCurrentId(record.id);
      } catch (e) {
        if (!(e instanceof TakenOverError)) throw e;
        const copy = { ...record, id: newLocalId(), createdAt: record.savedAt };
        await repo.put(copy, "");
        copies.push(copy);
      }
    }
    mirror?.removeItem(key);
  }
  const id = prefer ?? (await repo.getCurrentId());
  return { record: id === undefined ? undefined : await repo.get(id), copies };
}

function readMirrors(mirror: Storage | null): { key: string; record: SavedPipeline; writer?: string }[] {
  if (!mirror) return [];
  const keys: string[] = [];
  for (let i = 0; i < mirror.length; i++) {
    const key = mirror.key(i);
    if (key === MIRROR_KEY || key?.startsWith(`${MIRROR_KEY}:`)) keys.push(key);
  }
  const out: { key: string; record: SavedPipeline; writer?: string }[] = [];
  for (const key of keys) {
    const record = readMirror(mirror.getItem(key));
    if (record) out.push({ key, record, writer: key === MIRROR_KEY ? undefined : key.split(":")[2] });
    else mirror.removeItem(key);
  }
  return out;
}

function readMirror(text: string | null): SavedPipeline | undefined {
  if (!text) return undefined;
  try {
    const result = migrateRecord(JSON.parse(text));
    return result.ok ? result.record : undefined;
  } catch {
    return undefined;
  }
}
