/**
 * One chart: its title (the accessible name of the figure and of the drawing), a one-line summary,
 * a "Data" toggle that shows the same numbers as a table, and "Save PNG". Chart.js is loaded
 * with the first chart shown (see draw.ts); the chart is redrawn when the theme changes.
 */
import type { Chart } from "chart.js";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useT } from "../i18n";
import { downloadBlob } from "../io/download";
import { TablePreview } from "../run/TablePreview";
import { useThemeVersion } from "../theme/useThemeVersion";
import type { ChartSpec } from "./spec";
import "./charts.css";

type DrawState = "loading" | "drawn" | "failed";

export function ChartFigure({ spec }: { spec: ChartSpec }) {
  const id = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [showData, setShowData] = useState(false);
  const [state, setState] = useState<DrawState>("loading");
  const theme = useThemeVersion();
  const t = useT();

  useEffect(() => {
    // `theme` is read only to redraw in the new colours when it changes.
    void theme;
    if (showData) return;
    let chart: Chart | undefined;
    let cancelled = false;
    setState("loading");
    import("./draw")
      .then(({ drawChart }) => {
        if (cancelled || !canvas.current) return;
        chart = drawChart(canvas.current, spec);
        setState("drawn");
      })
      .catch(() => {
        if (!cancelled) setState("failed");
      });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [spec, theme, showData]);

  const table = useMemo(
    () => ({
      columns: spec.data.columns.map((name) => ({ name, type: "" })),
      rows: spec.data.rows,
      totalCount: spec.data.rows.length,
    }),
    [spec],
  );

  const save = () =>
    canvas.current?.toBlob((png) => {
      if (png) downloadBlob(`${spec.fileName}.png`, png);
    }, "image/png");

  return (
    <figure className="chart" aria-labelledby={`${id}-name`} aria-describedby={`${id}-summary`}>
      <figcaption className="chart-head">
        <span className="chart-title">
          <strong id={`${id}-name`}>{spec.name}</strong>
          <span id={`${id}-summary`} className="chart-summary">
            {spec.summary}
          </span>
        </span>
        <span className="chart-actions">
          <button
            type="button"
            className="btn"
            aria-pressed={showData}
            onClick={() => setShowData(!showData)}
          >
            {t("chart.data")}
          </button>
          <button
            type="button"
            className="btn"
            disabled={showData || state !== "drawn"}
            title={t("chart.saveHint", { chart: spec.name })}
            onClick={save}
          >
            {t("chart.save")}
          </button>
        </span>
      </figcaption>
      {showData ? (
        <TablePreview preview={table} label={t("chart.dataOf", { chart: spec.name })} />
      ) : (
        <div className="chart-body">
          <canvas ref={canvas} role="img" aria-label={spec.name} aria-describedby={`${id}-summary`} />
          {state === "failed" && (
            <p className="chart-note" role="alert">
              {t("chart.failed")}
            </p>
          )}
        </div>
      )}
    </figure>
  );
}
