/**
 * One step parameter in the inspector: the widget its type calls for, its default as a
 * placeholder, a required mark, inline errors, and binding to a pipeline input instead of a value.
 */
import {
  type ColumnParam,
  checkValue,
  type ParamArg,
  type ParamSpec,
  parameterDescription,
  parameterLabel,
} from "@pfd/shared";
import { memo, useId, useState } from "react";
import { catalogLanguage, useT } from "../i18n";
import { problemText } from "../problems/format";
import { selectInputs, useEditor, useEditorApi } from "../store";
import { LinkIcon } from "../theme/icons";
import { ColumnPicker } from "./ColumnPicker";
import { MapEditor } from "./MapEditor";
import { PartitionPicker } from "./PartitionPicker";
import { TablePicker } from "./TablePicker";

interface Props {
  step: string;
  spec: ParamSpec;
  arg: ParamArg | undefined;
  /** Set when the parameter names columns (shared `columnParam`): edited with a column picker. */
  column?: ColumnParam | undefined;
  /** For a partition parameter (`catalogPartition`): the table the step reads. */
  table?: string | undefined;
  /** Problems validation reports for this parameter. */
  errors: readonly string[];
}

function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export const ParamField = memo(function ParamField({ step, spec, arg, column, table, errors }: Props) {
  const api = useEditorApi();
  const id = useId();
  const labelId = `${id}-label`;
  const errorId = `${id}-err`;
  const binding = arg?.binding;
  const t = useT();
  const value = binding?.kind === "value" ? binding.value : undefined;
  const placeholder =
    spec.default !== undefined ? t("param.defaultPlaceholder", { value: text(spec.default) }) : "";
  const label = parameterLabel(spec, catalogLanguage(t.locale));
  const set = (v: unknown) => api.getState().setParameter(step, spec.name, v);
  // Checked as the user types by validation's own check (validation files the same problem
  // under `...<name>.value`, which `errors` leaves out), so both always agree.
  const local = binding?.kind === "value" ? checkValue(value, spec).map((p) => problemText(t, p)) : [];
  const allErrors = [...local, ...errors];
  const invalid = allErrors.length > 0;
  const common = {
    id,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? errorId : undefined,
  } as const;

  let widget: React.ReactNode;
  if (binding?.kind === "input") {
    widget = <InputBinding step={step} param={spec.name} input={binding.input} id={id} />;
  } else if (binding?.kind === "ref") {
    widget = <input {...common} className="field-input mono" value={binding.from} readOnly />;
  } else if (spec.allowed && spec.allowed.length > 0) {
    widget = (
      <select {...common} className="field-input" value={text(value)} onChange={(e) => set(e.target.value)}>
        <option value="">
          {spec.default !== undefined ? t("param.defaultOption", { value: text(spec.default) }) : "—"}
        </option>
        {spec.allowed.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === "Bool") {
    const on = text(value ?? spec.default) === "true";
    widget = (
      <span className="switch-row">
        <button
          {...common}
          type="button"
          role="switch"
          aria-checked={on}
          className={`switch${on ? " on" : ""}`}
          // Keep the scalar kind the component uses: `generatePmml: false` stays a boolean, "true" a string.
          onClick={() => set(typeof (value ?? spec.default) === "boolean" ? !on : String(!on))}
        >
          <span className="knob" />
        </button>
        <span className="switch-state">{t("param.boolValue", { on })}</span>
        {value !== undefined ? (
          <button type="button" className="link-btn" onClick={() => set(undefined)}>
            {t("param.reset")}
          </button>
        ) : null}
      </span>
    );
  } else if (spec.catalogTable) {
    widget = (
      <TablePicker
        {...common}
        labelId={labelId}
        value={text(value)}
        placeholder={placeholder}
        onChange={set}
      />
    );
  } else if (spec.catalogPartition) {
    widget = (
      <PartitionPicker
        {...common}
        labelId={labelId}
        table={table ?? ""}
        value={text(value)}
        placeholder={placeholder}
        onChange={set}
      />
    );
  } else if (column) {
    widget = (
      <ColumnPicker
        {...common}
        labelId={labelId}
        step={step}
        param={spec.name}
        column={column}
        value={text(value)}
        placeholder={placeholder}
        onChange={set}
      />
    );
  } else if (spec.multiline) {
    widget = (
      <textarea
        {...common}
        className="field-input"
        rows={6}
        spellCheck={false}
        value={text(value)}
        placeholder={placeholder || t("param.sqlPlaceholder")}
        onChange={(e) => set(e.target.value)}
      />
    );
  } else if (spec.type === "Map") {
    widget = (
      <MapEditor {...common} name={spec.name} value={value} defaultValue={spec.default} onChange={set} />
    );
  } else {
    widget = (
      <input
        {...common}
        className="field-input"
        inputMode={spec.type === "Int" || spec.type === "Double" ? "decimal" : undefined}
        value={text(value)}
        placeholder={placeholder}
        onChange={(e) => set(e.target.value)}
      />
    );
  }

  return (
    <div className={`field${invalid ? " has-error" : ""}`}>
      <div className="field-head">
        <label htmlFor={id} id={labelId}>
          {label ? <span className="param-label">{label} </span> : null}
          <span className="mono">{spec.name}</span>
          {spec.required ? (
            <span className="required" title={t("param.required")}>
              {" "}
              *
            </span>
          ) : null}
        </label>
        <span className="field-type">{spec.range ? `${spec.type} ${spec.range}` : spec.type}</span>
        {binding?.kind !== "input" ? (
          <BindButton step={step} param={spec.name} />
        ) : (
          <button
            type="button"
            className="link-btn"
            aria-label={t("param.unbindLabel", { param: spec.name })}
            onClick={() => api.getState().bindParameter(step, spec.name, null)}
          >
            {t("param.unbind")}
          </button>
        )}
      </div>
      {widget}
      {spec.description ? (
        <p className="field-desc">{parameterDescription(spec, catalogLanguage(t.locale))}</p>
      ) : null}
      {invalid ? (
        <p className="field-error" id={errorId}>
          {allErrors.join(" ")}
        </p>
      ) : null}
    </div>
  );
});

function BindButton({ step, param }: { step: string; param: string }) {
  const api = useEditorApi();
  const t = useT();
  return (
    <button
      type="button"
      className="bind-btn"
      title={t("param.bindTitle")}
      aria-label={t("param.bindLabel", { param })}
      onClick={() => api.getState().bindParameter(step, param, param)}
    >
      <LinkIcon />
    </button>
  );
}

/** A parameter bound to `{{inputs.parameters.X}}`: pick which pipeline input, or name a new one. */
function InputBinding({
  step,
  param,
  input,
  id,
}: {
  step: string;
  param: string;
  input: string;
  id: string;
}) {
  const api = useEditorApi();
  const inputs = useEditor(selectInputs);
  const [draft, setDraft] = useState<string | null>(null);
  const t = useT();
  const names = inputs.parameters.map((p) => p.name);
  if (draft !== null) {
    return (
      <input
        id={id}
        className="field-input mono"
        aria-label={t("param.newInputLabel", { param })}
        value={draft}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to type a new input's name
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => setDraft(null)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(draft)) {
            api.getState().bindParameter(step, param, draft);
            setDraft(null);
          } else if (e.key === "Escape") setDraft(null);
        }}
      />
    );
  }
  return (
    <div className="bound">
      <span className="bound-prefix">{t("param.boundFrom")}</span>
      <select
        id={id}
        className="field-input mono"
        value={input}
        onChange={(e) => {
          if (e.target.value === "\u0000new") setDraft(param);
          else api.getState().bindParameter(step, param, e.target.value);
        }}
      >
        {(names.includes(input) ? names : [input, ...names]).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
        <option value={"\u0000new"}>{t("param.newInput")}</option>
      </select>
    </div>
  );
}
