/**
 * Binary Classification Evaluation (`evaluate_1`). The positive-class score of a row is read
 * from the detail column's JSON when there is one (detailColName, or a `prediction_detail`
 * column); else, when a `prediction_result` column sits beside the score, as score for a
 * positive result and 1 - score otherwise; else the score column itself.
 *
 * Outputs, in the shapes of shared/src/api/results.ts (PAI documents what its evaluation shows,
 * not its tables' columns; the shapes are guesses, kept there in one place):
 * - outputMetricTable `(name, value)` and `metrics` (ModelEvaluation, the same as JSON):
 *   EvaluationMetrics. AUC and KS are exact (over every distinct score), not binned.
 * - outputDetailTable, the threshold table the ROC, precision-recall, K-S, lift and gain charts
 *   are drawn from (EVALUATION_THRESHOLD_COLUMNS): the cut points of binCount equal-frequency
 *   bins of the scores (PAI: "number of bins for equal frequency binning"), so at most binCount
 *   rows, strictest first.
 */
import {
  EVALUATION_COUNT_COLUMNS,
  EVALUATION_METRIC_COLUMNS,
  EVALUATION_THRESHOLD_COLUMNS,
  type EvaluationMetrics,
} from "@pfd/shared";
import {
  type Component,
  numberParam,
  type Params,
  requireColumns,
  StepError,
  type TableInput,
  tableSchema,
} from "../engine/component";
import { type Column, ident, lit, typedSelect } from "../engine/sql";

const METRIC_TYPES: Record<(typeof EVALUATION_METRIC_COLUMNS)[number], string> = {
  name: "VARCHAR",
  value: "DOUBLE",
};
const METRIC_COLUMNS: Column[] = EVALUATION_METRIC_COLUMNS.map((name) => ({
  name,
  type: METRIC_TYPES[name],
}));

const DETAIL_COLUMNS: Column[] = EVALUATION_THRESHOLD_COLUMNS.map((name) => ({
  name,
  type: EVALUATION_COUNT_COLUMNS.includes(name) ? "BIGINT" : "DOUBLE",
}));

/** The score and label expressions, from the parameters and the input's columns. */
function scoring(ctx: Params, input: TableInput) {
  const label = ctx.param("labelColName");
  if (!label) throw new StepError("parameter labelColName is required");
  const scoreCol = ctx.param("scoreColName") ?? "prediction_score";
  requireColumns(input, [label, scoreCol], "labelColName/scoreColName");
  const positive = ctx.param("positiveLabel") ?? "1";
  const bins = numberParam(ctx, "binCount", 1000, { min: 1, max: 100_000, integer: true });
  const has = (c: string) => input.columns.some((x) => x.name === c);
  const detailCol =
    ctx.param("detailColName") ?? (has("prediction_detail") ? "prediction_detail" : undefined);
  if (detailCol) requireColumns(input, [detailCol], "detailColName");
  const score = detailCol
    ? `TRY_CAST(json_extract_string(${ident(detailCol)}, ${lit(`$."${positive.replace(/"/g, '\\"')}"`)}) AS DOUBLE)`
    : has("prediction_result") && scoreCol !== "prediction_result"
      ? `CASE WHEN CAST("prediction_result" AS VARCHAR) = ${lit(positive)} THEN ${ident(scoreCol)}::DOUBLE ELSE 1 - ${ident(scoreCol)}::DOUBLE END`
      : `TRY_CAST(${ident(scoreCol)} AS DOUBLE)`;
  return { label, positive, bins, score };
}

