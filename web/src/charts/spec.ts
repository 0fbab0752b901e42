/**
 * What a chart shows, as plain data: the result views build these, ChartFigure draws them (with
 * Chart.js, loaded only then) and lists the same numbers in its "Data" table.
 */
import { safeFileName } from "../io/download";

export interface Axis {
  label: string;
  min?: number;
  max?: number;
}

export interface LinePoint {
  x: number;
  y: number;
  /** Shown in the tooltip: the score threshold a curve point belongs to. */
  threshold?: number;
}

/**
 * `main` and `second` are the curves themselves; `reference` is what chance would draw (dashed,
 * muted); `marker` picks out one place (K-S's widest gap).
 */
export type Tone = "main" | "second" | "reference" | "marker";

interface LineSeries {
  label: string;
  tone: Tone;
  points: LinePoint[];
}

/** The numbers behind a chart, as its "Data" table shows them. */
interface ChartData {
  columns: string[];
  rows: (string | number)[][];
}

interface ChartBase {
  /** The chart's accessible name and title: "ROC curve", "Histogram of pm2". */
  name: string;
  /** One line under the title: "AUC 0.873". */
  summary?: string;
  /** File name of the saved PNG, without extension. */
  fileName: string;
  data: ChartData;
  /** The page's language: the axes' numbers are written its way. */
  locale: string;
}

export interface LineChartSpec extends ChartBase {
  kind: "line";
  x: Axis;
  y: Axis;
  series: LineSeries[];
  /** A point's tooltip, worded in the page's language. */
  tooltip(series: string, x: number, y: number, threshold?: number): string;
}

export interface BarChartSpec extends ChartBase {
  kind: "bar";
  x: Axis;
  y: Axis;
  labels: string[];
  values: number[];
}

export type ChartSpec = LineChartSpec | BarChartSpec;

/** The PNG's file name (without extension) for a chart of one step's output. */
export function chartFileName(...parts: string[]): string {
  return safeFileName(parts.join("-").replace(/\s+/g, "_"), "chart");
}
