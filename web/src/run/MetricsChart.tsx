/** Evaluation metrics as a small chart: a bar per score (0..1) and the confusion matrix. */
import type { Metrics } from "./metrics";

export function MetricsChart({ metrics, label }: { metrics: Metrics; label: string }) {
  const { scores, confusion } = metrics;
  const barH = 18;
  const width = 180;
  const labelW = 70;
  return (
    <figure className="pfd-run-metrics" aria-label={label}>
      {scores.length > 0 && (
        <svg width={width + labelW + 50} height={scores.length * (barH + 6)} role="img" aria-label="Scores">
          {scores.map((s, i) => {
            const y = i * (barH + 6);
            const w = Math.max(0, Math.min(1, s.value)) * width;
            return (
              <g key={s.name}>
                <text x={0} y={y + barH - 5} className="pfd-run-metrics-label">
                  {s.name}
                </text>
                <rect x={labelW} y={y} width={width} height={barH} className="pfd-run-metrics-track" />
                <rect x={labelW} y={y} width={w} height={barH} className="pfd-run-metrics-bar" />
                <text x={labelW + width + 6} y={y + barH - 5} className="pfd-run-metrics-value">
                  {s.value.toFixed(3)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {confusion && (
        <table className="pfd-run-confusion" aria-label="Confusion matrix">
          <thead>
            <tr>
              <td />
              <th scope="col">Predicted positive</th>
              <th scope="col">Predicted negative</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Actual positive</th>
              <td className="pfd-run-good">{confusion.tp} TP</td>
              <td className="pfd-run-bad">{confusion.fn} FN</td>
            </tr>
            <tr>
              <th scope="row">Actual negative</th>
              <td className="pfd-run-bad">{confusion.fp} FP</td>
              <td className="pfd-run-good">{confusion.tn} TN</td>
            </tr>
          </tbody>
        </table>
      )}
    </figure>
  );
}
