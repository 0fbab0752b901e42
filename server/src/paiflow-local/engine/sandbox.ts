/**
 * Where pipeline SQL (SQL Script's `sql`) runs. What keeps it inside its step is DuckDB itself,
 * not matching the text:
 * - the database instance is locked down (warehouse.ts): no file system (file functions, COPY,
 *   ATTACH of files), no extension install or load, no configuration change;
 * - DuckDB's own parser reads and types every statement (prepare, which also refuses a text that
 *   holds more than one, and json_serialize_sql to tell a real query from a PRAGMA that DuckDB
 *   rewrites into one); only queries and statements on temporary objects pass;
 * - the statements before the last run inside a READ ONLY transaction, in which DuckDB refuses
 *   any write to a persistent database (the catalog's tables, every run's outputs) while
 *   temporary objects, which belong to the step's connection and vanish with it, can be written;
 * - the last statement must be a plain query (a SELECT cannot write); the component makes the
 *   step's output from it with a CREATE TABLE AS of its own.
 */
import { type DuckDBConnection, type DuckDBPreparedStatement, StatementType } from "@duckdb/node-api";
import { StepError } from "./component";
import { type Column, lit, splitStatements } from "./sql";

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
  /** The final query's text: exactly one SELECT statement, as DuckDB parsed it. */
  sql: string;
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

/** Where a statement is, for messages: "the SQL" alone, or its place in the script. */
function placeOf(i: number, count: number) {
  return count === 1
    ? { where: "the SQL", at: "" }
    : { where: `SQL statement ${i + 1} of ${count}`, at: ` in statement ${i + 1} of ${count}` };
}

/** A DuckDB failure as the step's message; a write the read-only transaction refused says what is allowed. */
function sqlFailure(error: unknown, place: ReturnType<typeof placeOf>, kind: string): StepError {
  const message = (error as Error).message;
  if (/read-only mode|read-only transaction|Cannot write to database/i.test(message)) {
    return new StepError(
      `${place.where} (${kind}) was refused: it would create, change or drop a table that is not this step's own (a catalog table or a run's output), and nothing was changed; ${WHAT_IS_ALLOWED}`,
    );
  }
  return new StepError(`SQL error${place.at}: ${message}`);
}

/** Prepares one statement; a text holding several, or none, is refused by DuckDB itself. */
async function prepareOne(
  conn: DuckDBConnection,
  piece: string,
  place: ReturnType<typeof placeOf>,
): Promise<DuckDBPreparedStatement> {
  try {
    return await conn.prepare(piece);
  } catch (error) {
    if (/multiple statements/i.test((error as Error).message)) {
      throw new StepError(
        `${place.where} reads as several statements to DuckDB; end each statement with ";" (PIVOT without an IN list is not supported)`,
      );
    }
    throw sqlFailure(error, place, "statement");
  }
}

/** The statement's kind when allowed; StepError naming it otherwise. */
function kindOf(prepared: DuckDBPreparedStatement, place: ReturnType<typeof placeOf>): string {
  const refused = REFUSED[prepared.statementType];
  const kind = ALLOWED.get(prepared.statementType);
  if (refused || !kind)
    throw new StepError(
      `${place.where} is ${refused ?? "a statement"} and is not allowed: ${WHAT_IS_ALLOWED}`,
    );
  return kind;
}

/**
 * Reads `script` and runs its statements before the last in a read-only transaction on `conn`;
 * returns the last, a query, with its columns. With `keepTemporary` the transaction is committed
 * (the temporary objects stay for the query, until the connection closes); without, it is rolled
 * back (describing only: nothing the script made is left).
 */
export async function runSandboxed(
  conn: DuckDBConnection,
  script: string,
  options: { keepTemporary: boolean },
): Promise<SandboxedQuery> {
  const pieces = splitStatements(script);
  if (pieces.length === 0) throw new StepError("the SQL is empty");
  const count = pieces.length;
  const inTransaction = count > 1;
  if (inTransaction) await conn.run("BEGIN TRANSACTION READ ONLY");
  try {
    for (let i = 0; i < count - 1; i++) {
      const place = placeOf(i, count);
      const piece = pieces[i] as string;
      const prepared = await prepareOne(conn, piece, place);
      try {
        const kind = kindOf(prepared, place);
        if (prepared.statementType === StatementType.SELECT && !(await parseQuery(conn, piece)))
          throw new StepError(`${place.where} is a PRAGMA and is not allowed: ${WHAT_IS_ALLOWED}`);
        try {
          await prepared.run();
        } catch (error) {
          throw sqlFailure(error, place, kind);
        }
      } finally {
        prepared.destroySync();
      }
    }
    const place = placeOf(count - 1, count);
    const sql = pieces[count - 1] as string;
    const prepared = await prepareOne(conn, sql, place);
    try {
      const kind = kindOf(prepared, place);
      const query = prepared.statementType === StatementType.SELECT ? await parseQuery(conn, sql) : undefined;
      if (prepared.statementType === StatementType.SELECT && !query)
        throw new StepError(`${place.where} is a PRAGMA and is not allowed: ${WHAT_IS_ALLOWED}`);
      if (!query)
        throw new StepError(`${place.where} is ${kind}, but the last statement must be a SELECT query`);
      const columns = Array.from({ length: prepared.columnCount }, (_, i) => ({
        name: prepared.columnName(i),
        type: String(prepared.columnType(i)),
      }));
      if (inTransaction) await endSandbox(conn, options.keepTemporary ? "COMMIT" : "ROLLBACK");
      return { sql, columns, anonymous: anonymousColumns(query) };
    } finally {
      prepared.destroySync();
    }
  } catch (error) {
    if (inTransaction) await endSandbox(conn, "ROLLBACK");
    throw error;
  }
}

/** Ends the sandbox's transaction: COMMIT keeps the temporary objects, ROLLBACK (whatever state it is in) drops them. */
async function endSandbox(conn: DuckDBConnection, how: "COMMIT" | "ROLLBACK"): Promise<void> {
  if (how === "COMMIT") {
    await conn.run("COMMIT");
    return;
  }
  try {
    await conn.run("ROLLBACK");
  } catch {
    // No transaction is open (it failed before BEGIN): nothing to drop.
  }
}
