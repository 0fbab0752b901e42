/**
 * What the local engine's evaluation and statistics steps put in their outputs, for the result
 * views to draw. Tables are read through the output preview route (PreviewResponse, columns by
 * name); small values arrive in the step outputs route as `outputs[].info.value`.
 *
 * PAI documents the charts its evaluation shows, not its tables' columns: these shapes are the
 * local engine's, and guesses as far as PAI goes. A reader should find columns by name and
 * tolerate others (a cloud run's tables may differ).
 */
import { z } from "zod";

/**
 * Binary Classification Evaluation's `outputDetailTable`: one row per threshold, strictest
 * first; a row counts the rows scored >= threshold as predicted positive. Thresholds are the cut
 * points of `binCount` equal-frequency bins of the scores (each an actual score). `tpr` equals
 * recall, `ks` is tpr - fpr, `depth` is the share of rows predicted positive (the x axis of lift
 * and gain charts), `lift` is precision over the positive rate. The curves' (0, 0) start is
 * implicit; the last row (the lowest score) is the (1, 1) end.
 */
export const EVALUATION_THRESHOLD_COLUMNS = [
  "threshold",
  "tp",
  "fp",
  "tn",
  "fn",
  "precision",
  "recall",
  "f1",
  "accuracy",
  "tpr",
  "fpr",
  "ks",
  "depth",
  "lift",
] as const;

/** The threshold table's count columns (whole numbers); the others are fractions or scores. */
export const EVALUATION_COUNT_COLUMNS: readonly string[] = ["tp", "fp", "tn", "fn"];

/**
 * Binary Classification Evaluation's metrics: the `metrics` output's value, and the rows
 * `(name, value)` of its `outputMetricTable`. AUC and KS are exact (over every distinct score);
 * the confusion matrix and F1, Precision, Recall, Accuracy are at threshold 0.5.
 */
export const EvaluationMetricsSchema = z.object({
  AUC: z.number(),
  KS: z.number(),
  F1: z.number(),
  Precision: z.number(),
  Recall: z.number(),
  Accuracy: z.number(),
  TP: z.number().int(),
  FP: z.number().int(),
  TN: z.number().int(),
  FN: z.number().int(),
  Total: z.number().int(),
  Positive: z.number().int(),
  Negative: z.number().int(),
});
export type EvaluationMetrics = z.infer<typeof EvaluationMetricsSchema>;

/** `outputMetricTable`'s columns. */
export const EVALUATION_METRIC_COLUMNS = ["name", "value"] as const;

/**
 * Histogram's `outputTable`: per numeric column (`feature`), `intervalNum` equal-width bins
 * between its min and max, `bin` from 0, `[lower, upper)` (the last bin includes upper),
 * `count` and `frequency` (count over the column's non-missing rows). Empty bins are absent.
 */
export const HISTOGRAM_COLUMNS = ["feature", "bin", "lower", "upper", "count", "frequency"] as const;

/**
 * Data View's `outputTable`: per column (`feature`), its bins crossed with the label (`label`
 * NULL without one). A numeric column has `maxBins` equal-width bins (`lower`, `upper`; `value`
 * NULL); a text column one bin per value, the `maxBins - 1` most frequent first, the rest in a last
 * bin whose `value` is NULL (`lower`, `upper` NULL).
 */
export const DATA_VIEW_COLUMNS = ["feature", "bin", "lower", "upper", "value", "label", "count"] as const;

/** Bins of a column's small distribution (ColumnStatistics.histogram) and values in its `top`. */
export const STATISTICS_SUMMARY_BINS = 20;
export const STATISTICS_SUMMARY_TOP = 10;

/**
 * One column's summary, with a small distribution to draw beside it: `histogram` (numeric
 * columns with a value: STATISTICS_SUMMARY_BINS equal-width bins from `lower` = min to `upper` =
 * max) or `top` (text columns: the most frequent values, most frequent first). `distinct` is
 * approximate. `iv` (Data View with a binary label only): the column's information value.
 */
export const ColumnStatisticsSchema = z.object({
  feature: z.string(),
  type: z.enum(["numeric", "text"]),
  count: z.number().int(),
  missing: z.number().int(),
  distinct: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  stddev: z.number().nullable(),
  histogram: z.object({ lower: z.number(), upper: z.number(), counts: z.array(z.number().int()) }).optional(),
  top: z.array(z.object({ value: z.string(), count: z.number().int() })).optional(),
  iv: z.number().nullable().optional(),
});
export type ColumnStatistics = z.infer<typeof ColumnStatisticsSchema>;

/** Histogram's and Data View's `statistics` output's value: one entry per column, in the order viewed. */
export const ColumnStatisticsListSchema = z.array(ColumnStatisticsSchema);
