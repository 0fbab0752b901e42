/**
 * SQL Script (`sql`): runs a query over up to four inputs, named `${t1}`..`${t4}` in the SQL.
 * The SQL is DuckDB's dialect (close to MaxCompute's for ordinary SELECTs). A script may hold
 * several statements: before the last, statements that make and fill temporary tables (CREATE
 * TEMP TABLE/VIEW, INSERT/UPDATE/DELETE/DROP on them); the last must be a query and becomes the
 * output table. The script runs in the sandbox (engine/sandbox.ts): it reads any catalog table
 * and its inputs and changes nothing else. As in MaxCompute, an unnamed computed column is called
 * `_c<position>` (`_c2` for the third column).
 */
import { type Component, StepError, type TableInput, tableSchema } from "../engine/component";
import { runSandboxed, type SandboxedQuery } from "../engine/sandbox";
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

/**
 * The output's columns: the query's, with unnamed computed ones renamed `_c<i>` (unless that name
 * is taken), and the CREATE TABLE AS body giving them: the query itself, or wrapped to rename.
 */
function output(query: SandboxedQuery): { body: string; columns: Column[] } {
  const taken = new Set(query.columns.map((c) => c.name));
  const renamed = new Set(query.anonymous.filter((i) => !taken.has(`_c${i}`)));
  const columns = query.columns.map((c, i) => (renamed.has(i) ? { ...c, name: `_c${i}` } : c));
  if (renamed.size === 0) return { body: `\n${query.sql}\n`, columns };
  const select = query.columns
    .map((c, i) => (renamed.has(i) ? `${ident(c.name)} AS ${ident(`_c${i}`)}` : ident(c.name)))
    .join(", ");
  return { body: `SELECT ${select} FROM (\n${query.sql}\n) AS q`, columns };
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

export const sql: Component = {
  identifier: "sql",
  description: "SQL Script: a DuckDB query over the input tables t1..t4",
  outputs: [{ name: "outputTable", type: "DataSet" }],
  async run(ctx) {
    const inputs = await inputsOf(ctx.input);
    const script = substitute(ctx.param("sql"), (name) => inputs.get(name));
    const query = await runSandboxed(ctx.conn, script, { keepTemporary: true });
    const { body, columns } = output(query);
    const out = ctx.tableOutput("outputTable");
    try {
      await ctx.conn.run(`CREATE TABLE ${out} AS ${body}`);
    } catch (error) {
      throw new StepError(`SQL error: ${(error as Error).message}`);
    }
    const renamed = columns.filter((c, i) => c.name !== query.columns[i]?.name).map((c) => c.name);
    if (renamed.length > 0) ctx.log(`named unnamed columns ${renamed.join(", ")}`);
  },
  async schema(ctx) {
    const inputs = await inputsOf(ctx.input);
    const script = substitute(ctx.param("sql"), (name) => inputs.get(name));
    // Described over the inputs' empty stand-ins; whatever the script made is rolled back.
    const query = await runSandboxed(ctx.conn, script, { keepTemporary: false });
    return { outputTable: tableSchema(output(query).columns) };
  },
};
