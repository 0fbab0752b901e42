import { describe, expect, it } from "vitest";
import { binnedDistributions, columnSummaries } from "./distributions";

const cols = (...names: string[]) => names.map((name) => ({ name, type: "VARCHAR" }));

describe("binnedDistributions", () => {
  it("reads Histogram's table: one distribution per column, bins in order", () => {
    const d = binnedDistributions({
      columns: cols("feature", "bin", "lower", "upper", "count", "frequency"),
      rows: [
        ["pm10", 1, 50, 100, "3", 0.3],
        ["pm10", 0, 0, 50, "7", 0.7],
        ["pm2", 0, 1.5, 2.25, "10", 1],
      ],
      totalCount: 3,
    });
    expect(d).toEqual([
      {
        feature: "pm10",
        bins: [
          { label: "[0, 50)", count: 7 },
          { label: "[50, 100]", count: 3 },
        ],
      },
      { feature: "pm2", bins: [{ label: "[1.5, 2.25]", count: 10 }] },
    ]);
  });

  it("sums Data View's counts over the label; text bins are named by value, the rest 'other'", () => {
    const d = binnedDistributions({
      columns: cols("feature", "bin", "lower", "upper", "value", "label", "count"),
      rows: [
        ["city", 0, null, null, "Beijing", "0", 4],
        ["city", 0, null, null, "Beijing", "1", 2],
        ["city", 1, null, null, null, "1", 3],
        ["so2", 0, 0.123456, 1, null, "0", 5],
      ],
      totalCount: 4,
    });
    expect(d?.[0]).toEqual({
      feature: "city",
      bins: [
        { label: "Beijing", count: 6 },
        { label: "other", count: 3 },
      ],
    });
    expect(d?.[1]?.bins[0]?.label).toBe("[0.1235, 1]");
  });

  it("is null for other tables", () => {
    expect(
      binnedDistributions({ columns: cols("name", "value"), rows: [["AUC", 1]], totalCount: 1 }),
    ).toBeNull();
  });
});

describe("columnSummaries", () => {
  it("reads the statistics output: numbers, equal-width counts and top values", () => {
    const s = columnSummaries([
      {
        feature: "pm2",
        type: "numeric",
        count: 100,
        missing: 2,
        distinct: 40,
        min: 0,
        max: 10,
        mean: 4.5,
        stddev: 2,
        histogram: { lower: 0, upper: 10, counts: [60, 40] },
        iv: null,
      },
      { feature: "city", type: "text", count: 9, missing: 0, top: [{ value: "Beijing", count: 9 }] },
    ]);
    expect(s).toEqual([
      {
        feature: "pm2",
        type: "numeric",
        count: 100,
        missing: 2,
        distinct: 40,
        min: 0,
        max: 10,
        mean: 4.5,
        stddev: 2,
        distribution: [
          { label: "[0, 5)", count: 60 },
          { label: "[5, 10]", count: 40 },
        ],
      },
      {
        feature: "city",
        type: "text",
        count: 9,
        missing: 0,
        distribution: [{ label: "Beijing", count: 9 }],
      },
    ]);
  });

  it("reads summaries keyed by column, and from JSON text", () => {
    expect(columnSummaries(JSON.stringify({ pm2: { count: 3, mean: 1 } }))).toEqual([
      { feature: "pm2", count: 3, mean: 1 },
    ]);
  });

  it("is null for a value that holds no column summary", () => {
    expect(columnSummaries({ AUC: 0.9 })).toBeNull();
    expect(columnSummaries("not json")).toBeNull();
    expect(columnSummaries([{ feature: "x" }])).toBeNull();
  });
});
