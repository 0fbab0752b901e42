/**
 * Per-column distributions, read from the two places statistics components put them:
 * - a binned table (Histogram's and Data View's `outputTable`): feature, bin, lower, upper,
 *   count, and for Data View a text bin's `value` and the `label` each count belongs to;
 * - the `statistics` output's value: one summary per column (count, missing, distinct, min, max,
 *   mean, stddev, iv) with a small distribution (`histogram: { lower, upper, counts }` for a
 *   numeric column, `top: [{ value, count }]` for a text one).
 */
import type { PreviewResponse } from "@pfd/shared";
import { columnIndex, num, safeJson } from "./table";

export interface Bin {
  /** What the bin holds, in words: `[1, 2)` or a text value. */
  label: string;
  count: number;
}

export interface ColumnDistribution {
  feature: string;
  bins: Bin[];
}

export interface ColumnSummary {
  feature: string;
  type?: string;
  count?: number;
  missing?: number;
  distinct?: number;
  min?: number;
  max?: number;
  mean?: number;
  stddev?: number;
  iv?: number;
  distribution?: Bin[];
}

/** A bin bound, short: 4 significant digits. */
function shortNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(4)));
}

const range = (lower: number, upper: number, last: boolean) =>
  `[${shortNumber(lower)}, ${shortNumber(upper)}${last ? "]" : ")"}`;

/** Each feature's bins of a binned table, counts summed over labels; null when it is not one. */
export function binnedDistributions(preview: PreviewResponse): ColumnDistribution[] | null {
  const fi = columnIndex(preview, "feature", "colname", "column");
  const bi = columnIndex(preview, "bin", "binid");
  const ci = columnIndex(preview, "count", "cnt");
  if (fi < 0 || bi < 0 || ci < 0) return null;
  const li = columnIndex(preview, "lower", "min");
  const ui = columnIndex(preview, "upper", "max");
  const vi = columnIndex(preview, "value");
  const byFeature = new Map<
    string,
    Map<number, { lower?: number; upper?: number; value?: string; count: number }>
  >();
  for (const row of preview.rows) {
    const bin = num(row[bi]);
    const count = num(row[ci]);
    if (bin === undefined || count === undefined) continue;
    const feature = String(row[fi]);
    const bins = byFeature.get(feature) ?? new Map();
    byFeature.set(feature, bins);
    const at = bins.get(bin) ?? {
      lower: li >= 0 ? num(row[li]) : undefined,
      upper: ui >= 0 ? num(row[ui]) : undefined,
      value: vi >= 0 && row[vi] !== null && row[vi] !== undefined ? String(row[vi]) : undefined,
      count: 0,
    };
    at.count += count;
    bins.set(bin, at);
  }
  if (byFeature.size === 0) return null;
  return [...byFeature].map(([feature, bins]) => {
    const sorted = [...bins].sort(([a], [b]) => a - b);
    return {
      feature,
      bins: sorted.map(([n, b], i) => ({
        label:
          b.value ??
          (b.lower !== undefined && b.upper !== undefined
            ? range(b.lower, b.upper, i === sorted.length - 1)
            : // A text column's last bin gathers the values past the most frequent ones.
              b.lower === undefined && vi >= 0
              ? "other"
              : `bin ${n}`),
        count: b.count,
      })),
    };
  });
}

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** The small distribution of one summary: equal-width counts between bounds, or top values. */
function summaryBins(s: Record<string, unknown>): Bin[] | undefined {
  const h = record(s.histogram);
  if (h && Array.isArray(h.counts)) {
    const lower = num(h.lower);
    const upper = num(h.upper);
    const counts = h.counts.map((c) => num(c) ?? 0);
    const step = lower !== undefined && upper !== undefined ? (upper - lower) / counts.length : undefined;
    return counts.map((count, i) => ({
      label:
        step !== undefined && lower !== undefined
          ? range(lower + step * i, lower + step * (i + 1), i === counts.length - 1)
          : `bin ${i}`,
      count,
    }));
  }
  if (Array.isArray(s.top)) {
    return s.top.flatMap((t) => {
      const r = record(t);
      const count = r ? num(r.count) : undefined;
      return r && count !== undefined ? [{ label: String(r.value), count }] : [];
    });
  }
  return undefined;
}

/**
 * The column summaries of a statistics value (an array of per-column records, or an object of
 * them by column name); null when the value holds none.
 */
export function columnSummaries(value: unknown): ColumnSummary[] | null {
  const parsed = typeof value === "string" ? safeJson(value) : value;
  const entries: [string | undefined, unknown][] = Array.isArray(parsed)
    ? parsed.map((v) => [undefined, v])
    : Object.entries(record(parsed) ?? {});
  const out: ColumnSummary[] = [];
  for (const [key, v] of entries) {
    const s = record(v);
    const feature = s && (typeof s.feature === "string" ? s.feature : (s.name ?? s.column ?? key));
    if (!s || typeof feature !== "string") continue;
    const summary: ColumnSummary = { feature };
    if (typeof s.type === "string") summary.type = s.type;
    for (const k of ["count", "missing", "distinct", "min", "max", "mean", "stddev", "iv"] as const) {
      const n = num(s[k]);
      if (n !== undefined) summary[k] = n;
    }
    const bins = summaryBins(s);
    if (bins) summary.distribution = bins;
    // A record with neither numbers nor a distribution is not a column summary.
    if (Object.keys(summary).length > 1) out.push(summary);
  }
  return out.length > 0 ? out : null;
}
