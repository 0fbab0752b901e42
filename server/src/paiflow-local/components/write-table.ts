/**
 * Write Table (`SqlWriteTable_1`): writes the input into the local catalog as outputTableName.
 * Without a partition the table is replaced. With hasPartition=true and
 * outputTablePartition `dt=20240101` (or `dt=1/region=cn`) the partition columns are added as
 * VARCHAR columns and only that partition's rows are replaced.
 *
 * What it may write (registry.ts): a table that does not exist yet, or one a Write Table step
 * created. Sample tables, imported tables and tables without a record are refused, untouched.
 */
import { relationKind, tableSql } from "../catalog";
import { type Component, type StepContext, StepError, tableNameOf } from "../engine/component";
import { countRows, describe, ident, lit } from "../engine/sql";
import { recordWrite, tableRecord } from "../registry";

const ORIGIN_WORDS = {
  sample: "a sample table",
  import: "an imported table (pfd tables import)",
  external: "a table no Write Table step created",
  maxcompute: "a MaxCompute table",
} as const;

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

/** Refuses a target the step may not write (see the file comment); true when it exists. */
async function checkTarget(ctx: StepContext, name: string, target: { project: string; table: string }) {
  const kind = await relationKind(ctx.conn, target.project, target.table);
  if (kind === undefined) return false;
  const record = await tableRecord(ctx.conn, name);
  const origin = record?.origin ?? "external";
  if (kind === "view" || origin !== "pipeline") {
    throw new StepError(
      `outputTableName: ${name} is ${kind === "view" || origin === "pipeline" ? "a view" : ORIGIN_WORDS[origin]}; Write Table writes only new tables and tables that Write Table created, so it was left unchanged (choose another name, or replace it on purpose with \`pfd tables import FILE --name ${name} --replace\`)`,
    );
  }
  return true;
}

/** Runs `work` in one transaction: the table and its record change together or not at all. */
async function inTransaction(ctx: StepContext, work: () => Promise<void>): Promise<void> {
  await ctx.conn.run("BEGIN TRANSACTION");
  try {
    await work();
    await ctx.conn.run("COMMIT");
  } catch (error) {
    await ctx.conn.run("ROLLBACK");
    throw error;
  }
}

export const writeTable: Component = {
  identifier: "SqlWriteTable_1",
  description: "Write Table: saves the input as a catalog table",
  outputs: [],
  sideEffects: true,
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const name = ctx.param("outputTableName");
    if (!name) throw new StepError("parameter outputTableName is required (project.table)");
    const target = tableNameOf(name, "outputTableName");
    const full = `${target.project}.${target.table}`;
    const rel = tableSql(target);
    const spec = ctx.param("hasPartition") === "true" ? ctx.param("outputTablePartition") : undefined;
    if (ctx.param("hasPartition") === "true" && !spec)
      throw new StepError("hasPartition is true but outputTablePartition is empty");
    const exists = await checkTarget(ctx, full, target);
    const record = (partitionColumns: string[]) =>
      recordWrite(ctx.conn, {
        name: full,
        origin: "pipeline",
        partitionColumns,
        writtenByRun: ctx.runId,
        writtenByStep: ctx.stepName,
      });
    if (!spec) {
      await inTransaction(ctx, async () => {
        await ctx.conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(target.project)}`);
        await ctx.conn.run(`CREATE OR REPLACE TABLE ${rel} AS SELECT * FROM ${input.relation}`);
        await record([]);
      });
      ctx.log(`wrote ${await countRows(ctx.conn, rel)} rows to ${name}`);
      return;
    }
    const partition = parsePartition(spec);
    const clash = partition.find(([col]) => input.columns.some((c) => c.name === col));
    if (clash) throw new StepError(`partition column ${clash[0]} is also a column of the input`);
    const partCols = partition.map(([col, value]) => `${lit(value)}::VARCHAR AS ${ident(col)}`).join(", ");
    const rows = `SELECT *, ${partCols} FROM ${input.relation}`;
    if (exists) {
      const existing = (await describe(ctx.conn, rel)).map((c) => c.name);
      const incoming = [...input.columns.map((c) => c.name), ...partition.map(([c]) => c)];
      if (existing.join(",") !== incoming.join(",")) {
        throw new StepError(
          `${name} has columns (${existing.join(", ")}); the input gives (${incoming.join(", ")})`,
        );
      }
    }
    const match = partition.map(([col, value]) => `${ident(col)} = ${lit(value)}`).join(" AND ");
    await inTransaction(ctx, async () => {
      if (!exists) {
        await ctx.conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(target.project)}`);
        await ctx.conn.run(`CREATE TABLE ${rel} AS ${rows}`);
      } else {
        await ctx.conn.run(`DELETE FROM ${rel} WHERE ${match}`);
        await ctx.conn.run(`INSERT INTO ${rel} ${rows}`);
      }
      await record(partition.map(([c]) => c));
    });
    ctx.log(`wrote ${await countRows(ctx.conn, input.relation)} rows to ${name} partition ${spec}`);
  },
  schema: () => ({}),
};
