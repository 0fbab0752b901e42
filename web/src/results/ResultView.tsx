/**
 * An output drawn as what it is, recognised by its content: an evaluation's threshold table as its
 * curves, a binned table as one histogram per column (Histogram) or a column table (Data View), a
 * statistics value as a column table, evaluation metrics as scores and a confusion matrix.
 */
import type { PreviewResponse } from "@pfd/shared";
import { type ReactNode, useMemo } from "react";
import { MetricsChart } from "../run/MetricsChart";
import { readMetrics } from "../run/metrics";
import { TablePreview } from "../run/TablePreview";
import { ColumnTable } from "./ColumnTable";
import { evaluationCurves } from "./curves";
import { binnedDistributions, columnSummaries } from "./distributions";
import { EvaluationCharts } from "./EvaluationCharts";
import { HistogramCharts } from "./HistogramCharts";
import { type ResultText, useResultText } from "./text";

interface TableResultProps {
  preview: PreviewResponse;
  output: string;
  /** Base of saved PNG names: the step's name. */
  file: string;
  /** The evaluation's own AUC, when one of the step's outputs reports it. */
  auc?: number;
}

/** What a table output is drawn as, or null for a plain table. */
function drawTable(text: ResultText, { preview, output, file, auc }: TableResultProps): ReactNode {
  const curves = evaluationCurves(preview);
  if (curves) return <EvaluationCharts curves={curves} file={`${file}-${output}`} auc={auc} />;
  const bins = binnedDistributions(preview);
  if (bins) {
    const partial =
      preview.totalCount > preview.rows.length ? (
        <p className="result-note">{text.partial(preview.rows.length, preview.totalCount)}</p>
      ) : null;
    // Data View's table carries a label (and a text column's values): a row per column reads
    // better than a chart per column there.
    const dataView = preview.columns.some((c) => /^(label|value)$/i.test(c.name));
    return (
      <>
        {partial}
        {dataView ? (
          <ColumnTable
            columns={bins.map((b) => ({ feature: b.feature, distribution: b.bins }))}
            label={text.columnsTable(output)}
          />
        ) : (
          <HistogramCharts columns={bins} file={`${file}-${output}`} />
        )}
      </>
    );
  }
  const metrics = readMetrics(preview);
  if (metrics) return <MetricsChart metrics={metrics} label={text.metricsOf(output)} />;
  return null;
}

/** A table output: its drawing when it has one (the rows folded away under it), else the rows. */
export function TableResult({ preview, output, file, auc }: TableResultProps) {
  const text = useResultText();
  const drawn = useMemo(
    () => drawTable(text, { preview, output, file, auc }),
    [text, preview, output, file, auc],
  );
  const table = <TablePreview preview={preview} label={text.previewOf(output)} />;
  if (!drawn) return table;
  return (
    <>
      {drawn}
      <details className="result-rows">
        <summary>{text.rows(preview.totalCount, output)}</summary>
        {table}
      </details>
    </>
  );
}

/**
 * A value output (statistics, evaluation metrics) drawn from its value; null when it is neither.
 * `metrics: false` leaves evaluation metrics out where a metric table beside them draws the same.
 */
export function ValueResult({
  value,
  output,
  metrics: drawMetrics,
}: {
  value: unknown;
  output: string;
  metrics: boolean;
}) {
  const text = useResultText();
  const summaries = useMemo(() => columnSummaries(value), [value]);
  const metrics = useMemo(
    () => (summaries || !drawMetrics ? null : metricsOfValue(value)),
    [summaries, drawMetrics, value],
  );
  if (summaries) return <ColumnTable columns={summaries} label={text.columnsTable(output)} />;
  if (metrics) return <MetricsChart metrics={metrics} label={text.metricsOf(output)} />;
  return null;
}

/** Scores and confusion counts of a `{ AUC: 0.9, TP: 40, ... }` value, read as a one-row table. */
function metricsOfValue(value: unknown) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  return readMetrics({
    columns: entries.map(([name]) => ({ name, type: "" })),
    rows: [entries.map(([, v]) => v)],
    totalCount: 1,
  });
}
