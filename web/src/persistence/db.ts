/**
 * The browser's store of pipelines (IndexedDB via `idb`): one record per pipeline, plus which
 * one was open last. Records are migrated on read (see `record.ts`); unreadable ones are skipped
 * and reported, never deleted, so a newer app version can still open them.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import { migrateRecord, type SavedPipeline } from "./record";

const DB_NAME = "paiflow-designer";
const DB_VERSION = 1;

interface Schema extends DBSchema {
  pipelines: { key: string; value: SavedPipeline; indexes: { savedAt: number } };
  meta: { key: string; value: unknown };
}

export interface PipelineRepository {
  get(id: string): Promise<SavedPipeline | undefined>;
  put(record: SavedPipeline): Promise<void>;
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
    async put(record) {
      await db.put("pipelines", record);
    },
    async remove(id) {
      await db.delete("pipelines", id);
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
