/**
 * The catalog's own records, in the schema `_pfd` (a name no project can have: projects start
 * with a letter): for every catalog table, who put it there (`origin`), its partition columns,
 * and a `version` that changes whenever the table is written. The version is the table's
 * fingerprint for reuse: a step that read a table is reused only while the table keeps the
 * version it read.
 *
 * Write Table may create a table that does not exist, and may replace (or write partitions of) a
 * table a Write Table step created (`origin = pipeline`). Sample tables, imported tables and
 * tables found without a record (`external`) are read-only to pipelines; `pfd tables import
 * --replace` replaces them on purpose.
 */
import { randomBytes } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TableOrigin } from "@pfd/shared";
import { lit } from "./engine/sql";

const REGISTRY_SCHEMA = "_pfd";
const TABLES = `${REGISTRY_SCHEMA}.tables`;

export interface TableRecord {
  name: string;
  origin: TableOrigin;
  version: string;
  partitionColumns: string[];
  writtenByRun?: string;
  writtenByStep?: string;
}

/** Creates the records' schema and table when missing. Runs before the database is locked down. */
export async function ensureRegistry(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${REGISTRY_SCHEMA}`);
  await conn.run(`CREATE TABLE IF NOT EXISTS ${TABLES} (
    name VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL, version VARCHAR NOT NULL,
    partition_columns VARCHAR[] NOT NULL DEFAULT [], written_by_run VARCHAR, written_by_step VARCHAR,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
}

const newVersion = () => randomBytes(8).toString("hex");

/** Records that `name` was (re)written; a new version makes every fingerprint of it change. */
export async function recordWrite(
  conn: DuckDBConnection,
  record: Omit<TableRecord, "version">,
): Promise<void> {
  const parts = `[${record.partitionColumns.map(lit).join(", ")}]::VARCHAR[]`;
  const opt = (v: string | undefined) => (v === undefined ? "NULL" : lit(v));
  await conn.run(
    `INSERT OR REPLACE INTO ${TABLES} (name, origin, version, partition_columns, written_by_run, written_by_step, updated_at)
     VALUES (${lit(record.name)}, ${lit(record.origin)}, ${lit(newVersion())}, ${parts}, ${opt(record.writtenByRun)}, ${opt(record.writtenByStep)}, current_timestamp)`,
  );
}

/** Records every catalog relation that has no record yet: `sample` when its name is in `samples`, else `external`. */
export async function adoptUnrecorded(conn: DuckDBConnection, samples: ReadonlySet<string>): Promise<void> {
  const records = await tableRecords(conn);
  for (const name of (await catalogRelations(conn)).keys()) {
    if (records.has(name)) continue;
    await recordWrite(conn, {
      name,
      origin: samples.has(name) ? "sample" : "external",
      partitionColumns: [],
    });
  }
}

/** Every catalog relation (`project.table` -> kind and DuckDB object id); run outputs and records excluded. */
export async function catalogRelations(
  conn: DuckDBConnection,
): Promise<Map<string, { kind: "table" | "view"; oid: string }>> {
  const reader = await conn.runAndReadAll(
    `SELECT schema_name, table_name, 'table', table_oid::VARCHAR FROM duckdb_tables() WHERE NOT temporary AND database_name = current_database()
     UNION ALL SELECT schema_name, view_name, 'view', view_oid::VARCHAR FROM duckdb_views() WHERE NOT temporary AND NOT internal AND database_name = current_database()
     ORDER BY 1, 2`,
  );
  const out = new Map<string, { kind: "table" | "view"; oid: string }>();
  for (const [schema, table, kind, oid] of reader.getRowsJS() as [
    string,
    string,
    "table" | "view",
    string,
  ][]) {
    if (!isCatalogSchema(schema)) continue;
    out.set(`${schema}.${table}`, { kind, oid });
  }
  return out;
}

/** Project schemas hold catalog tables; run outputs (`flow-...`), the records and DuckDB's own do not. */
const isCatalogSchema = (schema: string) =>
  !schema.includes("-") &&
  schema !== REGISTRY_SCHEMA &&
  schema !== "main" &&
  schema !== "information_schema" &&
  schema !== "pg_catalog";

/** The record of one table, or undefined. */
export async function tableRecord(conn: DuckDBConnection, name: string): Promise<TableRecord | undefined> {
  return (await readRecords(conn, `WHERE name = ${lit(name)}`)).get(name);
}

/** Every record, by table name. */
export function tableRecords(conn: DuckDBConnection): Promise<Map<string, TableRecord>> {
  return readRecords(conn, "");
}

async function readRecords(conn: DuckDBConnection, where: string): Promise<Map<string, TableRecord>> {
  const reader = await conn.runAndReadAll(
    `SELECT name, origin, version, partition_columns, written_by_run, written_by_step FROM ${TABLES} ${where}`,
  );
  const out = new Map<string, TableRecord>();
  for (const [name, origin, version, parts, run, step] of reader.getRowsJS()) {
    out.set(String(name), {
      name: String(name),
      origin: String(origin) as TableOrigin,
      version: String(version),
      partitionColumns: ((parts as unknown[] | null) ?? []).map(String),
      writtenByRun: run === null ? undefined : String(run),
      writtenByStep: step === null ? undefined : String(step),
    });
  }
  return out;
}

/**
 * A fingerprint per catalog relation (`project.table` -> text) that changes when the relation's
 * data may have changed: the recorded version; for a relation without a record, DuckDB's object
 * id (new on every CREATE OR REPLACE, so a restart only costs a reuse). A view depends on other
 * tables, so its fingerprint also carries every recorded version.
 */
export async function catalogFingerprints(conn: DuckDBConnection): Promise<Map<string, string>> {
  const records = await tableRecords(conn);
  const generation = [...records.values()]
    .map((r) => r.version)
    .sort()
    .join("");
  const out = new Map<string, string>();
  for (const [name, { kind, oid }] of await catalogRelations(conn)) {
    const base = records.get(name)?.version ?? `oid-${oid}`;
    out.set(name, kind === "view" ? `${base}/${generation}` : base);
  }
  return out;
}
