/**
 * SQL Script (`sql`): runs a query over up to four inputs, named `${t1}`..`${t4}` in the SQL.
 * The SQL is DuckDB's dialect (close to MaxCompute's for ordinary SELECTs). A script may hold
 * several statements: before the last, statements that make and fill temporary tables (CREATE
 * TEMP TABLE/VIEW, INSERT/UPDATE/DELETE/DROP on them); the last must be a query and becomes the
 * output table. The script runs in the sandbox (engine/sandbox.ts): it reads any catalog table
 * and its inputs and changes nothing else. As in MaxCompute, an unnamed computed column is called
 * `_c<position>` (`_c2` for the third column).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type Component, StepError, type TableInput, tableSchema } from "../engine/component";
import { endSandbox, runSandboxed, type SandboxedQuery } from "../engine/sandbox";
import { type Column, ident } from "../engine/sql";

/** The script with `${t1}`..`${t4}` replaced by the connected inputs' relations. */
function substitute(text: string | undefined, input: (name: string) => TableInput | undefined): string {
  if (!text) throw new StepError("parameter sql is required");
  const substituted = text.replace(/\$\{(t[1-4])\}/g, (_, name: string) => {
    const found = input(`inputTable${name.slice(1)}`);
    if (!found)
      throw new StepError(`the SQL uses \${${name}} but inputTable${name.slice(1)} is not connected`);
    return found.relation;
  });
  const unknown = /\$\{([^}]+)\}/.exec(substituted);
  if (unknown) {
    throw new StepError(
      `the SQL uses \${${unknown[1]}}, which is not an input table (only \${t1}..\${t4}); global variables are not substituted locally`,
    );
  }
  return substituted;
}

/** The output's columns: the query's, with unnamed computed ones renamed `_c<i>` (unless that name is taken). */
function outputColumns(query: SandboxedQuery): { select: string; columns: Column[] } {
  const taken = new Set(query.columns.map((c) => c.name));
  const renamed = new Set(query.anonymous.filter((i) => !taken.has(`_c${i}`)));
  const columns = query.columns.map((c, i) => (renamed.has(i) ? { ...c, name: `_c${i}` } : c));
  const select = query.columns
    .map((c, i) => (renamed.has(i) ? `${ident(c.name)} AS ${ident(`_c${i}`)}` : ident(c.name)))
    .join(", ");
  return { select, columns };
}

async function inputsOf(
  input: (name: string) => Promise<TableInput | undefined> | TableInput | undefined,
): Promise<Map<string, TableInput>> {
  const inputs = new Map<string, TableInput>();
  for (let i = 1; i <= 4; i++) {
    const found = await input(`inputTable${i}`);
    if (found) inputs.set(`inputTable${i}`, found);
  }
  return inputs;
}

/** Runs the script in the sandbox, then `use`s the result while the sandbox is open; always closes it. */
async function withQuery<T>(
  conn: DuckDBConnection,
  script: string,
  use: (query: SandboxedQuery) => Promise<T>,
  end: "COMMIT" | "ROLLBACK",
): Promise<T> {
  let query: SandboxedQuery;
  try {
    query = await runSandboxed(conn, script);
  } catch (error) {
    await endSandbox(conn, "ROLLBACK");
    throw error;
  }
  await endSandbox(conn, end);
  return use(query);
}

export const sql: Component = {
  identifier: "sql",
  description: "SQL Script: a DuckDB query over the input tables t1..t4",
  outputs: [{ name: "outputTable", type: "DataSet" }],
  async run(ctx) {
    const inputs = await inputsOf(ctx.input);
    const script = substitute(ctx.param("sql"), (name) => inputs.get(name));
    await withQuery(
      ctx.conn,
      script,
      async (query) => {
        const { select, columns } = outputColumns(query);
        const out = ctx.tableOutput("outputTable");
        try {
          await ctx.conn.run(`CREATE TABLE ${out} AS SELECT ${select} FROM ${query.view}`);
        } catch (error) {
          throw new StepError(`SQL error: ${(error as Error).message}`);
        }
        const renamed = columns.filter((c, i) => c.name !== query.columns[i]?.name).map((c) => c.name);
        if (renamed.length > 0) ctx.log(`named unnamed columns ${renamed.join(", ")}`);
      },
      "COMMIT",
    );
  },
  async schema(ctx) {
    const inputs = await inputsOf(ctx.input);
    const script = substitute(ctx.param("sql"), (name) => inputs.get(name));
    // Described over the inputs' empty stand-ins; the rollback drops whatever the script made.
    const query = await withQuery(ctx.conn, script, async (q) => q, "ROLLBACK");
    return { outputTable: tableSchema(outputColumns(query).columns) };
  },
};
