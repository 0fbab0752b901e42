/**
 * Statistics components, with the output shapes of shared/src/api/results.ts. Both write a table
 * output named `outputTable` (what PAI draws its charts from) and a `statistics` Metrics output
 * (ColumnStatistics per column: count, missing, distinct, min, max, mean, stddev and a small
 * distribution to draw beside it).
 * - Histogram (`histograms`): equal-width bins between each numeric column's min and max
 *   (intervalNum bins), HISTOGRAM_COLUMNS.
 * - Data View (`fe_meta_runner`): per column, maxBins bins crossed with the label,
 *   DATA_VIEW_COLUMNS. Numeric columns are cut into equal-width bins; text columns get one bin
 *   per value, the maxBins - 1 most frequent first, the rest in a last bin. With a binary label,
 *   each column's information value (IV).
 */
import {
  type ColumnStatistics,
  DATA_VIEW_COLUMNS as DATA_VIEW_NAMES,
  HISTOGRAM_COLUMNS as HISTOGRAM_NAMES,
  STATISTICS_SUMMARY_BINS,
  STATISTICS_SUMMARY_TOP,
} from "@pfd/shared";
import {
  type Component,
  numberParam,
  type Params,
  requireColumns,
  type StepContext,
  StepError,
  type TableInput,
  tableSchema,
} from "../engine/component";
import { type Column, columnList, ident, isNumericType, lit, typedSelect } from "../engine/sql";

const TYPES: Record<(typeof HISTOGRAM_NAMES)[number] | (typeof DATA_VIEW_NAMES)[number], string> = {
  feature: "VARCHAR",
  bin: "INTEGER",
  lower: "DOUBLE",
  upper: "DOUBLE",
  count: "BIGINT",
  frequency: "DOUBLE",
  value: "VARCHAR",
  label: "VARCHAR",
};
const HISTOGRAM_COLUMNS: Column[] = HISTOGRAM_NAMES.map((name) => ({ name, type: TYPES[name] }));
const DATA_VIEW_COLUMNS: Column[] = DATA_VIEW_NAMES.map((name) => ({ name, type: TYPES[name] }));

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

/** SQL giving each row's bin (0..bins-1) of numeric `col`, with its bounds, for one feature. */
function binnedSql(relation: string, col: string, bins: number, extra = ""): string {
  const c = ident(col);
  return `WITH r AS (SELECT min(${c})::DOUBLE lo, max(${c})::DOUBLE hi FROM ${relation}),
    b AS (SELECT ${c}::DOUBLE AS v${extra},
      CASE WHEN r.hi = r.lo THEN 0 ELSE least(${bins - 1}, floor((${c} - r.lo) / (r.hi - r.lo) * ${bins}))::INTEGER END AS bin,
      r.lo, r.hi FROM ${relation}, r WHERE ${c} IS NOT NULL)
    SELECT ${lit(col)} AS feature, bin,
      any_value(lo + (hi - lo) * bin / ${bins}) AS lower, any_value(lo + (hi - lo) * (bin + 1) / ${bins}) AS upper`;
}

/** SQL giving each row's bin of text `col`: its value's frequency rank, past `bins - 1` one last bin. */
function categorySql(relation: string, col: string, bins: number, extra = ""): string {
  const v = `CAST(${ident(col)} AS VARCHAR)`;
  return `WITH f AS (SELECT ${v} AS value, row_number() OVER (ORDER BY count(*) DESC, ${v}) - 1 AS rank
      FROM ${relation} WHERE ${ident(col)} IS NOT NULL GROUP BY 1),
    s AS (SELECT ${v} AS __v${extra} FROM ${relation} WHERE ${ident(col)} IS NOT NULL),
    b AS (SELECT least(f.rank, ${bins - 1})::INTEGER AS bin, CASE WHEN f.rank < ${bins - 1} THEN f.value END AS value,
      s.* EXCLUDE (__v) FROM s JOIN f ON s.__v = f.value)
    SELECT ${lit(col)} AS feature, bin, NULL AS lower, NULL AS upper, any_value(value) AS value`;
}

