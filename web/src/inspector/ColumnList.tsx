/**
 * A comma-separated column list edited as chips: type names (several at once, comma-separated)
 * and press Enter or comma; Backspace in the empty box removes the last one.
 */
import { useState } from "react";
import { useT } from "../i18n";

interface Props {
  id: string;
  value: string;
  placeholder: string;
  onChange(value: string): void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

function split(text: string): string[] {
  return text
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
}

export function ColumnList({ id, value, placeholder, onChange, ...aria }: Props) {
  const [draft, setDraft] = useState("");
  const t = useT();
  const cols = split(value);
  const commit = (text: string) => {
    const add = split(text).filter((c) => !cols.includes(c));
    if (add.length > 0) onChange([...cols, ...add].join(","));
    setDraft("");
  };
  return (
    <div className="chips field-input">
      {cols.map((c) => (
        <span key={c} className="chip">
          {c}
          <button
            type="button"
            aria-label={t("columns.remove", { column: c })}
            onClick={() => onChange(cols.filter((x) => x !== c).join(","))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        {...aria}
        value={draft}
        placeholder={cols.length === 0 ? placeholder || t("columns.placeholder") : t("columns.add")}
        onChange={(e) => {
          const v = e.target.value;
          if (v.endsWith(",")) commit(v);
          else setDraft(v);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit(draft);
          } else if (e.key === "Backspace" && draft === "" && cols.length > 0) {
            onChange(cols.slice(0, -1).join(","));
          }
        }}
        onBlur={() => commit(draft)}
      />
    </div>
  );
}
