/** Read Table (`data_source`): a catalog table, optionally filtered to partitions, as the step's output. */
import type { DuckDBConnection } from "@duckdb/node-api";
import { partitionFilter, tableExists, tableSql } from "../catalog";
import { type Component, type Params, StepError, tableNameOf, tableSchema } from "../engine/component";
import { countRows, describe } from "../engine/sql";

/** The table a Read Table step reads and its partition filter; StepError naming what is wrong. */
async function source(
  conn: DuckDBConnection,
  param: Params["param"],
): Promise<{ name: string; sql: string; spec?: string }> {
  const name = param("inputTableName");
  if (!name) throw new StepError("parameter inputTableName is required (project.table)");
  const table = tableNameOf(name, "inputTableName");
  if (!(await tableExists(conn, table))) {
    throw new StepError(
      `table ${name} is not in the local table catalog (\`pfd tables list\` shows the tables, \`pfd tables import FILE --name ${name}\` adds one)`,
    );
  }
  const from = tableSql(table);
  const hasPartition = param("hasPartition");
  const spec = param("inputTablePartitions") ?? param("partition");
  // Designer writes hasPartition explicitly; the API sample passes a bare partition without it,
  // so an unflagged spec is applied only when it is written as column=value.
  const usePartition =
    spec !== undefined && (hasPartition === "true" || (hasPartition === undefined && spec.includes("=")));
  if (!usePartition) {
    if (hasPartition === "true")
      throw new StepError("hasPartition is true but no partition is given (partition: column=value)");
    return { name, sql: `SELECT * FROM ${from}` };
  }
  try {
    const where = partitionFilter(spec, await describe(conn, from), "partition");
    return { name, sql: `SELECT * FROM ${from} WHERE ${where}`, spec };
  } catch (error) {
    throw new StepError((error as Error).message);
  }
}

export const dataSource: Component = {
  identifier: "data_source",
  description: "Read Table: reads project.table from the local table catalog",
  outputs: [{ name: "outputTable", type: "DataSet" }],
  catalogReads: (param) => {
    const name = param("inputTableName");
    return name ? [name.trim()] : [];
  },
  async run(ctx) {
    const read = await source(ctx.conn, ctx.param);
    // A view: Read Table hands the source table itself to the next step, as PAI does.
    const out = ctx.tableOutput("outputTable", "view");
    await ctx.conn.run(`CREATE VIEW ${out} AS ${read.sql}`);
    ctx.log(`read ${read.name}${read.spec ? ` (${read.spec})` : ""}: ${await countRows(ctx.conn, out)} rows`);
  },
  async schema(ctx) {
    const read = await source(ctx.conn, ctx.param);
    return { outputTable: tableSchema(await describe(ctx.conn, `(${read.sql})`)) };
  },
};
