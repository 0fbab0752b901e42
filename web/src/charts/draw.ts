/**
 * Draws a ChartSpec with Chart.js. Only ChartFigure imports this module, with `import()`, so
 * Chart.js is fetched the first time a chart is shown and never weighs on the first paint.
 * Only the parts the charts use are registered (lines, bars, linear and category scales,
 * tooltip, legend): Chart.js tree-shakes the rest away.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
  type TooltipItem,
} from "chart.js";
import type { Axis, BarChartSpec, ChartSpec, LineChartSpec, LinePoint, Tone } from "./spec";

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  LinearScale,
  CategoryScale,
  Tooltip,
  Legend,
);

/** The theme's colours, read from the page's CSS variables when a chart is drawn. */
interface Palette {
  background: string;
  text: string;
  muted: string;
  grid: string;
  main: string;
  second: string;
  marker: string;
  font: string;
}

function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v("--panel", "#ffffff"),
    text: v("--text", "#1c2430"),
    muted: v("--text-3", "#8a94a3"),
    grid: v("--border", "#e2e6ec"),
    main: v("--accent", "#3b6cf6"),
    second: v("--warn", "#b86e00"),
    marker: v("--danger", "#d92d3b"),
    font: v("--font", "system-ui, sans-serif"),
  };
}

/** Paints the panel colour under the chart, so a saved PNG reads like the screen. */
const background: Plugin = {
  id: "pfdBackground",
  beforeDraw(chart, _args, options: { color?: string }) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = options.color ?? "#fff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function scale(axis: Axis, p: Palette, type: "linear" | "category") {
  return {
    type,
    ...(axis.min !== undefined ? { min: axis.min } : {}),
    ...(axis.max !== undefined ? { max: axis.max } : {}),
    title: { display: true, text: axis.label, color: p.muted },
    ticks: { color: p.muted, maxRotation: 0, autoSkipPadding: 8 },
    grid: { color: p.grid },
    border: { color: p.grid },
  };
}

function toneStyle(tone: Tone, p: Palette) {
  switch (tone) {
    case "main":
      return { borderColor: p.main, backgroundColor: p.main, borderWidth: 2 };
    case "second":
      return { borderColor: p.second, backgroundColor: p.second, borderWidth: 2 };
    case "reference":
      return { borderColor: p.muted, backgroundColor: p.muted, borderWidth: 1, borderDash: [4, 4] };
    case "marker":
      return { borderColor: p.marker, backgroundColor: p.marker, borderWidth: 2, borderDash: [2, 2] };
  }
}

const common = (spec: ChartSpec, p: Palette) => ({
  animation: false as const,
  locale: spec.locale,
  responsive: true,
  maintainAspectRatio: false,
  color: p.text,
  font: { family: p.font },
});

function barConfig(spec: BarChartSpec, p: Palette): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: spec.labels,
      datasets: [{ label: spec.y.label, data: spec.values, backgroundColor: p.main, borderRadius: 2 }],
    },
    options: {
      ...common(spec, p),
      scales: { x: scale(spec.x, p, "category"), y: scale(spec.y, p, "linear") },
      plugins: {
        legend: { display: false },
        // @ts-expect-error: the background plugin's own options
        pfdBackground: { color: p.background },
      },
    },
    plugins: [background],
  };
}

function lineConfig(spec: LineChartSpec, p: Palette): ChartConfiguration<"line", LinePoint[]> {
  return {
    type: "line",
    data: {
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.points,
        pointRadius: 0,
        pointHitRadius: 6,
        tension: 0,
        ...toneStyle(s.tone, p),
      })),
    },
    options: {
      ...common(spec, p),
      interaction: { mode: "nearest", intersect: false },
      scales: { x: scale(spec.x, p, "linear"), y: scale(spec.y, p, "linear") },
      plugins: {
        legend: {
          display: spec.series.length > 1,
          position: "bottom",
          labels: { color: p.text, boxWidth: 14, boxHeight: 2 },
        },
        tooltip: {
          callbacks: {
            label(item: TooltipItem<"line">) {
              const point = item.raw as LinePoint;
              return spec.tooltip(item.dataset.label ?? "", point.x, point.y, point.threshold);
            },
          },
        },
        // @ts-expect-error: the background plugin's own options
        pfdBackground: { color: p.background },
      },
    },
    plugins: [background],
  };
}

/** Draws `spec` on `canvas` in the page's current colours; destroy the chart to redraw. */
export function drawChart(
  canvas: HTMLCanvasElement,
  spec: ChartSpec,
): Chart<"bar"> | Chart<"line", LinePoint[]> {
  const p = readPalette(canvas);
  return spec.kind === "bar" ? new Chart(canvas, barConfig(spec, p)) : new Chart(canvas, lineConfig(spec, p));
}
