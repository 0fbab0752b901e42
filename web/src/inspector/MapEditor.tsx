/**
 * A Map parameter, edited as key/value rows or as YAML text. Rows keep values as strings; YAML
 * takes any nesting (e.g. `execution: {endpoint, spec: {…}}`), and a value rows cannot show opens
 * in YAML. Text that does not parse stays in the box with its line, while the graph keeps the
 * last good map.
 */
import { formatYamlMap, parseYamlMap } from "@pfd/shared";
import { useId, useState } from "react";
import { useT } from "../i18n";
import { fingerprint, isFlatMap, mapOfRows, type Row, rowsOf } from "./map-value";

interface Props {
  id: string;
  /** The parameter's manifest name, part of every control's accessible name. */
  name: string;
  value: unknown;
  /** The YAML box's accessible name where no <label for=id> names it. */
  label?: string;
  /** Shown as the YAML box's placeholder. */
  defaultValue?: unknown;
  onChange(value: Record<string, unknown> | undefined): void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

type Mode = "rows" | "yaml";
/** A YAML syntax error in the map text (not a validation Problem: it never leaves the editor). */
type TextError = { message: string; line: number; col: number };

export function MapEditor({ id, name, label, value, defaultValue, onChange, ...aria }: Props) {
  const errorId = useId();
  const t = useT();
  const [mode, setMode] = useState<Mode>(() => (isFlatMap(value) ? "rows" : "yaml"));
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  const [text, setText] = useState(() => formatYamlMap(value));
  const [problem, setProblem] = useState<TextError | null>(null);
  // The value the rows and text stand for; when the graph's differs, it changed elsewhere (undo).
  const [shown, setShown] = useState(() => fingerprint(value));
  const current = fingerprint(value);
  if (current !== shown) {
    setShown(current);
    setRows(rowsOf(value));
    setText(formatYamlMap(value));
    setProblem(null);
    if (!isFlatMap(value)) setMode("yaml");
  }

  const emit = (next: Record<string, unknown> | undefined) => {
    const print = fingerprint(next);
    if (print === shown) return;
    setShown(print);
    onChange(next);
  };
  const updateRows = (next: Row[]) => {
    setRows(next);
    emit(mapOfRows(next));
  };
  const updateText = (next: string) => {
    setText(next);
    const parsed = parseYamlMap(next);
    if (!parsed.ok) {
      setProblem(parsed);
      return;
    }
    setProblem(null);
    emit(parsed.value);
  };

  const flat = isFlatMap(value);
  const rowsBlocked = problem ? t("map.fixYamlFirst") : flat ? null : t("map.nestedNeedYaml");
  const switchTo = (next: Mode) => {
    if (next === mode || (next === "rows" && rowsBlocked)) return;
    if (next === "yaml") setText(formatYamlMap(value));
    else setRows(rowsOf(value));
    setProblem(null);
    setMode(next);
  };

  const toggle = (
    <fieldset className="map-mode" aria-label={t("map.editAs", { name })}>
      <button
        type="button"
        aria-pressed={mode === "rows"}
        disabled={mode !== "rows" && rowsBlocked !== null}
        title={mode !== "rows" && rowsBlocked ? rowsBlocked : undefined}
        onClick={() => switchTo("rows")}
      >
        {t("map.rows")}
      </button>
      <button type="button" aria-pressed={mode === "yaml"} onClick={() => switchTo("yaml")}>
        {t("map.yaml")}
      </button>
    </fieldset>
  );

  if (mode === "yaml") {
    const describedBy = [problem ? errorId : null, aria["aria-describedby"]].filter(Boolean).join(" ");
    return (
      <div className="map-editor">
        {toggle}
        <textarea
          id={id}
          className="field-input mono map-yaml"
          rows={Math.min(14, Math.max(3, text.split("\n").length + 1))}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          value={text}
          aria-label={label}
          placeholder={defaultValue === undefined ? t("map.placeholder") : formatYamlMap(defaultValue)}
          aria-invalid={problem ? true : aria["aria-invalid"]}
          aria-describedby={describedBy || undefined}
          onChange={(e) => updateText(e.target.value)}
        />
        {problem ? (
          <p className="field-error" id={errorId} role="status">
            {t("map.yamlError", { line: problem.line, col: problem.col, detail: problem.message })}
          </p>
        ) : !flat ? (
          <p className="field-desc">{t("map.nested")}</p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="map-editor">
      {toggle}
      <fieldset className="map-rows" id={id} aria-label={t("map.entries", { name })} {...aria}>
        {rows.map(([k, v], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div key={i} className="map-row">
            <input
              className="field-input mono"
              aria-label={t("map.key", { name, n: i + 1 })}
              value={k}
              onChange={(e) => updateRows(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))}
            />
            <input
              className="field-input mono"
              aria-label={t("map.value", { name, key: k || `#${i + 1}` })}
              value={v}
              onChange={(e) => updateRows(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
            />
            <button
              type="button"
              className="btn icon"
              aria-label={t("map.remove", { name, key: k || `#${i + 1}` })}
              onClick={() => updateRows(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" className="link-btn" onClick={() => setRows([...rows, ["", ""]])}>
          {t("map.addEntry")}
        </button>
      </fieldset>
    </div>
  );
}
