/** The selected step: names, its component, and one field per parameter. */
import {
  columnParam,
  columnsReaching,
  componentDescription,
  componentLookup,
  componentName,
  type GraphStep,
  stepParameters,
} from "@pfd/shared";
import { useEffect, useId, useRef, useState } from "react";
import { catalogLanguage, type Translator, useT } from "../i18n";
import { problemText } from "../problems/format";
import { StepRunActions } from "../run/StepRunActions";
import {
  problemsByStep,
  selectComponents,
  selectProblems,
  selectSchemas,
  useEditor,
  useEditorApi,
} from "../store";
import { CategoryIcon, categoryKind } from "../theme/icons";
import { ParamField } from "./ParamField";

export function StepInspector({ step }: { step: GraphStep }) {
  const api = useEditorApi();
  const components = useEditor(selectComponents);
  const problems = useEditor(selectProblems);
  const renaming = useEditor((s) => s.renaming);
  const component = componentLookup(components).of(step.component);
  const displayRef = useRef<HTMLInputElement>(null);
  const displayId = useId();
  const stepProblems = problemsByStep(problems).get(step.name) ?? [];
  const t = useT();

  useEffect(() => {
    if (renaming !== step.name) return;
    displayRef.current?.focus();
    displayRef.current?.select();
    api.getState().setRenaming(null);
  }, [renaming, step.name, api]);

  const params = stepParameters(step, component);
  const schemas = useEditor(selectSchemas);
  // Why the column pickers offer nothing, once for the step.
  const columnsUnknown = params
    .map((p) => columnParam(component, p))
    .map((c) => (c ? columnsReaching(schemas ?? undefined, step.name, c) : undefined))
    .find((r) => r && !r.known && r.reason);

  // The table a partition field offers the partitions of.
  const tableParam = params.find((p) => p.catalogTable)?.name;
  const tableArg = step.parameters.find((a) => a.name === tableParam)?.binding;
  const table = tableArg?.kind === "value" && typeof tableArg.value === "string" ? tableArg.value : undefined;

  const fieldErrors = (name: string) =>
    stepProblems
      .filter((p) => p.location.field?.endsWith(`parameters.${name}`))
      .map((p) => problemText(t, p));
  const stepErrors = stepProblems.filter((p) => !p.location.field?.includes("parameters."));

  return (
    <div className="inspector-body">
      <div className={`component-card cat-${categoryKind(component?.category ?? "")}`}>
        <span className="palette-icon" aria-hidden="true">
          <CategoryIcon category={component?.category ?? ""} />
        </span>
        <div>
          <div className="component-name">
            {component
              ? componentName(component, catalogLanguage(t.locale))
              : (step.component.identifier ?? t("inspector.unknownComponent"))}
          </div>
          <div className="component-id mono">
            {step.component.provider ?? "?"}/{step.component.identifier ?? step.component.guid}/
            {step.component.version ?? "?"}
          </div>
        </div>
      </div>
      {component?.description ? (
        <p className="component-desc">{componentDescription(component, catalogLanguage(t.locale))}</p>
      ) : null}
      {!component ? <p className="component-desc warn">{t("inspector.notInCatalog")}</p> : null}
      {stepErrors.length > 0 ? (
        <ul className="step-problems">
          {stepErrors.map((p) => (
            <li key={`${p.code}:${p.message}`} className={p.severity}>
              {problemText(t, p)}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="field">
        <label htmlFor={displayId}>{t("inspector.displayName")}</label>
        <input
          id={displayId}
          ref={displayRef}
          className="field-input"
          value={step.displayName ?? ""}
          placeholder={step.name}
          onChange={(e) => api.getState().setDisplayName(step.name, e.target.value)}
        />
      </div>
      <StepNameField key={step.name} name={step.name} t={t} />
      <fieldset className="row-actions step-run-actions" aria-label={t("run.stepActions")}>
        <StepRunActions step={step.name} as="button" />
      </fieldset>

      <h3 className="section-title">{t("inspector.parameters")}</h3>
      {params.length === 0 ? <p className="muted">{t("inspector.noParameters")}</p> : null}
      {columnsUnknown && !columnsUnknown.known ? (
        <p className="field-desc columns-unknown">
          {t("columns.unknown", { reason: columnsUnknown.reason })}
        </p>
      ) : null}
      {params.map((p) => (
        <ParamField
          key={p.name}
          step={step.name}
          spec={p}
          arg={step.parameters.find((a) => a.name === p.name)}
          column={columnParam(component, p)}
          table={p.catalogPartition ? table : undefined}
          errors={fieldErrors(p.name)}
        />
      ))}
    </div>
  );
}

/** The step name: applied on Enter or leaving the field; a refused name stays with the reason. */
function StepNameField({ name, t }: { name: string; t: Translator }) {
  const api = useEditorApi();
  const id = useId();
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (draft === name) return setError(null);
    const r = api.getState().renameStep(name, draft.trim());
    setError(r.ok ? null : r.code === "read-only" ? t.msg(r.message) : t(`rename.${r.code}`, r.params));
  };
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{t("inspector.stepName")}</label>
      <input
        id={id}
        className="field-input mono"
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply();
          else if (e.key === "Escape") {
            setDraft(name);
            setError(null);
          }
        }}
      />
      {error ? (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      ) : (
        <p className="field-desc">{t("inspector.stepNameHint")}</p>
      )}
    </div>
  );
}
