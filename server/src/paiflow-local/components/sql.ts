/**
 * SQL Script (`sql`): runs a query over up to four inputs, named `${t1}`..`${t4}` in the SQL.
 * The SQL is DuckDB's dialect (close to MaxCompute's for ordinary SELECTs). A script may hold
 * several statements; the last one must be a query and becomes the output table. As in
 * MaxCompute, an unnamed computed column is called `_c<position>` (`_c2` for the third column).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type Component, StepError, type TableInput } from "../engine/component";
import { ident, lit, splitStatements } from "../engine/sql";

interface SerializedSelect {
  error?: boolean;
  error_message?: string;
  statements?: { node?: { type?: string; select_list?: { class?: string; alias?: string }[] } }[];
}

/** Output positions that MaxCompute would name `_c<i>`: unaliased, non-column, non-star entries. */
async function anonymousColumns(conn: DuckDBConnection, query: string): Promise<number[]> {
  const reader = await conn.runAndReadAll(`SELECT json_serialize_sql(${lit(query)})`);
  const parsed = JSON.parse(String(reader.getRowsJS()[0]?.[0])) as SerializedSelect;
  const node = parsed.statements?.[0]?.node;
  if (parsed.error || node?.type !== "SELECT_NODE" || !node.select_list) return [];
  const list = node.select_list;
  // After a star the positions of the output no longer follow the select list.
  if (list.some((e) => e.class === "STAR")) return [];
  return list.flatMap((e, i) => (!e.alias && e.class !== "COLUMN_REF" ? [i] : []));
}

export const sql: Component = {
  identifier: "sql",
  description: "SQL Script: a DuckDB query over the input tables t1..t4",
  outputs: [{ name: "outputTable", type: "DataSet" }],
  async run(ctx) {
    const text = ctx.param("sql");
    if (!text) throw new StepError("parameter sql is required");
    const inputs = new Map<string, TableInput>();
    for (let i = 1; i <= 4; i++) {
      const input = await ctx.input(`inputTable${i}`);
      if (input) inputs.set(`t${i}`, input);
    }
    const substituted = text.replace(/\$\{(t[1-4])\}/g, (_, name: string) => {
      const input = inputs.get(name);
      if (!input)
        throw new StepError(`the SQL uses \${${name}} but inputTable${name.slice(1)} is not connected`);
      return input.relation;
    });
    const unknown = /\$\{([^}]+)\}/.exec(substituted);
    if (unknown) {
      throw new StepError(
        `the SQL uses \${${unknown[1]}}, which is not an input table (only \${t1}..\${t4}); global variables are not substituted locally`,
      );
    }
    const statements = splitStatements(substituted);
    const query = statements.pop();
    if (!query) throw new StepError("the SQL is empty");
    try {
      for (const statement of statements) await ctx.conn.run(statement);
      const out = ctx.tableOutput("outputTable");
      await ctx.conn.run(`CREATE TABLE ${out} AS ${query}`);
      const anonymous = await anonymousColumns(ctx.conn, query);
      const names =
        anonymous.length > 0
          ? (await ctx.conn.runAndReadAll(`SELECT * FROM ${out} LIMIT 0`)).columnNames()
          : [];
      for (const i of anonymous) {
        const from = names[i];
        if (from !== undefined && !names.includes(`_c${i}`)) {
          await ctx.conn.run(`ALTER TABLE ${out} RENAME COLUMN ${ident(from)} TO ${ident(`_c${i}`)}`);
        }
      }
      if (anonymous.length > 0) ctx.log(`named unnamed columns ${anonymous.map((i) => `_c${i}`).join(", ")}`);
    } catch (error) {
      if (error instanceof StepError) throw error;
      throw new StepError(`SQL error: ${(error as Error).message}`);
    }
  },
};
