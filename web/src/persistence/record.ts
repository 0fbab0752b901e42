/**
 * The saved-pipeline record: what autosave writes to IndexedDB, versioned so an old browser
 * profile still opens after the format changes. A change of format adds `migrateVN` (from
 * version N to N+1) to `MIGRATIONS`, with its own test; reading applies the chain in order.
 */

export const RECORD_VERSION = 2;

export interface SavedPipeline {
  version: typeof RECORD_VERSION;
  /** Local id of the pipeline in this browser (not the manifest's identifier). */
  id: string;
  /**
   * Label for the Recent list: the manifest's name or identifier; empty for an unnamed pipeline
   * (older records say "Untitled pipeline").
   */
  name: string;
  /** The manifest as YAML, positions included: lossless, and readable by any later version. */
  yaml: string;
  stepCount: number;
  /** The pipeline had changes not exported yet (the editor's `dirty`), so a reload or another tab still says so. */
  dirty: boolean;
  createdAt: number;
  savedAt: number;
}

/** A new local pipeline id (also the id of a tab as a writer of pipelines). */
export function newLocalId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** One step of the chain: a record of version N in, version N+1 out. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

/** v1 records did not say whether the pipeline had changes not exported: they open clean, as they did. */
const migrateV1: Migration = (record) => ({ ...record, dirty: false });

/** `MIGRATIONS[n - 1]` turns a version-n record into version n+1. */
const MIGRATIONS: readonly Migration[] = [migrateV1];

export type MigrateResult = { ok: true; record: SavedPipeline } | { ok: false; reason: string };

/**
 * Brings a stored value up to `RECORD_VERSION`. Refuses (rather than guesses at) values that are
 * not records, lack a version, or come from a newer version of the app.
 */
export function migrateRecord(
  value: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = RECORD_VERSION,
): MigrateResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "not a saved pipeline record" };
  }
  let record = value as Record<string, unknown>;
  const version = record.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `saved record has no valid version (${JSON.stringify(version)})` };
  }
  if (version > current) {
    return {
      ok: false,
      reason: `saved by a newer version of the app (record v${version}, this app v${current})`,
    };
  }
  for (let v = version; v < current; v++) {
    const step = migrations[v - 1];
    if (!step) return { ok: false, reason: `no migration from record v${v}` };
    record = { ...step(record), version: v + 1 };
  }
  const problem = checkCurrent(record);
  return problem ? { ok: false, reason: problem } : { ok: true, record: record as unknown as SavedPipeline };
}

function checkCurrent(r: Record<string, unknown>): string | undefined {
  if (typeof r.id !== "string" || r.id === "") return "saved record has no id";
  if (typeof r.yaml !== "string") return `saved record ${r.id} has no YAML`;
  for (const key of ["stepCount", "createdAt", "savedAt"] as const) {
    if (typeof r[key] !== "number") return `saved record ${r.id} has no ${key}`;
  }
  if (typeof r.dirty !== "boolean") return `saved record ${r.id} has no dirty flag`;
  if (typeof r.name !== "string") return `saved record ${r.id} has no name`;
  return undefined;
}
