/**
 * Data View and statistics outputs: a table with a row per column (its summary numbers where the
 * output has them) and a small bar chart of the column's distribution.
 */
import type { Bin, ColumnSummary } from "./distributions";
import { useResultText } from "./text";
import "./results.css";

const NUMBERS = ["count", "missing", "distinct", "min", "max", "mean", "stddev", "iv"] as const;

export function ColumnTable({ columns, label }: { columns: ColumnSummary[]; label: string }) {
  const text = useResultText();
  // Only the figures some column has: a binned table gives distributions alone.
  const shown = NUMBERS.filter((k) => columns.some((c) => c[k] !== undefined));
  const types = columns.some((c) => c.type !== undefined);
  return (
    <div className="pfd-run-preview-scroll result-columns">
      <table className="pfd-run-preview-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{text.column}</th>
            {types && <th scope="col">{text.type}</th>}
            {shown.map((k) => (
              <th key={k} scope="col" className="num">
                {k === "count" ? text.count : text[k]}
              </th>
            ))}
            <th scope="col">{text.distribution}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.feature}>
              <th scope="row">{c.feature}</th>
              {types && <td>{c.type ?? ""}</td>}
              {shown.map((k) => (
                <td key={k} className="num">
                  {c[k] === undefined ? "" : text.figure(c[k])}
                </td>
              ))}
              <td>{c.distribution ? <Sparkline column={c.feature} bins={c.distribution} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const W = 120;
const H = 24;

/** A column's distribution as tiny bars; each bar's tooltip names its bin and count. */
function Sparkline({ column, bins }: { column: string; bins: Bin[] }) {
  const text = useResultText();
  const top = Math.max(1, ...bins.map((b) => b.count));
  const w = W / Math.max(1, bins.length);
  return (
    <svg
      className="sparkline"
      width={W}
      height={H}
      role="img"
      aria-label={text.distributionOf(column, bins.length)}
    >
      {bins.map((b, i) => {
        const h = Math.max(b.count > 0 ? 1 : 0, (b.count / top) * H);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a bin is its position; labels repeat when min = max
          <rect key={i} x={i * w + 0.5} y={H - h} width={Math.max(1, w - 1)} height={h}>
            <title>{text.binCount(b.label, b.count)}</title>
          </rect>
        );
      })}
    </svg>
  );
}
