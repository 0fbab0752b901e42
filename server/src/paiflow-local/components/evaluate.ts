/**
 * Binary Classification Evaluation (`evaluate_1`). The positive-class score of a row is read
 * from the detail column's JSON when there is one (detailColName, or a `prediction_detail`
 * column); else, when a `prediction_result` column sits beside the score, as score for a
 * positive result and 1 - score otherwise; else the score column itself.
 * outputMetricTable: one row per metric (AUC, KS, F1, Precision, Recall, Accuracy and the
 * confusion matrix TP/FP/TN/FN at threshold 0.5); outputDetailTable: binCount equal-width
 * thresholds with their confusion counts, precision, recall, TPR and FPR (ROC and PR curves);
 * the `metrics` output holds the same metrics as JSON.
 */
import { type Component, numberParam, requireColumns, StepError } from "../engine/component";
import { ident, lit } from "../engine/sql";

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
    // AUC: over score groups from high to low, each negative counts the positives ranked above it
    // (ties count half). KS: the largest gap between the cumulative TPR and FPR.
    const curve = await ctx.conn.runAndReadAll(`
      WITH g AS (SELECT s, sum(y) AS p, count(*) - sum(y) AS q FROM __eval GROUP BY s),
      c AS (SELECT s, p, q, sum(p) OVER (ORDER BY s DESC) AS cp, sum(q) OVER (ORDER BY s DESC) AS cq FROM g)
      SELECT sum(q * (cp - p) + 0.5 * q * p) / (${pos}::DOUBLE * ${neg}), max(abs(cp / ${pos}::DOUBLE - cq / ${neg}::DOUBLE)) FROM c`);
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
    const metrics = {
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
    await ctx.conn.run(
      `CREATE TABLE ${metricTable} AS SELECT * FROM (VALUES ${Object.entries(metrics)
        .map(([k, v]) => `(${lit(k)}, ${v}::DOUBLE)`)
        .join(", ")}) AS t(name, value)`,
    );
    const detail = ctx.tableOutput("outputDetailTable");
    await ctx.conn.run(`
      CREATE TABLE ${detail} AS
      WITH t AS (SELECT range::DOUBLE / ${bins} AS threshold FROM range(${bins})),
      h AS (SELECT least(${bins - 1}, greatest(0, floor(s * ${bins})))::BIGINT AS b, sum(y) AS p, count(*) - sum(y) AS q FROM __eval GROUP BY b),
      c AS (SELECT t.threshold,
              coalesce((SELECT sum(p) FROM h WHERE h.b >= round(t.threshold * ${bins})), 0) AS tp,
              coalesce((SELECT sum(q) FROM h WHERE h.b >= round(t.threshold * ${bins})), 0) AS fp
            FROM t)
      SELECT threshold, tp::BIGINT AS tp, fp::BIGINT AS fp, (${neg} - fp)::BIGINT AS tn, (${pos} - tp)::BIGINT AS fn,
        CASE WHEN tp + fp = 0 THEN NULL ELSE tp / (tp + fp) END AS precision,
        tp / ${pos}::DOUBLE AS recall, tp / ${pos}::DOUBLE AS tpr, fp / ${neg}::DOUBLE AS fpr
      FROM c ORDER BY threshold`);
    ctx.valueOutput("metrics", "ModelEvaluation", metrics);
    ctx.log(
      `AUC ${auc.toFixed(4)}, KS ${ks.toFixed(4)}, F1 ${f1.toFixed(4)}, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)} over ${n} rows (${pos} positive)`,
    );
  },
};
