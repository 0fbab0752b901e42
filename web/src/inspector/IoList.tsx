/**
 * Editing a pipeline's input or output parameters or artifacts: name, type, and a default value
 * (inputs) or the `from` reference it exposes (outputs). Fields the editor does not show are kept.
 */
import type { Artifact, Parameter } from "@pfd/shared";
import { useId } from "react";
import { useT } from "../i18n";
import { PlusIcon, TrashIcon } from "../theme/icons";
import { MapEditor } from "./MapEditor";

const PARAM_TYPES = ["String", "Int", "Double", "Bool", "Map", "Array"];
const DATA_TYPES = ["DataSet", "Model", "ModelEvaluation", "Any"];

type Item = Parameter | Artifact;

interface Props<T extends Item> {
  title: string;
  kind: "parameters" | "artifacts";
  output?: boolean;
  items: T[];
  onChange(list: T[]): void;
}

function artifactType(a: Artifact): string {
  return Object.keys(a.metadata?.type ?? {})[0] ?? "Any";
}

function withArtifactType(a: Artifact, type: string): Artifact {
  const prev = a.metadata?.type ? Object.values(a.metadata.type)[0] : undefined;
  return { ...a, metadata: { ...a.metadata, type: { [type]: prev ?? null } } };
}

function display(v: unknown): string {
  if (v === undefined || v === null) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

export function IoList<T extends Item>({ title, kind, output, items, onChange }: Props<T>) {
  const side = output ? "output" : "input";
  const base = useId();
  const t = useT();
  const update = (i: number, next: Item) => onChange(items.map((x, j) => (j === i ? next : x)) as T[]);
  const add = () => {
    let n = items.length + 1;
    while (items.some((x) => x.name === `${side}_${n}`)) n++;
    const fresh: Item =
      kind === "parameters"
        ? { name: `${side}_${n}`, type: "String" }
        : { name: `${side}_${n}`, metadata: { type: { DataSet: { locationType: "MaxComputeTable" } } } };
    onChange([...items, fresh as T]);
  };

  return (
    <section className="io-list" aria-label={title}>
      <h3 className="section-title">
        {title}
        <button type="button" className="btn icon" aria-label={t("io.add", { side, kind })} onClick={add}>
          <PlusIcon />
        </button>
      </h3>
      {items.length === 0 ? <p className="muted">{t("io.none")}</p> : null}
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: names are being edited, so the row's place is its identity
        <div className="io-row" key={i}>
          <input
            className="field-input mono"
            aria-label={t("io.name", { list: title, n: i + 1 })}
            value={item.name}
            onChange={(e) => update(i, { ...item, name: e.target.value })}
          />
          {kind === "parameters" ? (
            <select
              className="field-input"
              aria-label={t("io.type", { name: item.name })}
              value={(item as Parameter).type ?? "String"}
              onChange={(e) => update(i, { ...item, type: e.target.value })}
            >
              {PARAM_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          ) : (
            <select
              className="field-input"
              aria-label={t("io.type", { name: item.name })}
              value={artifactType(item as Artifact)}
              onChange={(e) => update(i, withArtifactType(item as Artifact, e.target.value))}
            >
              {DATA_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          )}
          <button
            type="button"
            className="btn icon"
            aria-label={t("io.remove", { name: item.name })}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            <TrashIcon />
          </button>
          {output ? (
            <input
              className="field-input mono io-wide"
              aria-label={t("io.from", { name: item.name })}
              placeholder={t("io.fromPlaceholder")}
              value={item.from ?? ""}
              onChange={(e) => update(i, { ...item, from: e.target.value || undefined })}
            />
          ) : kind === "parameters" && (item as Parameter).type === "Map" ? (
            <div className="io-wide">
              <MapEditor
                id={`${base}-${i}`}
                name={t("io.default", { name: item.name })}
                label={t("io.default", { name: item.name })}
                value={item.value}
                onChange={(value) => {
                  const next: Item = { ...item, value };
                  if (value === undefined) delete next.value;
                  update(i, next);
                }}
              />
            </div>
          ) : typeof item.value !== "object" || item.value === null ? (
            <input
              className="field-input mono io-wide"
              aria-label={t("io.default", { name: item.name })}
              placeholder={t("io.defaultPlaceholder")}
              value={display(item.value)}
              onChange={(e) => {
                const next: Item = { ...item, value: e.target.value };
                if (e.target.value === "") delete next.value;
                update(i, next);
              }}
            />
          ) : (
            <code className="io-wide io-value">{display(item.value)}</code>
          )}
        </div>
      ))}
    </section>
  );
}
