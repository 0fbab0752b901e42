/**
 * Normalization (`normalize_1`): min-max scales the selected numeric columns to [0, 1] (a
 * constant column becomes 0). keepOriginal=true keeps the originals and adds
 * `normalized_<col>`. outputParaTable holds each column's min and max.
 */
import { boolParam, type Component, requireColumns, StepError } from "../engine/component";
import { columnList, ident, isNumericType, lit } from "../engine/sql";

export const normalize: Component = {
  identifier: "normalize_1",
  description: "Normalization: min-max scaling of numeric columns",
  outputs: [
    { name: "outputTable", type: "DataSet" },
    { name: "outputParaTable", type: "DataSet" },
  ],
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const listed = columnList(ctx.param("selectedColNames"));
    const columns =
      listed.length > 0
        ? requireColumns(input, listed, "selectedColNames")
        : input.columns.filter((c) => isNumericType(c.type));
    const nonNumeric = columns.filter((c) => !isNumericType(c.type));
    if (nonNumeric.length > 0) {
      throw new StepError(
        `selectedColNames: ${nonNumeric.map((c) => `${c.name} (${c.type})`).join(", ")} not numeric; convert them first`,
      );
    }
    if (columns.length === 0) throw new StepError("no numeric column to normalize");
    const stats = await ctx.conn.runAndReadAll(
      `SELECT ${columns.map((c) => `min(${ident(c.name)})::DOUBLE, max(${ident(c.name)})::DOUBLE`).join(", ")} FROM ${input.relation}`,
    );
    const row = stats.getRowsJS()[0] ?? [];
    const ranges = columns.map((c, i) => ({
      name: c.name,
      min: row[2 * i] as number | null,
      max: row[2 * i + 1] as number | null,
    }));
    const scaled = (name: string) => {
      const r = ranges.find((x) => x.name === name);
      if (!r || r.min === null || r.max === null) return "NULL::DOUBLE";
      const span = r.max - r.min;
      return span === 0
        ? `CASE WHEN ${ident(name)} IS NULL THEN NULL ELSE 0.0 END`
        : `(${ident(name)} - ${r.min}) / ${span}`;
    };
    const keep = boolParam(ctx, "keepOriginal", false);
    const selected = new Set(columns.map((c) => c.name));
    const select = input.columns.map((c) =>
      !selected.has(c.name) ? ident(c.name) : keep ? ident(c.name) : `${scaled(c.name)} AS ${ident(c.name)}`,
    );
    if (keep) for (const c of columns) select.push(`${scaled(c.name)} AS ${ident(`normalized_${c.name}`)}`);
    const out = ctx.tableOutput("outputTable");
    await ctx.conn.run(`CREATE TABLE ${out} AS SELECT ${select.join(", ")} FROM ${input.relation}`);
    const para = ctx.tableOutput("outputParaTable");
    const values = ranges
      .map((r) => `(${lit(r.name)}, ${r.min ?? "NULL"}::DOUBLE, ${r.max ?? "NULL"}::DOUBLE)`)
      .join(", ");
    await ctx.conn.run(`CREATE TABLE ${para} AS SELECT * FROM (VALUES ${values}) AS t(feature, min, max)`);
    ctx.log(`normalized ${ranges.map((r) => `${r.name} [${r.min}, ${r.max}]`).join(", ")}`);
  },
};
