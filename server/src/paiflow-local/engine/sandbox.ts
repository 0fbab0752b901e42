/**
 * Where pipeline SQL (SQL Script's `sql`) runs. What keeps it inside its step is DuckDB itself,
 * not matching the text:
 * - the database instance is locked down (warehouse.ts): no file system (file functions, COPY,
 *   ATTACH of files), no extension install or load, no configuration change;
 * - DuckDB's own parser reads and types every statement (extract_statements + prepare, and
 *   json_serialize_sql to tell a real query from a PRAGMA that DuckDB rewrites into one); only
 *   queries and statements on temporary objects pass;
 * - everything runs inside a READ ONLY transaction, in which DuckDB refuses any write to a
 *   persistent database (the catalog's tables, every run's outputs) while temporary objects,
 *   which belong to the step's connection and vanish with it, can be written.
 * The last statement must be a query. It becomes a temporary view; the component materializes
 * that view as the step's output after the transaction, with a CREATE TABLE AS SELECT of its own.
 */
import { type DuckDBConnection, StatementType } from "@duckdb/node-api";
import { StepError } from "./component";
import { type Column, describe, lit, splitStatements } from "./sql";

/** The temporary view holding the script's result. */
export const RESULT_VIEW = "temp.main.__pfd_result";

/** Statement kinds a script may hold before its final query; DuckDB's read-only transaction keeps them to temporary objects. */
const ALLOWED = new Map<StatementType, string>([
  [StatementType.SELECT, "SELECT"],
  [StatementType.CREATE, "CREATE"],
  [StatementType.INSERT, "INSERT"],
  [StatementType.UPDATE, "UPDATE"],
  [StatementType.DELETE, "DELETE"],
  [StatementType.DROP, "DROP"],
  [StatementType.ALTER, "ALTER"],
]);

const REFUSED: Partial<Record<StatementType, string>> = {
  [StatementType.ATTACH]: "ATTACH",
  [StatementType.DETACH]: "DETACH",
  [StatementType.COPY]: "COPY",
  [StatementType.COPY_DATABASE]: "COPY DATABASE",
  [StatementType.EXPORT]: "EXPORT",
  [StatementType.LOAD]: "INSTALL/LOAD",
  [StatementType.EXTENSION]: "INSTALL/LOAD",
  [StatementType.UPDATE_EXTENSIONS]: "UPDATE EXTENSIONS",
  [StatementType.SET]: "SET/RESET/USE",
  [StatementType.VARIABLE_SET]: "SET VARIABLE",
  [StatementType.PRAGMA]: "PRAGMA",
  [StatementType.CALL]: "CALL/CHECKPOINT",
  [StatementType.TRANSACTION]: "BEGIN/COMMIT/ROLLBACK",
  [StatementType.VACUUM]: "VACUUM",
  [StatementType.ANALYZE]: "ANALYZE",
  [StatementType.EXPLAIN]: "EXPLAIN",
  [StatementType.PREPARE]: "PREPARE",
  [StatementType.EXECUTE]: "EXECUTE",
  [StatementType.MERGE_INTO]: "MERGE",
};

/** `${t1}`..`${t4}`, how SQL Script names its inputs (not a JS template). */
const INPUTS = `${"$"}{t1}..${"$"}{t4}`;
const WHAT_IS_ALLOWED = `pipeline SQL reads tables (the catalog's and the step's inputs ${INPUTS}) and may create temporary ones (CREATE TEMP TABLE/VIEW); its last statement is the SELECT that becomes the step's output`;

interface SerializedSelect {
  error?: boolean;
  error_message?: string;
  statements?: { node?: { type?: string; select_list?: { class?: string; alias?: string }[] } }[];
}

export interface SandboxedQuery {
  /** The result view (RESULT_VIEW). */
  view: string;
  columns: Column[];
  /**
   * Output positions MaxCompute would name `_c<i>`: unaliased entries that are not plain column
   * references, in a select list without a star (after a star, positions no longer follow the list).
   */
  anonymous: number[];
}

/** DuckDB's parse of a statement as a query; undefined when it is not a plain query (a PRAGMA, a SHOW rewritten, ...). */
async function parseQuery(conn: DuckDBConnection, sql: string): Promise<SerializedSelect | undefined> {
  const reader = await conn.runAndReadAll(`SELECT json_serialize_sql(${lit(sql)})`);
  const parsed = JSON.parse(String(reader.getRowsJS()[0]?.[0])) as SerializedSelect;
  return parsed.error ? undefined : parsed;
}

