/**
 * Split (`split`): sends each row to output1Table or output2Table.
 * - `_splitMethod=_fraction` (default): a row goes to output1 with probability `fraction`, decided
 *   by a hash of its row position (or of idColName, keeping equal ids together) and randomSeed,
 *   so the same input and seed always give the same split.
 * - `_splitMethod=_threshold`: rows with thresholdColName < threshold go to output1.
 */
import {
  type Component,
  numberParam,
  type Params,
  requireColumns,
  StepError,
  type TableInput,
  tableSchema,
} from "../engine/component";
import { countRows, ident, isNumericType } from "../engine/sql";

/** How rows are sent: by a threshold condition, or by a hash of a key (`rowid` when none is named). */
type Rule =
  | { method: "_threshold"; condition: string }
  | { method: "_fraction"; idCol?: string; cut: number; seed: number };

function rule(ctx: Params, input: TableInput): Rule {
  const method = ctx.param("_splitMethod") ?? "_fraction";
  if (method === "_threshold") {
    const col = ctx.param("thresholdColName");
    if (!col) throw new StepError("thresholdColName is required with _splitMethod=_threshold");
    const [column] = requireColumns(input, [col], "thresholdColName");
    if (!column || !isNumericType(column.type))
      throw new StepError(`thresholdColName: column ${col} is ${column?.type}, not numeric`);
    const threshold = numberParam(ctx, "threshold", Number.NaN);
    if (Number.isNaN(threshold)) throw new StepError("threshold is required with _splitMethod=_threshold");
    return { method, condition: `${ident(col)} < ${threshold}` };
  }
  if (method !== "_fraction")
    throw new StepError(`_splitMethod="${method}" is not one of _fraction, _threshold`);
  const fraction = numberParam(ctx, "fraction", 0.8, { min: 0, max: 1 });
  const seed = numberParam(ctx, "randomSeed", 0, { integer: true });
  const idCol = ctx.param("idColName");
  if (idCol) requireColumns(input, [idCol], "idColName");
  return { method, idCol, cut: Math.round(fraction * 1000000007), seed };
}

export const split: Component = {
  identifier: "split",
  description: "Split: divides a table into two by fraction or threshold",
  outputs: [
    { name: "output1Table", type: "DataSet" },
    { name: "output2Table", type: "DataSet" },
  ],
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const r = rule(ctx, input);
    let source = input.relation;
    let condition: string;
    if (r.method === "_threshold") condition = r.condition;
    else {
      let key = "rowid";
      if (r.idCol) key = ident(r.idCol);
      else if (input.kind !== "table") {
        // A view has no stable row id: number its rows once so both outputs agree.
        source = "__split_input";
        await ctx.conn.run(`CREATE TEMP TABLE __split_input AS SELECT * FROM ${input.relation}`);
      }
      condition = `(hash(${key}, ${r.seed}) % 1000000007) < ${r.cut}`;
    }
    const out1 = ctx.tableOutput("output1Table");
    const out2 = ctx.tableOutput("output2Table");
    await ctx.conn.run(`CREATE TABLE ${out1} AS SELECT * FROM ${source} WHERE ${condition}`);
    await ctx.conn.run(
      `CREATE TABLE ${out2} AS SELECT * FROM ${source} WHERE NOT coalesce(${condition}, false)`,
    );
    ctx.log(
      `split ${r.method}: ${await countRows(ctx.conn, out1)} rows to output1Table, ${await countRows(ctx.conn, out2)} to output2Table`,
    );
  },
  schema(ctx) {
    const input = ctx.requireInput("inputTable");
    rule(ctx, input);
    return { output1Table: tableSchema(input.columns), output2Table: tableSchema(input.columns) };
  },
};