/** Each column's summary and small distribution (the `statistics` output). */
async function summarize(
  ctx: StepContext,
  input: TableInput,
  columns: Column[],
): Promise<ColumnStatistics[]> {
  const out: ColumnStatistics[] = [];
  for (const col of columns) {
    const c = ident(col.name);
    const numeric = isNumericType(col.type);
    const stats = numeric
      ? `min(${c})::DOUBLE, max(${c})::DOUBLE, avg(${c})::DOUBLE, stddev_samp(${c})::DOUBLE`
      : "NULL, NULL, NULL, NULL";
    const [count, missing, distinct, min, max, mean, stddev] =
      (
        await ctx.conn.runAndReadAll(
          `SELECT count(${c}), count(*) - count(${c}), approx_count_distinct(${c}), ${stats} FROM ${input.relation}`,
        )
      ).getRowsJS()[0] ?? [];
    const summary: ColumnStatistics = {
      feature: col.name,
      type: numeric ? "numeric" : "text",
      count: Number(count),
      missing: Number(missing),
      distinct: Number(distinct),
      min: (min as number | null) ?? null,
      max: (max as number | null) ?? null,
      mean: (mean as number | null) ?? null,
      stddev: (stddev as number | null) ?? null,
    };
    if (numeric && summary.min !== null && summary.max !== null) {
      const rows = await ctx.conn.runAndReadAll(
        `${binnedSql(input.relation, col.name, STATISTICS_SUMMARY_BINS)}, count(*) FROM b GROUP BY bin ORDER BY bin`,
      );
      const counts = new Array<number>(STATISTICS_SUMMARY_BINS).fill(0);
      for (const row of rows.getRowsJS()) counts[Number(row[1])] = Number(row[4]);
      summary.histogram = { lower: summary.min, upper: summary.max, counts };
    } else if (!numeric) {
      const rows = await ctx.conn.runAndReadAll(
        `SELECT CAST(${c} AS VARCHAR), count(*) AS n FROM ${input.relation} WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT ${STATISTICS_SUMMARY_TOP}`,
      );
      summary.top = rows.getRowsJS().map(([value, n]) => ({ value: String(value), count: Number(n) }));
    }
    out.push(summary);
  }
  return out;
}

/** Data View's columns: selectedCols, or every column but the label. */
function dataViewColumns(ctx: Params, input: TableInput) {
  const labelCol = ctx.param("labelCol");
  if (labelCol) requireColumns(input, [labelCol], "labelCol");
  const listed = columnList(ctx.param("selectedCols")).filter((c) => c !== labelCol);
  const columns =
    listed.length > 0
      ? requireColumns(input, listed, "selectedCols")
      : input.columns.filter((c) => c.name !== labelCol);
  if (columns.length === 0) throw new StepError("selectedCols: no column to view");
  return { labelCol, columns };
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
      `CREATE TABLE ${out} AS ${typedSelect(HISTOGRAM_COLUMNS, parts.join(" UNION ALL "))} ORDER BY feature, bin`,
    );
    ctx.valueOutput("statistics", "Metrics", await summarize(ctx, input, columns));
    ctx.log(`histograms of ${columns.map((c) => c.name).join(", ")} in ${bins} bins`);
  },
  schema(ctx) {
    numericColumns(
      ctx.requireInput("inputTable"),
      columnList(ctx.param("selectedColNames")),
      "selectedColNames",
    );
    numberParam(ctx, "intervalNum", 10, { min: 1, max: 10_000, integer: true });
    return { outputTable: tableSchema(HISTOGRAM_COLUMNS), statistics: { kind: "value" } };
  },
};

export const dataView: Component = {
  identifier: "fe_meta_runner",
  description: "Data View: per-column distributions against the label",
  outputs: [
    { name: "outputTable", type: "DataSet" },
    { name: "statistics", type: "Metrics" },
  ],
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const { labelCol, columns } = dataViewColumns(ctx, input);
    const bins = numberParam(ctx, "maxBins", 100, { min: 1, max: 10_000, integer: true });
    const label = labelCol ? `, CAST(${ident(labelCol)} AS VARCHAR) AS label` : ", NULL::VARCHAR AS label";
    const parts = columns.map((c) =>
      isNumericType(c.type)
        ? `(${binnedSql(input.relation, c.name, bins, label)}, NULL AS value, label, count(*) AS count FROM b GROUP BY bin, label)`
        : `(${categorySql(input.relation, c.name, bins, label)}, label, count(*) AS count FROM b GROUP BY bin, label)`,
    );
    const out = ctx.tableOutput("outputTable");
    await ctx.conn.run(
      `CREATE TABLE ${out} AS ${typedSelect(DATA_VIEW_COLUMNS, parts.join(" UNION ALL BY NAME "))} ORDER BY feature, bin, label`,
    );
    const summary = await summarize(ctx, input, columns);
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
        for (const s of summary) s.iv = byFeature.get(s.feature) ?? null;
      }
    }
    ctx.valueOutput("statistics", "Metrics", summary);
    ctx.log(
      `data view of ${columns.map((c) => c.name).join(", ")}${labelCol ? ` against ${labelCol}` : ""} in ${bins} bins`,
    );
  },
  schema(ctx) {
    dataViewColumns(ctx, ctx.requireInput("inputTable"));
    numberParam(ctx, "maxBins", 100, { min: 1, max: 10_000, integer: true });
    return { outputTable: tableSchema(DATA_VIEW_COLUMNS), statistics: { kind: "value" } };
  },
};
