/**
 * Evaluation metrics read out of an evaluation output table, whichever of the two shapes it
 * has: one row with a column per metric (`auc`, `ks`, `f1`, ..., `tp`, `fp`, `tn`, `fn`), or a
 * row per metric (`name`/`metric` and `value` columns), as PAI's evaluate_1 writes it.
 */
import type { PreviewResponse } from "@pfd/shared";
import { normName as norm, num } from "../results/table";

export interface Metrics {
  /** Scores in [0, 1], in display order. */
  scores: { name: string; value: number }[];
  confusion?: { tp: number; fp: number; tn: number; fn: number };
}

const SCORES: [string, string[]][] = [
  ["AUC", ["auc"]],
  ["KS", ["ks"]],
  ["F1", ["f1", "f1score", "f1_score"]],
  ["Precision", ["precision"]],
  ["Recall", ["recall"]],
  ["Accuracy", ["accuracy"]],
];

const CONFUSION: [keyof NonNullable<Metrics["confusion"]>, string[]][] = [
  ["tp", ["tp", "truepositive", "true_positive"]],
  ["fp", ["fp", "falsepositive", "false_positive"]],
  ["tn", ["tn", "truenegative", "true_negative"]],
  ["fn", ["fn", "falsenegative", "false_negative"]],
];

/** Reads the metrics of an evaluation table; null when it holds none of them. */
export function readMetrics(preview: PreviewResponse): Metrics | null {
  const byName = new Map<string, number>();
  const cols = preview.columns.map((c) => norm(c.name));
  const nameCol = cols.findIndex((c) => c === "name" || c === "metric" || c === "metricname" || c === "key");
  const valueCol = cols.findIndex((c) => c === "value" || c === "metricvalue");
  if (nameCol >= 0 && valueCol >= 0) {
    for (const row of preview.rows) {
      const v = num(row[valueCol]);
      if (v !== undefined) byName.set(norm(String(row[nameCol])), v);
    }
  } else {
    const row = preview.rows[0] ?? [];
    cols.forEach((c, i) => {
      const v = num(row[i]);
      if (v !== undefined) byName.set(c, v);
    });
  }
  const pick = (aliases: string[]) => aliases.map((a) => byName.get(norm(a))).find((v) => v !== undefined);
  const scores = SCORES.flatMap(([name, aliases]) => {
    const value = pick(aliases);
    return value === undefined ? [] : [{ name, value }];
  });
  const cells = CONFUSION.map(([key, aliases]) => [key, pick(aliases)] as const);
  const confusion = cells.every(([, v]) => v !== undefined)
    ? (Object.fromEntries(cells) as Metrics["confusion"])
    : undefined;
  if (scores.length === 0 && !confusion) return null;
  return confusion ? { scores, confusion } : { scores };
}
