/** A Map parameter as key/value rows; values are kept as strings, keys must be unique and non-empty. */
import { useState } from "react";

interface Props {
  id: string;
  value: unknown;
  onChange(value: Record<string, unknown> | undefined): void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

type Row = [string, string];

function rowsOf(value: unknown): Row[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
}

export function MapEditor({ id, value, onChange, ...aria }: Props) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  const update = (next: Row[]) => {
    setRows(next);
    const entries = next.filter(([k]) => k.trim() !== "");
    onChange(entries.length > 0 ? Object.fromEntries(entries) : undefined);
  };
  return (
    <fieldset className="map-editor" id={id} {...aria}>
      {rows.map(([k, v], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={i} className="map-row">
          <input
            className="field-input mono"
            aria-label="Key"
            value={k}
            onChange={(e) => update(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))}
          />
          <input
            className="field-input mono"
            aria-label={`Value of ${k || "key"}`}
            value={v}
            onChange={(e) => update(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
          />
          <button
            type="button"
            className="btn icon"
            aria-label={`Remove ${k || "entry"}`}
            onClick={() => update(rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-btn" onClick={() => setRows([...rows, ["", ""]])}>
        + Add entry
      </button>
    </fieldset>
  );
}
