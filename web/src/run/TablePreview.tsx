/**
 * The first rows of an output table with each column's name and type. Rows are virtualized:
 * only those in view (plus a few) are in the DOM, with spacer rows standing in for the rest, so
 * a wide 1,000-row preview scrolls as smoothly as a 10-row one.
 */
import type { PreviewResponse } from "@pfd/shared";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { useT } from "../i18n";

const ROW_HEIGHT = 26;

export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(8)));
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** `totalCount` null: the rows in the table are not known (a cloud table's preview). */
type Preview = Omit<PreviewResponse, "totalCount"> & { totalCount: number | null };

export function TablePreview({ preview, label }: { preview: Preview; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const t = useT();
  const rows = preview.rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Draw a first screenful before the scroller is measured (and where layout is unavailable).
    initialRect: { width: 800, height: 320 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = Math.max(1, preview.columns.length);
  return (
    <div className="pfd-run-preview">
      <div className="pfd-run-hint">
        {preview.totalCount === null
          ? t("preview.summaryShown", { shown: rows.length, columns: preview.columns.length })
          : t("preview.summary", {
              shown: rows.length,
              total: preview.totalCount,
              columns: preview.columns.length,
            })}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable to scroll by keyboard */}
      <div ref={scroller} className="pfd-run-preview-scroll" tabIndex={0}>
        <table className="pfd-run-preview-table" aria-label={label} aria-rowcount={rows.length + 1}>
          <thead className="pfd-run-preview-head">
            <tr aria-rowindex={1}>
              {preview.columns.map((c) => (
                <th key={c.name} scope="col" className="pfd-run-preview-th" title={`${c.name}: ${c.type}`}>
                  <span className="pfd-run-col-name">{c.name}</span>
                  <span className="pfd-run-col-type">{c.type}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {top > 0 && (
              <tr style={{ height: top }}>
                <td colSpan={span} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index] ?? [];
              return (
                <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  {preview.columns.map((c, i) => (
                    <td key={c.name} className="pfd-run-preview-td">
                      {formatCell(row[i])}
                    </td>
                  ))}
                </tr>
              );
            })}
            {bottom > 0 && (
              <tr style={{ height: bottom }}>
                <td colSpan={span} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
