/**
 * A binary classification evaluation as PAI's report draws it: ROC (with AUC), precision-recall,
 * K-S and lift, from the evaluation's threshold table (see curves.ts).
 */
import { useMemo } from "react";
import { ChartFigure } from "../charts/ChartFigure";
import { type ChartSpec, chartFileName, type LinePoint } from "../charts/spec";
import type { EvaluationCurves } from "./curves";
import { type ResultText, useResultText } from "./text";

const UNIT = { min: 0, max: 1 };

/** The four charts' specs; `auc` is the evaluation's own (exact) AUC when it reported one. */
function evaluationSpecs(text: ResultText, c: EvaluationCurves, file: string, auc = c.auc): ChartSpec[] {
  const r4 = text.figure;
  const t = (p: LinePoint) => (p.threshold === undefined ? "" : r4(p.threshold));
  const common = { locale: text.locale, tooltip: text.point };
  const rate = c.positives / (c.positives + c.negatives);
  const { max } = c.ks;
  // The lift reported is the one nearest the top 10% of rows, as lift tables are usually read.
  const top = c.lift.reduce<LinePoint | undefined>(
    (best, p) => (!best || Math.abs(p.x - 0.1) < Math.abs(best.x - 0.1) ? p : best),
    undefined,
  );
  const depthAxis = { label: text.depth, ...UNIT };
  return [
    {
      kind: "line",
      ...common,
      name: text.roc,
      summary: text.aucSummary(auc),
      fileName: chartFileName(file, "roc"),
      x: { label: text.fpr, ...UNIT },
      y: { label: text.tpr, ...UNIT },
      series: [
        { label: text.roc, tone: "main", points: c.roc },
        {
          label: text.chance,
          tone: "reference",
          points: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
      ],
      data: {
        columns: [text.threshold, text.fpr, text.tpr],
        rows: c.roc.map((p) => [t(p), r4(p.x), r4(p.y)]),
      },
    },
    {
      kind: "line",
      ...common,
      name: text.pr,
      summary: text.prSummary(rate),
      fileName: chartFileName(file, "precision-recall"),
      x: { label: text.recall, ...UNIT },
      y: { label: text.precision, ...UNIT },
      series: [
        { label: text.precision, tone: "main", points: c.pr },
        {
          label: text.baseline,
          tone: "reference",
          points: [
            { x: 0, y: rate },
            { x: 1, y: rate },
          ],
        },
      ],
      data: {
        columns: [text.threshold, text.recall, text.precision],
        rows: c.pr.map((p) => [t(p), r4(p.x), r4(p.y)]),
      },
    },
    {
      kind: "line",
      ...common,
      name: text.ks,
      summary: text.ksSummary(max.value, max.threshold),
      fileName: chartFileName(file, "ks"),
      x: depthAxis,
      y: { label: text.rate, ...UNIT },
      series: [
        { label: text.tpr, tone: "main", points: c.ks.tpr },
        { label: text.fpr, tone: "second", points: c.ks.fpr },
        {
          label: text.ksGap,
          tone: "marker",
          points: [
            { x: max.depth, y: max.fpr, threshold: max.threshold },
            { x: max.depth, y: max.tpr, threshold: max.threshold },
          ],
        },
      ],
      data: {
        columns: [text.threshold, text.depth, text.tpr, text.fpr, text.ksGap],
        rows: c.ks.tpr.map((p, i) => {
          const f = c.ks.fpr[i]?.y ?? 0;
          return [t(p), r4(p.x), r4(p.y), r4(f), r4(p.y - f)];
        }),
      },
    },
    {
      kind: "line",
      ...common,
      name: text.lift,
      ...(top ? { summary: text.liftSummary(top.y, top.x) } : {}),
      fileName: chartFileName(file, "lift"),
      x: depthAxis,
      y: { label: text.lift_, min: 0 },
      series: [
        { label: text.lift_, tone: "main", points: c.lift },
        {
          label: text.random,
          tone: "reference",
          points: [
            { x: 0, y: 1 },
            { x: 1, y: 1 },
          ],
        },
      ],
      data: {
        columns: [text.threshold, text.depth, text.lift_],
        rows: c.lift.map((p) => [t(p), r4(p.x), r4(p.y)]),
      },
    },
  ];
}

export function EvaluationCharts({
  curves,
  file,
  auc,
}: {
  curves: EvaluationCurves;
  file: string;
  auc?: number;
}) {
  const text = useResultText();
  const specs = useMemo(() => evaluationSpecs(text, curves, file, auc), [text, curves, file, auc]);
  return (
    <div className="charts">
      {specs.map((s) => (
        <ChartFigure key={s.name} spec={s} />
      ))}
    </div>
  );
}
