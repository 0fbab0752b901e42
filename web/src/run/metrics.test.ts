import { describe, expect, it } from "vitest";
import { readMetrics } from "./metrics";

describe("readMetrics", () => {
  it("reads a row per metric", () => {
    const m = readMetrics({
      columns: [
        { name: "name", type: "VARCHAR" },
        { name: "value", type: "DOUBLE" },
      ],
      rows: [
        ["auc", 0.91],
        ["ks", "0.62"],
        ["F1", 0.8],
        ["tp", 40],
        ["fp", 10],
        ["tn", 45],
        ["fn", 5],
        ["comment", "n/a"],
      ],
      totalCount: 8,
    });
    expect(m).toEqual({
      scores: [
        { name: "AUC", value: 0.91 },
        { name: "KS", value: 0.62 },
        { name: "F1", value: 0.8 },
      ],
      confusion: { tp: 40, fp: 10, tn: 45, fn: 5 },
    });
  });

  it("reads one row with a column per metric", () => {
    const m = readMetrics({
      columns: ["AUC", "precision", "recall", "true_positive"].map((name) => ({ name, type: "DOUBLE" })),
      rows: [[0.7, 0.5, 0.25, 3]],
      totalCount: 1,
    });
    expect(m?.scores.map((s) => s.name)).toEqual(["AUC", "Precision", "Recall"]);
    expect(m?.confusion).toBeUndefined();
  });

  it("is null for an ordinary table", () => {
    expect(
      readMetrics({ columns: [{ name: "pm2", type: "DOUBLE" }], rows: [[12.5]], totalCount: 1 }),
    ).toBeNull();
  });
});
