/**
 * Autosave: every change of the open pipeline is written to IndexedDB after a short pause, and
 * at once when the page goes away. IndexedDB writes started during `pagehide` may not finish
 * before the page dies, so the last snapshot is also mirrored synchronously into localStorage;
 * `restoreOpenPipeline` prefers the mirror when it is newer than the stored record.
 */
import type { PipelineRepository } from "./db";
import { type DraftLink, migrateRecord, RECORD_VERSION, type SavedPipeline } from "./record";

export const MIRROR_KEY = "paiflow-designer.pending";

/** What the editor hands over on each change. */
export interface PipelineSnapshot {
  id: string;
  name: string;
  yaml: string;
  stepCount: number;
  createdAt: number;
  draft?: DraftLink;
}

export interface Autosaver {
  /**
   * Records a change; saved after `delayMs` without further changes. The snapshot is taken only
   * when written, so a burst of changes (a drag) serializes the pipeline once.
   */
  change(snapshot: PipelineSnapshot | (() => PipelineSnapshot)): void;
  /** Saves the pending change now; resolves when every write so far has finished. */
  flush(): Promise<void>;
  dispose(): void;
}

export interface AutosaveOptions {
  repo: PipelineRepository;
  delayMs?: number;
  now?: () => number;
  /** Synchronous fallback storage; `null` disables the mirror. */
  mirror?: Storage | null;
  onError?: (error: unknown) => void;
  /** After each successful write. */
  onSaved?: (record: SavedPipeline) => void;
}

export function createAutosaver({
  repo,
  delayMs = 400,
  now = Date.now,
  mirror = typeof localStorage === "undefined" ? null : localStorage,
  onError = (e) => console.error("paiflow: autosave failed", e),
  onSaved,
}: AutosaveOptions): Autosaver {
  let pending: (() => PipelineSnapshot) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const toRecord = (s: PipelineSnapshot): SavedPipeline => ({
    version: RECORD_VERSION,
    ...s,
    savedAt: now(),
  });

  const write = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
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
        await repo.put(record);
        await repo.setCurrentId(record.id);
        // Everything mirrored at pagehide was queued before this write, so it is now stored.
        mirror?.removeItem(MIRROR_KEY);
        onSaved?.(record);
      })
      .catch(onError);
    return writing;
  };

  const onPageHide = () => {
    if (pending && mirror) {
      try {
        const snapshot = pending();
        pending = () => snapshot;
        mirror.setItem(MIRROR_KEY, JSON.stringify(toRecord(snapshot)));
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
    change(snapshot) {
      pending = typeof snapshot === "function" ? snapshot : () => snapshot;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void write(), delayMs);
    },
    flush: write,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      if (typeof window !== "undefined") {
        window.removeEventListener("pagehide", onPageHide);
        document.removeEventListener("visibilitychange", onVisibility);
      }
    },
  };
}

/**
 * The pipeline to reopen at start-up: the one open last, or a newer copy mirrored during the last
 * `pagehide` (which is then written to IndexedDB and cleared).
 */
export async function restoreOpenPipeline(
  repo: PipelineRepository,
  mirror: Storage | null = typeof localStorage === "undefined" ? null : localStorage,
): Promise<SavedPipeline | undefined> {
  const mirrored = readMirror(mirror);
  if (mirrored) {
    const stored = await repo.get(mirrored.id);
    if (!stored || stored.savedAt < mirrored.savedAt) await repo.put(mirrored);
    await repo.setCurrentId(mirrored.id);
    mirror?.removeItem(MIRROR_KEY);
  }
  const id = await repo.getCurrentId();
  return id === undefined ? undefined : repo.get(id);
}

function readMirror(mirror: Storage | null): SavedPipeline | undefined {
  const text = mirror?.getItem(MIRROR_KEY);
  if (!text) return undefined;
  try {
    const result = migrateRecord(JSON.parse(text));
    return result.ok ? result.record : undefined;
  } catch {
    return undefined;
  }
}
