/**
 * Write Table (`SqlWriteTable_1`): writes the input into the local catalog as outputTableName.
 * Without a partition the table is replaced. With hasPartition=true and
 * outputTablePartition `dt=20240101` (or `dt=1/region=cn`) the partition columns are added as
 * VARCHAR columns and only that partition's rows are replaced.
 */
import { parseTableName, tableExists, tableSql } from "../catalog";
import { type Component, StepError } from "../engine/component";
import { countRows, describe, ident, lit } from "../engine/sql";

function parsePartition(spec: string): [string, string][] {
  if (/\$\{[^}]*\}/.test(spec)) {
    throw new StepError(
      `outputTablePartition "${spec}" holds a global variable; give the partition a value to run locally`,
    );
  }
  return spec.split("/").map((kv) => {
    const eq = kv.indexOf("=");
    const col = kv.slice(0, eq).trim();
    if (eq <= 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(col))
      throw new StepError(`outputTablePartition "${kv}" must be column=value`);
    return [
      col,
      kv
        .slice(eq + 1)
        .trim()
        .replace(/^['"]|['"]$/g, ""),
    ];
  });
}

export const writeTable: Component = {
  identifier: "SqlWriteTable_1",
  description: "Write Table: saves the input as a catalog table",
  outputs: [],
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const name = ctx.param("outputTableName");
    if (!name) throw new StepError("parameter outputTableName is required (project.table)");
    let target: ReturnType<typeof parseTableName>;
    try {
      target = parseTableName(name);
    } catch (error) {
      throw new StepError(`outputTableName: ${(error as Error).message}`);
    }
    const rel = tableSql(target);
    await ctx.conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(target.project)}`);
    const spec = ctx.param("hasPartition") === "true" ? ctx.param("outputTablePartition") : undefined;
    if (ctx.param("hasPartition") === "true" && !spec)
      throw new StepError("hasPartition is true but outputTablePartition is empty");
    if (!spec) {
      await ctx.conn.run(`CREATE OR REPLACE TABLE ${rel} AS SELECT * FROM ${input.relation}`);
      ctx.log(`wrote ${await countRows(ctx.conn, rel)} rows to ${name}`);
      return;
    }
    const partition = parsePartition(spec);
    const clash = partition.find(([col]) => input.columns.some((c) => c.name === col));
    if (clash) throw new StepError(`partition column ${clash[0]} is also a column of the input`);
    const partCols = partition.map(([col, value]) => `${lit(value)}::VARCHAR AS ${ident(col)}`).join(", ");
    const rows = `SELECT *, ${partCols} FROM ${input.relation}`;
    if (!(await tableExists(ctx.conn, target))) {
      await ctx.conn.run(`CREATE TABLE ${rel} AS ${rows}`);
    } else {
      const existing = (await describe(ctx.conn, rel)).map((c) => c.name);
      const incoming = [...input.columns.map((c) => c.name), ...partition.map(([c]) => c)];
      if (existing.join(",") !== incoming.join(",")) {
        throw new StepError(
          `${name} has columns (${existing.join(", ")}); the input gives (${incoming.join(", ")})`,
        );
      }
      const match = partition.map(([col, value]) => `${ident(col)} = ${lit(value)}`).join(" AND ");
      await ctx.conn.run("BEGIN TRANSACTION");
      try {
        await ctx.conn.run(`DELETE FROM ${rel} WHERE ${match}`);
        await ctx.conn.run(`INSERT INTO ${rel} ${rows}`);
        await ctx.conn.run("COMMIT");
      } catch (error) {
        await ctx.conn.run("ROLLBACK");
        throw error;
      }
    }
    ctx.log(`wrote ${await countRows(ctx.conn, input.relation)} rows to ${name} partition ${spec}`);
  },
};
