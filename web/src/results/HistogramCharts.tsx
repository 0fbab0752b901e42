/** Histogram outputs: one bar chart per column, from the binned table (see distributions.ts). */
import { useMemo } from "react";
import { ChartFigure } from "../charts/ChartFigure";
import { type ChartSpec, chartFileName } from "../charts/spec";
import type { ColumnDistribution } from "./distributions";
import { text } from "./text";

function histogramSpec(d: ColumnDistribution, file: string): ChartSpec {
  const rows = d.bins.reduce((n, b) => n + b.count, 0);
  return {
    kind: "bar",
    name: text.histogram(d.feature),
    summary: text.histogramSummary(rows, d.bins.length),
    fileName: chartFileName(file, d.feature),
    x: { label: d.feature },
    y: { label: text.count, min: 0 },
    labels: d.bins.map((b) => b.label),
    values: d.bins.map((b) => b.count),
    data: { columns: [text.bin, text.count], rows: d.bins.map((b) => [b.label, b.count]) },
  };
}

export function HistogramCharts({ columns, file }: { columns: ColumnDistribution[]; file: string }) {
  const specs = useMemo(() => columns.map((c) => histogramSpec(c, file)), [columns, file]);
  return (
    <div className="charts">
      {specs.map((s) => (
        <ChartFigure key={s.name} spec={s} />
      ))}
    </div>
  );
}
