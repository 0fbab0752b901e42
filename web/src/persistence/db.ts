/**
 * The browser's store of pipelines (IndexedDB via `idb`): one record per pipeline, plus which
 * one was open last. Records are migrated on read (see `record.ts`); unreadable ones are skipped
 * and reported, never deleted, so a newer app version can still open them.
 *
 * Several tabs share it. A tab that starts editing a pipeline `claim`s it; from then on a `put`
 * by any earlier writer is refused (a fencing token, checked in the write's own transaction), so
 * a tab that lost the pipeline to another one can never overwrite that tab's work, however late
 * its write arrives.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import { migrateRecord, type SavedPipeline } from "./record";

export const DB_NAME = "paiflow-designer";
const DB_VERSION = 1;

/** The meta key of the last writer that claimed pipeline `id`. */
const writerKey = (id: string) => `writer:${id}`;

interface Schema extends DBSchema {
  pipelines: { key: string; value: SavedPipeline; indexes: { savedAt: number } };
  meta: { key: string; value: unknown };
}

/** A write refused because another tab claimed the pipeline since: `record` was not written. */
export class TakenOverError extends Error {
  constructor(readonly record: SavedPipeline) {
    super(`“${record.name}” was taken over by another tab; this tab's version was not written`);
    this.name = "TakenOverError";
  }
}

export interface PipelineRepository {
  get(id: string): Promise<SavedPipeline | undefined>;
  /** Writes the record as `writer`; rejects with TakenOverError when another writer claimed it since. */
  put(record: SavedPipeline, writer: string): Promise<void>;
  /** From now on only `writer`'s puts of pipeline `id` land; resolves to the record as it stands. */
  claim(id: string, writer: string): Promise<SavedPipeline | undefined>;
  remove(id: string): Promise<void>;
  /** Most recently saved first. */
  list(limit?: number): Promise<SavedPipeline[]>;
  getCurrentId(): Promise<string | undefined>;
  setCurrentId(id: string): Promise<void>;
  close(): void;
}

export async function openPipelineRepository(
  name: string = DB_NAME,
  onUnreadable: (id: string, reason: string) => void = (id, reason) =>
    console.warn(`paiflow: cannot read saved pipeline ${id}: ${reason}`),
): Promise<PipelineRepository> {
  const db: IDBPDatabase<Schema> = await openDB<Schema>(name, DB_VERSION, {
    upgrade(database) {
      const pipelines = database.createObjectStore("pipelines", { keyPath: "id" });
      pipelines.createIndex("savedAt", "savedAt");
      database.createObjectStore("meta");
    },
  });

  const read = (value: unknown): SavedPipeline | undefined => {
    const result = migrateRecord(value);
    if (result.ok) return result.record;
    const id = (value as { id?: unknown } | null)?.id;
    onUnreadable(typeof id === "string" ? id : "?", result.reason);
    return undefined;
  };

  return {
    async get(id) {
      const value = await db.get("pipelines", id);
      return value === undefined ? undefined : read(value);
    },
    async put(record, writer) {
      const tx = db.transaction(["pipelines", "meta"], "readwrite");
      const owner = await tx.objectStore("meta").get(writerKey(record.id));
      const refused = owner !== undefined && owner !== writer;
      if (!refused) await tx.objectStore("pipelines").put(record);
      await tx.done;
      if (refused) throw new TakenOverError(record);
    },
    async claim(id, writer) {
      const tx = db.transaction(["pipelines", "meta"], "readwrite");
      await tx.objectStore("meta").put(writer, writerKey(id));
      const value = await tx.objectStore("pipelines").get(id);
      await tx.done;
      return value === undefined ? undefined : read(value);
    },
    async remove(id) {
      const tx = db.transaction(["pipelines", "meta"], "readwrite");
      await Promise.all([
        tx.objectStore("pipelines").delete(id),
        tx.objectStore("meta").delete(writerKey(id)),
      ]);
      await tx.done;
    },
    async list(limit = 20) {
      const out: SavedPipeline[] = [];
      let cursor = await db.transaction("pipelines").store.index("savedAt").openCursor(null, "prev");
      while (cursor && out.length < limit) {
        const record = read(cursor.value);
        if (record) out.push(record);
        cursor = await cursor.continue();
      }
      return out;
    },
    async getCurrentId() {
      const id = await db.get("meta", "current");
      return typeof id === "string" ? id : undefined;
    },
    async setCurrentId(id) {
      await db.put("meta", id, "current");
    },
    close() {
      db.close();
    },
  };
}
