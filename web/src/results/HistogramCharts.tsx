/** Histogram outputs: one bar chart per column, from the binned table (see distributions.ts). */
import { useMemo } from "react";
import { ChartFigure } from "../charts/ChartFigure";
import { type ChartSpec, chartFileName } from "../charts/spec";
import type { ColumnDistribution } from "./distributions";
import { type ResultText, useResultText } from "./text";

function histogramSpec(text: ResultText, d: ColumnDistribution, file: string): ChartSpec {
  const rows = d.bins.reduce((n, b) => n + b.count, 0);
  return {
    kind: "bar",
    locale: text.locale,
    name: text.histogram(d.feature),
    summary: text.histogramSummary(rows, d.bins.length),
    fileName: chartFileName(file, d.feature),
    x: { label: d.feature },
    y: { label: text.count, min: 0 },
    labels: d.bins.map((b) => b.label),
    values: d.bins.map((b) => b.count),
    data: { columns: [text.bin, text.count], rows: d.bins.map((b) => [b.label, text.figure(b.count)]) },
  };
}

export function HistogramCharts({ columns, file }: { columns: ColumnDistribution[]; file: string }) {
  const text = useResultText();
  const specs = useMemo(() => columns.map((c) => histogramSpec(text, c, file)), [text, columns, file]);
  return (
    <div className="charts">
      {specs.map((s) => (
        <ChartFigure key={s.name} spec={s} />
      ))}
    </div>
  );
}
