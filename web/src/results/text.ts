/**
 * Every word the result views show, in one place: chart names (also their accessible names),
 * axes, series and summaries. Kept together so the whole set goes through the i18n library at once.
 */
const f3 = (n: number) => n.toFixed(3);
const pct = (n: number) => `${Math.round(n * 100)}%`;

export const text = {
  roc: "ROC curve",
  pr: "Precision-recall curve",
  ks: "K-S curve",
  lift: "Lift chart",
  histogram: (column: string) => `Histogram of ${column}`,
  aucSummary: (auc: number) => `AUC ${f3(auc)}`,
  prSummary: (rate: number) => `${pct(rate)} of rows are positive`,
  ksSummary: (ks: number, threshold: number) => `KS ${f3(ks)} at threshold ${f3(threshold)}`,
  liftSummary: (lift: number, depth: number) => `Lift ${lift.toFixed(2)} in the top ${pct(depth)}`,
  histogramSummary: (rows: number, bins: number) => `${rows} rows in ${bins} bins`,
  threshold: "Threshold",
  fpr: "False positive rate",
  tpr: "True positive rate",
  recall: "Recall",
  precision: "Precision",
  depth: "Share of rows predicted positive",
  rate: "Rate",
  lift_: "Lift",
  ksGap: "KS",
  chance: "Chance",
  baseline: "Baseline",
  random: "Random",
  bin: "Bin",
  count: "Count",
  columnsTable: (output: string) => `Columns of ${output}`,
  column: "Column",
  type: "Type",
  missing: "Missing",
  distinct: "Distinct",
  min: "Min",
  max: "Max",
  mean: "Mean",
  stddev: "Std dev",
  iv: "IV",
  distribution: "Distribution",
  distributionOf: (column: string, bins: number) => `Distribution of ${column} in ${bins} bins`,
  rows: (count: number, output: string) => `${count} rows of ${output}`,
  partial: (shown: number, total: number) =>
    `Drawn from the first ${shown} of ${total} rows: the last columns may be partial.`,
};
