/**
 * The curves of a binary classification evaluation, from its threshold table: one row per
 * threshold with the confusion counts of "predicted positive when scored >= threshold" (the
 * engine's `outputDetailTable`: threshold, tp, fp, tn, fn, and more columns derived from these).
 * Everything drawn is derived here from the four counts, so a table with only those columns (the
 * older equal-width one, or PAI's) draws the same curves as one that also carries precision, lift
 * or ks, and the rows may come in either order.
 */
import type { PreviewResponse } from "@pfd/shared";
import { columnIndex, num } from "./table";

interface CurvePoint {
  x: number;
  y: number;
  /** The score threshold the point belongs to; none for the curve's implicit (0, 0) start. */
  threshold?: number;
}

export interface EvaluationCurves {
  positives: number;
  negatives: number;
  /** ROC: false positive rate -> true positive rate, from (0, 0) to (1, 1). */
  roc: CurvePoint[];
  /** Area under `roc` (trapezoids). */
  auc: number;
  /** Precision-recall: recall -> precision, for thresholds that predict at least one positive. */
  pr: CurvePoint[];
  /** K-S: the share of rows predicted positive (depth) -> TPR and -> FPR, from (0, 0). */
  ks: { tpr: CurvePoint[]; fpr: CurvePoint[]; max: KsMax };
  /** Lift: depth -> precision over the positive rate. */
  lift: CurvePoint[];
}

/** The widest gap between TPR and FPR (the KS statistic), and where it is. */
interface KsMax {
  value: number;
  depth: number;
  threshold: number;
  tpr: number;
  fpr: number;
}

interface Row {
  threshold: number;
  tp: number;
  fp: number;
}

/**
 * The curves of an evaluation threshold table; null when the table is not one (no threshold,
 * tp, fp, tn and fn columns) or holds a single class (no curve to draw).
 */
export function evaluationCurves(preview: PreviewResponse): EvaluationCurves | null {
  const cols = ["threshold", "tp", "fp", "tn", "fn"].map((c) => columnIndex(preview, c));
  if (cols.some((i) => i < 0)) return null;
  const [ti, tpi, fpi, tni, fni] = cols as [number, number, number, number, number];
  const rows: Row[] = [];
  let positives = 0;
  let negatives = 0;
  for (const r of preview.rows) {
    const [threshold, tp, fp, tn, fn] = [r[ti], r[tpi], r[fpi], r[tni], r[fni]].map(num);
    if ([threshold, tp, fp, tn, fn].some((v) => v === undefined)) continue;
    rows.push({ threshold: threshold as number, tp: tp as number, fp: fp as number });
    // Every row counts the same rows: its tp + fn and fp + tn are the two classes' sizes.
    positives = Math.max(positives, (tp as number) + (fn as number));
    negatives = Math.max(negatives, (fp as number) + (tn as number));
  }
  if (rows.length === 0 || positives === 0 || negatives === 0) return null;
  const total = positives + negatives;
  const rate = positives / total;
  // Strictest threshold first: the curves run from nothing predicted positive to everything.
  rows.sort((a, b) => b.threshold - a.threshold);

  const roc: CurvePoint[] = [{ x: 0, y: 0 }];
  const pr: CurvePoint[] = [];
  const tpr: CurvePoint[] = [{ x: 0, y: 0 }];
  const fpr: CurvePoint[] = [{ x: 0, y: 0 }];
  const lift: CurvePoint[] = [];
  let max: KsMax = { value: 0, depth: 0, threshold: rows[0]?.threshold ?? 0, tpr: 0, fpr: 0 };
  let last = { tp: 0, fp: 0 };
  for (const { threshold, tp, fp } of rows) {
    // Empty bins of an equal-width table repeat the row before them: one point is enough.
    if (tp === last.tp && fp === last.fp) continue;
    last = { tp, fp };
    const t = tp / positives;
    const f = fp / negatives;
    const depth = (tp + fp) / total;
    roc.push({ x: f, y: t, threshold });
    tpr.push({ x: depth, y: t, threshold });
    fpr.push({ x: depth, y: f, threshold });
    if (tp + fp > 0) {
      const precision = tp / (tp + fp);
      pr.push({ x: t, y: precision, threshold });
      lift.push({ x: depth, y: precision / rate, threshold });
    }
    if (t - f > max.value) max = { value: t - f, depth, threshold, tpr: t, fpr: f };
  }
  // A table cut before the lowest score still ends where predicting everything positive would.
  const end = roc[roc.length - 1];
  if (end && (end.x < 1 || end.y < 1)) roc.push({ x: 1, y: 1 });
  let auc = 0;
  for (let i = 1; i < roc.length; i++) {
    const a = roc[i - 1] as CurvePoint;
    const b = roc[i] as CurvePoint;
    auc += ((b.x - a.x) * (a.y + b.y)) / 2;
  }
  return { positives, negatives, roc, auc, pr, ks: { tpr, fpr, max }, lift };
}
