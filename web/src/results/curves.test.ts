import type { PreviewResponse } from "@pfd/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluationCurves } from "./curves";

type Scored = { score: number; positive: boolean }[];

/** The threshold table of scored rows at these thresholds, with the engine's columns or only the counts. */
function table(rows: Scored, thresholds: number[], full = true): PreviewResponse {
  const pos = rows.filter((r) => r.positive).length;
  const neg = rows.length - pos;
  const counts = thresholds.map((t) => {
    const tp = rows.filter((r) => r.positive && r.score >= t).length;
    const fp = rows.filter((r) => !r.positive && r.score >= t).length;
    return [t, tp, fp, neg - fp, pos - tp];
  });
  const base = ["threshold", "tp", "fp", "tn", "fn"];
  if (!full)
    return {
      columns: base.map((name) => ({ name, type: "DOUBLE" })),
      rows: counts,
      totalCount: counts.length,
    };
  // The engine's table: BIGINT counts come through JSON as strings, and derived columns follow.
  return {
    columns: [...base, "precision", "recall", "lift"].map((name) => ({ name, type: "DOUBLE" })),
    rows: counts.map(([t, tp, fp, tn, fn]) => [t, String(tp), String(fp), String(tn), String(fn), 0, 0, 0]),
    totalCount: counts.length,
  };
}

/** AUC by its definition: the chance a positive outscores a negative, ties counting half. */
function pairwiseAuc(rows: Scored): number {
  const pos = rows.filter((r) => r.positive);
  const neg = rows.filter((r) => !r.positive);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

const scored: Scored = [
  { score: 0.9, positive: true },
  { score: 0.8, positive: true },
  { score: 0.7, positive: false },
  { score: 0.6, positive: true },
  { score: 0.4, positive: false },
  { score: 0.3, positive: false },
  { score: 0.2, positive: true },
  { score: 0.1, positive: false },
];
const distinct = (rows: Scored) => [...new Set(rows.map((r) => r.score))];

describe("evaluationCurves", () => {
  it("draws ROC from (0, 0) to (1, 1) with the AUC of its definition", () => {
    const c = evaluationCurves(table(scored, distinct(scored)));
    expect(c).not.toBeNull();
    if (!c) return;
    expect(c.roc[0]).toEqual({ x: 0, y: 0 });
    expect(c.roc.at(-1)).toMatchObject({ x: 1, y: 1 });
    expect(c.auc).toBeCloseTo(pairwiseAuc(scored), 12);
    expect(c.auc).toBeCloseTo(0.75, 12);
    expect(c.positives).toBe(4);
    expect(c.negatives).toBe(4);
  });

  it("reads the rows in either order and with only the four counts", () => {
    const thresholds = distinct(scored);
    const full = evaluationCurves(table(scored, thresholds));
    const ascending = evaluationCurves(table(scored, [...thresholds].reverse(), false));
    expect(ascending).toEqual(full);
  });

  it("gives precision-recall, K-S and lift at each threshold", () => {
    const c = evaluationCurves(table(scored, distinct(scored)));
    if (!c) throw new Error("no curves");
    // Scored >= 0.8: two positives, nothing else.
    expect(c.pr[1]).toEqual({ x: 0.5, y: 1, threshold: 0.8 });
    // Half the positive rate's rows hold every positive so far: lift 2 at depth 0.25.
    expect(c.lift[1]).toEqual({ x: 0.25, y: 2, threshold: 0.8 });
    // The widest TPR - FPR gap, 0.5, first reached at 0.8 (0.5 - 0), again at 0.6 (0.75 - 0.25).
    expect(c.ks.max).toEqual({ value: 0.5, depth: 0.25, threshold: 0.8, tpr: 0.5, fpr: 0 });
    expect(c.ks.tpr.at(-1)).toMatchObject({ x: 1, y: 1 });
    expect(c.ks.fpr.at(-1)).toMatchObject({ x: 1, y: 1 });
  });

  it("draws one point for equal-width bins that hold no score", () => {
    const thresholds = Array.from({ length: 100 }, (_, i) => i / 100);
    const c = evaluationCurves(table(scored, thresholds, false));
    if (!c) throw new Error("no curves");
    // 8 distinct scores: the start plus one point per score.
    expect(c.roc).toHaveLength(9);
    expect(c.auc).toBeCloseTo(0.75, 12);
  });

  it("closes a table cut before the lowest score at (1, 1)", () => {
    const c = evaluationCurves(table(scored, [0.9, 0.7, 0.5]));
    expect(c?.roc.at(-1)).toEqual({ x: 1, y: 1 });
  });

  it("is null for a table that is not a threshold table, or holds one class", () => {
    expect(
      evaluationCurves({ columns: [{ name: "name", type: "VARCHAR" }], rows: [["AUC"]], totalCount: 1 }),
    ).toBeNull();
    const positives = scored.map((r) => ({ ...r, positive: true }));
    expect(evaluationCurves(table(positives, distinct(positives)))).toBeNull();
  });

  it("agrees with the pairwise AUC on any scores with both classes", () => {
    const row = fc.record({
      score: fc.integer({ min: 0, max: 20 }).map((n) => n / 20),
      positive: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc
          .array(row, { minLength: 2, maxLength: 40 })
          .filter((rs) => new Set(rs.map((r) => r.positive)).size === 2),
        (rows) => {
          const c = evaluationCurves(table(rows, distinct(rows)));
          expect(c?.auc).toBeCloseTo(pairwiseAuc(rows), 9);
        },
      ),
    );
  });
});
