/** Evaluation metrics as a small chart: a bar per score (0..1) and the confusion matrix. */
import { useFormats, useT } from "../i18n";
import type { Metrics } from "./metrics";

export function MetricsChart({ metrics, label }: { metrics: Metrics; label: string }) {
  const { scores, confusion } = metrics;
  const t = useT();
  const { number } = useFormats();
  const f = (n: number, digits = 0) =>
    number(n, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const barH = 18;
  const width = 180;
  const labelW = 70;
  return (
    <figure className="pfd-run-metrics" aria-label={label}>
      {scores.length > 0 && (
        <svg
          width={width + labelW + 50}
          height={scores.length * (barH + 6)}
          role="img"
          aria-label={t("metrics.scores")}
        >
          {scores.map((s, i) => {
            const y = i * (barH + 6);
            const w = Math.max(0, Math.min(1, s.value)) * width;
            return (
              <g key={s.name}>
                <text x={0} y={y + barH - 5} className="pfd-run-metrics-label">
                  {t.maybe(`metrics.score.${s.name}`) ?? s.name}
                </text>
                <rect x={labelW} y={y} width={width} height={barH} className="pfd-run-metrics-track" />
                <rect x={labelW} y={y} width={w} height={barH} className="pfd-run-metrics-bar" />
                <text x={labelW + width + 6} y={y + barH - 5} className="pfd-run-metrics-value">
                  {f(s.value, 3)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {confusion && (
        <table className="pfd-run-confusion" aria-label={t("metrics.confusion")}>
          <thead>
            <tr>
              <td />
              <th scope="col">{t("metrics.predictedPositive")}</th>
              <th scope="col">{t("metrics.predictedNegative")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("metrics.actualPositive")}</th>
              <td className="pfd-run-good">{t("metrics.cell", { n: f(confusion.tp), kind: "TP" })}</td>
              <td className="pfd-run-bad">{t("metrics.cell", { n: f(confusion.fn), kind: "FN" })}</td>
            </tr>
            <tr>
              <th scope="row">{t("metrics.actualNegative")}</th>
              <td className="pfd-run-bad">{t("metrics.cell", { n: f(confusion.fp), kind: "FP" })}</td>
              <td className="pfd-run-good">{t("metrics.cell", { n: f(confusion.tn), kind: "TN" })}</td>
            </tr>
          </tbody>
        </table>
      )}
    </figure>
  );
}