function anonymousColumns(parsed: SerializedSelect): number[] {
  const node = parsed.statements?.[0]?.node;
  if (node?.type !== "SELECT_NODE" || !node.select_list) return [];
  const list = node.select_list;
  if (list.some((e) => e.class === "STAR")) return [];
  return list.flatMap((e, i) => (!e.alias && e.class !== "COLUMN_REF" ? [i] : []));
}

/**
 * A DuckDB failure as the step's message (`where` is "the SQL" or "SQL statement 2 of 3"); a
 * write the read-only transaction refused says what is allowed.
 */
function sqlFailure(error: unknown, where: string, kind: string): StepError {
  const message = (error as Error).message;
  if (/read-only mode|read-only transaction|Cannot write to database/i.test(message)) {
    return new StepError(
      `${where} (${kind}) was refused: it would create, change or drop a table that is not this step's own (a catalog table or a run's output), and nothing was changed; ${WHAT_IS_ALLOWED}`,
    );
  }
  return new StepError(
    `SQL error${where === "the SQL" ? "" : ` in ${where.replace(/^SQL /, "")}`}: ${message}`,
  );
}

/**
 * Runs `script` in a read-only transaction on `conn` and leaves its last query as the temporary
 * view RESULT_VIEW. The transaction stays open: the caller ends it (`COMMIT` keeps the
 * temporary objects for materializing; `ROLLBACK` drops them, for describing only).
 */
export async function runSandboxed(conn: DuckDBConnection, script: string): Promise<SandboxedQuery> {
  const pieces = splitStatements(script);
  if (pieces.length === 0) throw new StepError("the SQL is empty");
  await conn.run("BEGIN TRANSACTION READ ONLY");
  const count = pieces.length;
  for (let i = 0; i < count; i++) {
    const piece = pieces[i] as string;
    const where = count === 1 ? "the SQL" : `SQL statement ${i + 1} of ${count}`;
    let extracted: Awaited<ReturnType<DuckDBConnection["extractStatements"]>>;
    try {
      extracted = await conn.extractStatements(piece);
    } catch (error) {
      throw sqlFailure(error, where, "statement");
    }
    if (extracted.count !== 1) {
      throw new StepError(
        `${where} reads as ${extracted.count} statements to DuckDB; end each statement with ";" (PIVOT without an IN list is not supported)`,
      );
    }
    let prepared: Awaited<ReturnType<typeof extracted.prepare>>;
    try {
      prepared = await extracted.prepare(0);
    } catch (error) {
      throw sqlFailure(error, where, "statement");
    }
    const type = prepared.statementType;
    const refused = REFUSED[type];
    const kind = ALLOWED.get(type);
    if (refused || !kind) {
      throw new StepError(`${where} is ${refused ?? "a statement"} and is not allowed: ${WHAT_IS_ALLOWED}`);
    }
    const last = i === count - 1;
    const query = type === StatementType.SELECT ? await parseQuery(conn, piece) : undefined;
    if (type === StatementType.SELECT && !query) {
      throw new StepError(`${where} is a PRAGMA and is not allowed: ${WHAT_IS_ALLOWED}`);
    }
    if (last) {
      if (!query) throw new StepError(`${where} is ${kind}, but the last statement must be a SELECT query`);
      try {
        await conn.run(`CREATE TEMP VIEW ${RESULT_VIEW} AS\n${piece}\n`);
      } catch (error) {
        throw sqlFailure(error, where, kind);
      }
      return {
        view: RESULT_VIEW,
        columns: await describe(conn, RESULT_VIEW),
        anonymous: anonymousColumns(query),
      };
    }
    try {
      await prepared.run();
    } catch (error) {
      throw sqlFailure(error, where, kind);
    }
  }
  throw new StepError("the SQL has no final query");
}

/** Ends the sandbox's transaction, whatever state it is in. */
export async function endSandbox(conn: DuckDBConnection, how: "COMMIT" | "ROLLBACK"): Promise<void> {
  try {
    await conn.run(how);
  } catch {
    // No transaction open (it failed before BEGIN) or already aborted: nothing to end.
    if (how === "COMMIT") throw new StepError("the SQL's transaction could not be committed");
  }
}
