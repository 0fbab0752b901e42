/**
 * Statistics components. Both write a table output named `outputTable` (PAI shows these as
 * charts; the table is what a chart is drawn from) and a `statistics` Metrics output.
 * - Histogram (`histograms`): equal-width bins between each column's min and max
 *   (intervalNum bins): feature, bin, lower, upper, count, frequency.
 * - Data View (`fe_meta_runner`): per feature, maxBins equal-width bins crossed with the label:
 *   feature, bin, lower, upper, label, count; the Metrics output holds each feature's count,
 *   missing, min, max, mean, stddev and, for a binary label, its information value (IV).
 */
import {
  type Component,
  numberParam,
  requireColumns,
  type StepContext,
  StepError,
  type TableInput,
} from "../engine/component";
import { type Column, columnList, ident, isNumericType, lit } from "../engine/sql";

function numericColumns(input: TableInput, listed: string[], param: string): Column[] {
  const columns =
    listed.length > 0
      ? requireColumns(input, listed, param)
      : input.columns.filter((c) => isNumericType(c.type));
  const bad = columns.filter((c) => !isNumericType(c.type));
  if (bad.length > 0)
    throw new StepError(`${param}: ${bad.map((c) => `${c.name} (${c.type})`).join(", ")} not numeric`);
  if (columns.length === 0) throw new StepError(`${param}: no numeric column`);
  return columns;
}

/** SQL giving each row's bin (0..bins-1) of `col`, with its lower/upper bounds, for one feature. */
function binnedSql(relation: string, col: string, bins: number, extra = ""): string {
  const c = ident(col);
  return `WITH r AS (SELECT min(${c})::DOUBLE lo, max(${c})::DOUBLE hi FROM ${relation}),
    b AS (SELECT ${c}::DOUBLE AS v${extra},
      CASE WHEN r.hi = r.lo THEN 0 ELSE least(${bins - 1}, floor((${c} - r.lo) / (r.hi - r.lo) * ${bins}))::INTEGER END AS bin,
      r.lo, r.hi FROM ${relation}, r WHERE ${c} IS NOT NULL)
    SELECT ${lit(col)} AS feature, bin,
      any_value(lo + (hi - lo) * bin / ${bins}) AS lower, any_value(lo + (hi - lo) * (bin + 1) / ${bins}) AS upper`;
}

async function featureSummary(ctx: StepContext, input: TableInput, columns: Column[]) {
  const parts = columns.map(
    (c) =>
      `SELECT ${lit(c.name)}, count(${ident(c.name)}), count(*) - count(${ident(c.name)}), min(${ident(c.name)})::DOUBLE, max(${ident(c.name)})::DOUBLE, avg(${ident(c.name)})::DOUBLE, stddev_samp(${ident(c.name)})::DOUBLE FROM ${input.relation}`,
  );
  const reader = await ctx.conn.runAndReadAll(parts.join(" UNION ALL "));
  return reader.getRowsJS().map(([feature, count, missing, min, max, mean, stddev]) => ({
    feature: String(feature),
    count: Number(count),
    missing: Number(missing),
    min: min as number | null,
    max: max as number | null,
    mean: mean as number | null,
    stddev: stddev as number | null,
  }));
}

export const histograms: Component = {
  identifier: "histograms",
  description: "Histogram: equal-width bins of numeric columns",
  outputs: [
    { name: "outputTable", type: "DataSet" },
    { name: "statistics", type: "Metrics" },
  ],
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const columns = numericColumns(input, columnList(ctx.param("selectedColNames")), "selectedColNames");
    const bins = numberParam(ctx, "intervalNum", 10, { min: 1, max: 10_000, integer: true });
    const parts = columns.map(
      (c) =>
        `(${binnedSql(input.relation, c.name, bins)}, count(*) AS count, count(*) / sum(count(*)) OVER () AS frequency FROM b GROUP BY bin)`,
    );
    const out = ctx.tableOutput("outputTable");
    await ctx.conn.run(
      `CREATE TABLE ${out} AS SELECT * FROM (${parts.join(" UNION ALL ")}) ORDER BY feature, bin`,
    );
    ctx.valueOutput("statistics", "Metrics", await featureSummary(ctx, input, columns));
    ctx.log(`histograms of ${columns.map((c) => c.name).join(", ")} in ${bins} bins`);
  },
};

export const dataView: Component = {
  identifier: "fe_meta_runner",
  description: "Data View: per-feature distributions against the label",
  outputs: [
    { name: "outputTable", type: "DataSet" },
    { name: "statistics", type: "Metrics" },
  ],
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const labelCol = ctx.param("labelCol");
    if (labelCol) requireColumns(input, [labelCol], "labelCol");
    const listed = columnList(ctx.param("selectedCols")).filter((c) => c !== labelCol);
    const columns = numericColumns(
      { ...input, columns: input.columns.filter((c) => c.name !== labelCol) },
      listed,
      "selectedCols",
    );
    const bins = numberParam(ctx, "maxBins", 100, { min: 1, max: 10_000, integer: true });
    const label = labelCol ? `CAST(${ident(labelCol)} AS VARCHAR)` : "NULL::VARCHAR";
    const parts = columns.map(
      (c) =>
        `(${binnedSql(input.relation, c.name, bins, `, ${label} AS label`)}, label, count(*) AS count FROM b GROUP BY bin, label)`,
    );
    const out = ctx.tableOutput("outputTable");
    await ctx.conn.run(
      `CREATE TABLE ${out} AS SELECT * FROM (${parts.join(" UNION ALL ")}) ORDER BY feature, bin, label`,
    );
    const summary = await featureSummary(ctx, input, columns);
    if (labelCol) {
      // IV over the bins for a binary label: sum((p_i - n_i) * ln(p_i / n_i)), smoothed by 0.5.
      const labels = await ctx.conn.runAndReadAll(
        `SELECT DISTINCT label FROM ${out} WHERE label IS NOT NULL ORDER BY 1`,
      );
      const values = labels.getRowsJS().map((r) => String(r[0]));
      if (values.length === 2) {
        const [neg, pos] = values as [string, string];
        const iv = await ctx.conn.runAndReadAll(
          `WITH t AS (SELECT feature, bin, coalesce(sum(count) FILTER (label = ${lit(pos)}), 0) + 0.5 AS p, coalesce(sum(count) FILTER (label = ${lit(neg)}), 0) + 0.5 AS n FROM ${out} GROUP BY feature, bin),
           s AS (SELECT feature, p / sum(p) OVER (PARTITION BY feature) AS pp, n / sum(n) OVER (PARTITION BY feature) AS nn FROM t)
           SELECT feature, sum((pp - nn) * ln(pp / nn)) FROM s GROUP BY feature`,
        );
        const byFeature = new Map(iv.getRowsJS().map(([f, v]) => [String(f), Number(v)]));
        for (const s of summary) Object.assign(s, { iv: byFeature.get(s.feature) ?? null });
      }
    }
    ctx.valueOutput("statistics", "Metrics", summary);
    ctx.log(
      `data view of ${columns.map((c) => c.name).join(", ")}${labelCol ? ` against ${labelCol}` : ""} in ${bins} bins`,
    );
  },
};
