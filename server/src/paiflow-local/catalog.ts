/**
 * The local table catalog: a MaxCompute-style `project.table` name is the DuckDB table
 * `"project"."table"` in the data directory's database. Run outputs live in schemas named after
 * the run (`flow-...`), which a project name can never be (project names have no `-`).
 *
 * Partitions: a partitioned table is an ordinary table with its partition columns as columns.
 * Read Table's `partition` (`dt=20240101` or `dt=20240101/region=cn`, several specs separated by
 * commas) becomes a filter `CAST(dt AS VARCHAR) = '20240101' AND ...`.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { PROJECT_NAME_PATTERN, TABLE_PART_PATTERN, type TableSummary } from "@pfd/shared";
import { type Column, countRows, describe, ident, lit, qualified } from "./engine/sql";
import { catalogRelations, recordWrite, tableRecords } from "./registry";

export interface TableName {
  project: string;
  table: string;
}

/** Parses `project.table`; throws with the reason when it is not one. */
export function parseTableName(name: string): TableName {
  const parts = name.trim().split(".");
  if (parts.length !== 2) throw new Error(`Table name "${name}" must be project.table`);
  const [project = "", table = ""] = parts;
  if (!PROJECT_NAME_PATTERN.test(project)) {
    throw new Error(
      `Table name "${name}": project "${project}" must start with a letter and hold only letters, digits and _`,
    );
  }
  if (!TABLE_PART_PATTERN.test(table))
    throw new Error(`Table name "${name}": table "${table}" must hold only letters, digits and _`);
  return { project, table };
}

export const tableSql = (t: TableName) => qualified(t.project, t.table);

/**
 * The table a literal artifact value names: `{location: {project, table, partition}}` or
 * `"project.table"`; undefined when the value is not a table.
 */
export function tableOfValue(value: unknown): { name: string; partition?: string } | undefined {
  if (typeof value === "string") return { name: value.trim() };
  const location = (
    value as { location?: { project?: string; table?: string; partition?: string } } | undefined
  )?.location;
  if (!location?.project || !location.table) return undefined;
  return {
    name: `${location.project}.${location.table}`,
    ...(location.partition ? { partition: location.partition } : {}),
  };
}

export interface TableInfo extends TableSummary {
  rows: number;
}

/** "table", "view", or undefined when there is no such relation. */
export async function relationKind(
  conn: DuckDBConnection,
  schema: string,
  name: string,
): Promise<"table" | "view" | undefined> {
  const reader = await conn.runAndReadAll(
    `SELECT table_type FROM information_schema.tables WHERE table_schema = ${lit(schema)} AND table_name = ${lit(name)}`,
  );
  const type = reader.getRowsJS()[0]?.[0];
  return type === undefined ? undefined : type === "VIEW" ? "view" : "table";
}

export async function tableExists(conn: DuckDBConnection, t: TableName): Promise<boolean> {
  return (await relationKind(conn, t.project, t.table)) !== undefined;
}

/**
 * The catalog tables that exist now (run outputs excluded), sorted by name, optionally those
 * whose name holds `keyword` (case-insensitive). Read from DuckDB's own catalog, so nothing listed
 * is stale.
 */
export async function listTables(conn: DuckDBConnection, keyword?: string): Promise<TableInfo[]> {
  const records = await tableRecords(conn);
  const needle = keyword?.trim().toLowerCase();
  const out: TableInfo[] = [];
  for (const [name, { kind }] of await catalogRelations(conn)) {
    if (needle && !name.toLowerCase().includes(needle)) continue;
    const t = parseTableName(name);
    const record = records.get(name);
    out.push({
      name,
      kind,
      origin: record?.origin ?? "external",
      rows: await countRows(conn, tableSql(t)),
      columns: await describe(conn, tableSql(t)),
      partitionColumns: record?.partitionColumns ?? [],
    });
  }
  return out;
}

/** Parses partition specs (`k=v/k2=v2`, comma-separated alternatives) into a WHERE clause. */
export function partitionFilter(spec: string, columns: Column[], where: string): string {
  const names = new Set(columns.map((c) => c.name));
  const alternatives = spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((alt) => {
      const terms = alt.split("/").map((kv) => {
        const eq = kv.indexOf("=");
        if (eq <= 0)
          throw new Error(`${where}: partition "${kv}" must be column=value (for example dt=20240101)`);
        const col = kv.slice(0, eq).trim();
        const value = kv
          .slice(eq + 1)
          .trim()
          .replace(/^['"]|['"]$/g, "");
        if (!names.has(col)) {
          throw new Error(
            `${where}: partition column "${col}" is not a column of the table (${[...names].join(", ")})`,
          );
        }
        return `CAST(${ident(col)} AS VARCHAR) = ${lit(value)}`;
      });
      return `(${terms.join(" AND ")})`;
    });
  if (alternatives.length === 0) throw new Error(`${where}: empty partition`);
  return alternatives.join(" OR ");
}

export interface ImportOptions {
  replace?: boolean;
}

/** Loads a CSV or Parquet file into the catalog as `project.table`; returns the row count. */
export async function importTable(
  conn: DuckDBConnection,
  file: string,
  name: string,
  options: ImportOptions = {},
): Promise<number> {
  const t = parseTableName(name);
  const lower = file.toLowerCase();
  const reader = lower.endsWith(".parquet")
    ? `read_parquet(${lit(file)})`
    : /\.(csv|tsv|txt)(\.gz)?$/.test(lower)
      ? `read_csv(${lit(file)}, header = true, auto_detect = true)`
      : undefined;
  if (!reader)
    throw new Error(`${file}: only .csv, .tsv, .txt (optionally .gz) and .parquet files can be imported`);
  if (!options.replace && (await tableExists(conn, t))) {
    throw new Error(`Table ${name} already exists (use --replace to overwrite it)`);
  }
  if ((await relationKind(conn, t.project, t.table)) === "view")
    throw new Error(`${name} is a view; import under another name`);
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(t.project)}`);
  try {
    await conn.run("BEGIN TRANSACTION");
    await conn.run(`CREATE OR REPLACE TABLE ${tableSql(t)} AS SELECT * FROM ${reader}`);
    await recordWrite(conn, { name: `${t.project}.${t.table}`, origin: "import", partitionColumns: [] });
    await conn.run("COMMIT");
  } catch (error) {
    await conn.run("ROLLBACK");
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  return countRows(conn, tableSql(t));
}
