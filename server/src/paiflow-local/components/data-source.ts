/** Read Table (`data_source`): a catalog table, optionally filtered to partitions, as the step's output. */
import { parseTableName, partitionFilter, tableExists, tableSql } from "../catalog";
import { type Component, StepError } from "../engine/component";
import { countRows, describe } from "../engine/sql";

export const dataSource: Component = {
  identifier: "data_source",
  description: "Read Table: reads project.table from the local table catalog",
  outputs: [{ name: "outputTable", type: "DataSet" }],
  async run(ctx) {
    const name = ctx.param("inputTableName");
    if (!name) throw new StepError("parameter inputTableName is required (project.table)");
    let table: ReturnType<typeof parseTableName>;
    try {
      table = parseTableName(name);
    } catch (error) {
      throw new StepError(`inputTableName: ${(error as Error).message}`);
    }
    if (!(await tableExists(ctx.conn, table))) {
      throw new StepError(
        `table ${name} is not in the local table catalog (\`pfd tables list\` shows the tables, \`pfd tables import FILE --name ${name}\` adds one)`,
      );
    }
    const source = tableSql(table);
    const hasPartition = ctx.param("hasPartition");
    const spec = ctx.param("inputTablePartitions") ?? ctx.param("partition");
    // Designer writes hasPartition explicitly; the API sample passes a bare partition without it,
    // so an unflagged spec is applied only when it is written as column=value.
    const usePartition =
      spec !== undefined && (hasPartition === "true" || (hasPartition === undefined && spec.includes("=")));
    let where = "";
    if (usePartition) {
      try {
        where = ` WHERE ${partitionFilter(spec, await describe(ctx.conn, source), "partition")}`;
      } catch (error) {
        throw new StepError((error as Error).message);
      }
    } else if (hasPartition === "true") {
      throw new StepError("hasPartition is true but no partition is given (partition: column=value)");
    }
    // A view: Read Table hands the source table itself to the next step, as PAI does.
    const out = ctx.tableOutput("outputTable", "view");
    await ctx.conn.run(`CREATE VIEW ${out} AS SELECT * FROM ${source}${where}`);
    ctx.log(`read ${name}${where ? ` (${spec})` : ""}: ${await countRows(ctx.conn, out)} rows`);
  },
};
