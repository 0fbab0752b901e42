/**
 * Every word and number the result views show, worded in the page's language: chart names (also
 * their accessible names), axes, series, summaries and the figures in them. Built once per
 * language (useResultText), so the chart specs that read it are plain data.
 */
import { useMemo } from "react";
import { type Formats, type Translator, useFormats, useT } from "../i18n";

export function resultText(t: Translator, f: Formats) {
  const fixed = (n: number, digits: number) =>
    f.number(n, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pct = (n: number) => f.number(n, { style: "percent", maximumFractionDigits: 0 });
  return {
    roc: t("result.roc"),
    pr: t("result.pr"),
    ks: t("result.ks"),
    lift: t("result.lift"),
    histogram: (column: string) => t("result.histogram", { column }),
    aucSummary: (auc: number) => t("result.aucSummary", { auc: fixed(auc, 3) }),
    prSummary: (rate: number) => t("result.prSummary", { rate: pct(rate) }),
    ksSummary: (ks: number, threshold: number) =>
      t("result.ksSummary", { ks: fixed(ks, 3), threshold: fixed(threshold, 3) }),
    liftSummary: (lift: number, depth: number) =>
      t("result.liftSummary", { lift: fixed(lift, 2), depth: pct(depth) }),
    histogramSummary: (rows: number, bins: number) => t("result.histogramSummary", { rows, bins }),
    threshold: t("result.threshold"),
    fpr: t("result.fpr"),
    tpr: t("result.tpr"),
    recall: t("result.recall"),
    precision: t("result.precision"),
    depth: t("result.depth"),
    rate: t("result.rate"),
    lift_: t("result.liftAxis"),
    ksGap: t("result.ksGap"),
    chance: t("result.chance"),
    baseline: t("result.baseline"),
    random: t("result.random"),
    bin: t("result.bin"),
    count: t("result.count"),
    columnsTable: (output: string) => t("result.columnsOf", { output }),
    column: t("result.column"),
    type: t("result.type"),
    missing: t("result.missing"),
    distinct: t("result.distinct"),
    min: t("result.min"),
    max: t("result.max"),
    mean: t("result.mean"),
    stddev: t("result.stddev"),
    iv: t("result.iv"),
    distribution: t("result.distribution"),
    distributionOf: (column: string, bins: number) => t("result.distributionOf", { column, bins }),
    binCount: (bin: string, count: number) => t("result.binCount", { bin, count }),
    metricsOf: (output: string) => t("outputs.metricsOf", { output }),
    previewOf: (output: string) => t("outputs.previewOf", { output }),
    rows: (count: number, output: string) => t("result.rows", { count, output }),
    partial: (shown: number, total: number) => t("result.partial", { shown, total }),
    /** A curve point's tooltip: its value, where, and at which score threshold. */
    point: (series: string, x: number, y: number, threshold?: number) =>
      t("result.point", {
        series,
        x: fixed(x, 3),
        y: fixed(y, 3),
        threshold: threshold === undefined ? "" : fixed(threshold, 3),
        at: threshold === undefined ? "none" : "threshold",
      }),
    /** A figure of a Data table or a column table: grouped, at most four decimals. */
    figure: (n: number) => f.number(n, { maximumFractionDigits: 4 }),
    locale: t.locale,
  };
}

export type ResultText = ReturnType<typeof resultText>;

/** The result views' words in the page's current language. */
export function useResultText(): ResultText {
  const t = useT();
  const f = useFormats();
  return useMemo(() => resultText(t, f), [t, f]);
}
