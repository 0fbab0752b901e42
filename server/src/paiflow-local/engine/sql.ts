/** Small helpers for writing DuckDB SQL safely. */
import type { DuckDBConnection } from "@duckdb/node-api";

/** A quoted identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A quoted string literal. */
export const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** `"schema"."table"` */
export const qualified = (schema: string, table: string) => `${ident(schema)}.${ident(table)}`;

export interface Column {
  name: string;
  type: string;
}

/** The columns of a table, view or query, as DuckDB binds it: nothing is executed. */
export async function describe(conn: DuckDBConnection, relation: string): Promise<Column[]> {
  const prepared = await conn.prepare(`SELECT * FROM ${relation}`);
  try {
    return Array.from({ length: prepared.columnCount }, (_, i) => ({
      name: prepared.columnName(i),
      type: String(prepared.columnType(i)),
    }));
  } finally {
    prepared.destroySync();
  }
}

/** A relation with `columns` and no rows: a step's input at design time. */
export function emptyRelation(columns: Column[]): string {
  if (columns.length === 0) return "(SELECT 1 WHERE false)";
  return `(SELECT ${columns.map((c) => `CAST(NULL AS ${c.type}) AS ${ident(c.name)}`).join(", ")} WHERE false)`;
}

/**
 * `SELECT` of `columns` from `query`, each cast to its declared type: a table made from it has
 * exactly the declared schema (what the component's design-time schema says).
 */
export const typedSelect = (columns: Column[], query: string) =>
  `SELECT ${columns.map((c) => `CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`).join(", ")} FROM (${query})`;

async function scalar(conn: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowsJS()[0]?.[0];
}

export async function countRows(conn: DuckDBConnection, relation: string): Promise<number> {
  return Number(await scalar(conn, `SELECT count(*) FROM ${relation}`));
}

// Shared with the web's column pickers and validation: one rule for what is numeric and how lists split.
export { isNumericType, splitColumns as columnList } from "@pfd/shared";

/**
 * Splits a SQL script into statements on top-level semicolons, respecting quotes and comments.
 * Empty statements are dropped.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === "`") {
      const close = sql.indexOf(c, i + 1);
      i = close < 0 ? sql.length : close + 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === ";") {
      out.push(sql.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  out.push(sql.slice(start));
  return out
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^(--[^\n]*\n?|\/\*[\s\S]*?\*\/|\s)*$/.test(s));
}

/** JSON-safe cell values: BIGINTs as numbers when exact (else strings), dates and others as text. */
export function jsonCell(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint")
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