export const evaluate: Component = {
  identifier: "evaluate_1",
  description: "Binary Classification Evaluation: AUC, KS, F1, precision, recall, confusion matrix",
  outputs: [
    { name: "outputMetricTable", type: "DataSet" },
    { name: "outputDetailTable", type: "DataSet" },
    { name: "metrics", type: "ModelEvaluation" },
  ],
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const { label, positive, bins, score } = scoring(ctx, input);
    const base = `SELECT (CAST(${ident(label)} AS VARCHAR) = ${lit(positive)})::INTEGER AS y, ${score} AS s FROM ${input.relation} WHERE ${ident(label)} IS NOT NULL`;
    await ctx.conn.run(`CREATE TEMP TABLE __eval AS SELECT * FROM (${base}) WHERE s IS NOT NULL`);
    const totals = (
      await ctx.conn.runAndReadAll("SELECT count(*), coalesce(sum(y), 0) FROM __eval")
    ).getRowsJS()[0] ?? [0, 0];
    const n = Number(totals[0]);
    const pos = Number(totals[1]);
    if (n === 0) throw new StepError(`no row with both ${label} and a score`);
    if (pos === 0 || pos === n)
      throw new StepError(
        `${label} has ${pos === 0 ? "no" : "only"} positive rows (positiveLabel ${positive}); AUC needs both classes`,
      );
    const neg = n - pos;
    // Per distinct score, from high to low: the positives and negatives scored at least that.
    await ctx.conn.run(`CREATE TEMP TABLE __curve AS
      WITH g AS (SELECT s, sum(y) AS p, count(*) - sum(y) AS q FROM __eval GROUP BY s)
      SELECT s, p, q, sum(p) OVER w AS tp, sum(q) OVER w AS fp FROM g WINDOW w AS (ORDER BY s DESC)`);
    // AUC: each negative counts the positives ranked above it (ties count half). KS: the largest
    // gap between the cumulative TPR and FPR.
    const curve = await ctx.conn.runAndReadAll(
      `SELECT sum(q * (tp - p) + 0.5 * q * p) / (${pos}::DOUBLE * ${neg}), max(abs(tp / ${pos}::DOUBLE - fp / ${neg}::DOUBLE)) FROM __curve`,
    );
    const [auc, ks] = (curve.getRowsJS()[0] ?? []).map(Number) as [number, number];
    const cm = (
      await ctx.conn.runAndReadAll(
        `SELECT count(*) FILTER (y = 1 AND s >= 0.5), count(*) FILTER (y = 0 AND s >= 0.5), count(*) FILTER (y = 0 AND s < 0.5), count(*) FILTER (y = 1 AND s < 0.5) FROM __eval`,
      )
    )
      .getRowsJS()[0]
      ?.map(Number) ?? [0, 0, 0, 0];
    const [tp = 0, fp = 0, tn = 0, fn = 0] = cm;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const metrics: EvaluationMetrics = {
      AUC: auc,
      KS: ks,
      F1: f1,
      Precision: precision,
      Recall: recall,
      Accuracy: (tp + tn) / n,
      TP: tp,
      FP: fp,
      TN: tn,
      FN: fn,
      Total: n,
      Positive: pos,
      Negative: neg,
    };
    const metricTable = ctx.tableOutput("outputMetricTable");
    const rows = Object.entries(metrics)
      .map(([k, v]) => `(${lit(k)}, ${v})`)
      .join(", ");
    await ctx.conn.run(
      `CREATE TABLE ${metricTable} AS ${typedSelect(METRIC_COLUMNS, `SELECT * FROM (VALUES ${rows}) AS t(name, value)`)}`,
    );
    const detail = ctx.tableOutput("outputDetailTable");
    await ctx.conn.run(
      `CREATE TABLE ${detail} AS ${typedSelect(
        DETAIL_COLUMNS,
        `WITH cut AS (SELECT DISTINCT min(s) AS s FROM (SELECT s, ntile(${bins}) OVER (ORDER BY s DESC) AS b FROM __eval) GROUP BY b),
      c AS (SELECT s AS threshold, tp, fp, ${neg} - fp AS tn, ${pos} - tp AS fn,
        tp / (tp + fp)::DOUBLE AS precision, tp / ${pos}::DOUBLE AS recall, fp / ${neg}::DOUBLE AS fpr
        FROM __curve SEMI JOIN cut USING (s))
      SELECT threshold, tp, fp, tn, fn, precision, recall,
        CASE WHEN precision + recall = 0 THEN 0 ELSE 2 * precision * recall / (precision + recall) END AS f1,
        (tp + tn) / ${n}::DOUBLE AS accuracy, recall AS tpr, fpr, recall - fpr AS ks,
        (tp + fp) / ${n}::DOUBLE AS depth, precision / (${pos} / ${n}::DOUBLE) AS lift
      FROM c`,
      )} ORDER BY threshold DESC`,
    );
    ctx.valueOutput("metrics", "ModelEvaluation", metrics);
    ctx.log(
      `AUC ${auc.toFixed(4)}, KS ${ks.toFixed(4)}, F1 ${f1.toFixed(4)}, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)} over ${n} rows (${pos} positive)`,
    );
  },
  schema(ctx) {
    scoring(ctx, ctx.requireInput("inputTable"));
    return {
      outputMetricTable: tableSchema(METRIC_COLUMNS),
      outputDetailTable: tableSchema(DETAIL_COLUMNS),
      metrics: { kind: "value" },
    };
  },
};
