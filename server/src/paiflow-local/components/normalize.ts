/**
 * Normalization (`normalize_1`): min-max scales the selected numeric columns to [0, 1] (a
 * constant column becomes 0), as DOUBLE. keepOriginal=true keeps the originals and adds
 * `normalized_<col>`. outputParaTable holds each column's min and max.
 */
import {
  boolParam,
  type Component,
  type Params,
  requireColumns,
  StepError,
  type TableInput,
  tableSchema,
} from "../engine/component";
import { type Column, columnList, ident, isNumericType, lit } from "../engine/sql";

const PARA_COLUMNS: Column[] = [
  { name: "feature", type: "VARCHAR" },
  { name: "min", type: "DOUBLE" },
  { name: "max", type: "DOUBLE" },
];

/** The columns to scale and the output's columns, with `scaled(name)` giving each scaled column's expression. */
function layout(ctx: Params, input: TableInput) {
  const listed = columnList(ctx.param("selectedColNames"));
  const selected =
    listed.length > 0
      ? requireColumns(input, listed, "selectedColNames")
      : input.columns.filter((c) => isNumericType(c.type));
  const nonNumeric = selected.filter((c) => !isNumericType(c.type));
  if (nonNumeric.length > 0) {
    throw new StepError(
      `selectedColNames: ${nonNumeric.map((c) => `${c.name} (${c.type})`).join(", ")} not numeric; convert them first`,
    );
  }
  if (selected.length === 0) throw new StepError("no numeric column to normalize");
  const keep = boolParam(ctx, "keepOriginal", false);
  const names = new Set(selected.map((c) => c.name));
  const output = (scaled: (name: string) => string) => {
    const select: string[] = [];
    const columns: Column[] = [];
    for (const c of input.columns) {
      if (names.has(c.name) && !keep) {
        select.push(`${scaled(c.name)} AS ${ident(c.name)}`);
        columns.push({ name: c.name, type: "DOUBLE" });
      } else {
        select.push(ident(c.name));
        columns.push(c);
      }
    }
    if (keep) {
      for (const c of selected) {
        select.push(`${scaled(c.name)} AS ${ident(`normalized_${c.name}`)}`);
        columns.push({ name: `normalized_${c.name}`, type: "DOUBLE" });
      }
    }
    return { select, columns };
  };
  return { selected, output };
}

export const normalize: Component = {
  identifier: "normalize_1",
  description: "Normalization: min-max scaling of numeric columns",
  outputs: [
    { name: "outputTable", type: "DataSet" },
    { name: "outputParaTable", type: "DataSet" },
  ],
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const { selected, output } = layout(ctx, input);
    const stats = await ctx.conn.runAndReadAll(
      `SELECT ${selected.map((c) => `min(${ident(c.name)})::DOUBLE, max(${ident(c.name)})::DOUBLE`).join(", ")} FROM ${input.relation}`,
    );
    const row = stats.getRowsJS()[0] ?? [];
    const ranges = selected.map((c, i) => ({
      name: c.name,
      min: row[2 * i] as number | null,
      max: row[2 * i + 1] as number | null,
    }));
    const scaled = (name: string) => {
      const r = ranges.find((x) => x.name === name);
      if (!r || r.min === null || r.max === null) return "NULL::DOUBLE";
      const span = r.max - r.min;
      return span === 0
        ? `CASE WHEN ${ident(name)} IS NULL THEN NULL ELSE 0.0 END::DOUBLE`
        : `((${ident(name)}::DOUBLE - ${r.min}) / ${span})::DOUBLE`;
    };
    const out = ctx.tableOutput("outputTable");
    await ctx.conn.run(
      `CREATE TABLE ${out} AS SELECT ${output(scaled).select.join(", ")} FROM ${input.relation}`,
    );
    const para = ctx.tableOutput("outputParaTable");
    const values = ranges
      .map((r) => `(${lit(r.name)}, ${r.min ?? "NULL"}::DOUBLE, ${r.max ?? "NULL"}::DOUBLE)`)
      .join(", ");
    await ctx.conn.run(`CREATE TABLE ${para} AS SELECT * FROM (VALUES ${values}) AS t(feature, min, max)`);
    ctx.log(`normalized ${ranges.map((r) => `${r.name} [${r.min}, ${r.max}]`).join(", ")}`);
  },
  schema(ctx) {
    const { output } = layout(ctx, ctx.requireInput("inputTable"));
    return {
      outputTable: tableSchema(output(() => "").columns),
      outputParaTable: tableSchema(PARA_COLUMNS),
    };
  },
};
