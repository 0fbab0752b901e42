/**
 * Read Table's table: a combobox offering the table catalog's tables (`GET /api/tables`), and
 * under it the chosen table's columns, partitions and a "Preview" of its first rows
 * (`GET /api/tables/:name/preview`), all without running anything. Where the catalog cannot be
 * listed (cloud mode until the workspace is connected) the field is free text, with why.
 */
import type { TableSummary } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useMemo, useState } from "react";
import { type Translator, useT } from "../i18n";
import { asRunApiError } from "../run/errors";
import { errorHeadline } from "../run/text";
import { tablesQuery } from "../schemas/tables";
import { useServerApi } from "../schemas/useServerApi";
import { ComboField, ComboMenu, useTextCombobox } from "./Combobox";

const TablePreviewDialog = lazy(() => import("./TablePreviewDialog"));

interface Props {
  id: string;
  labelId: string;
  value: string;
  placeholder: string;
  onChange(value: string): void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

export function TablePicker({ id, labelId, value, placeholder, onChange, ...aria }: Props) {
  const api = useServerApi();
  const t = useT();
  const tables = useQuery(tablesQuery(api));
  const all = tables.data?.tables ?? [];
  const name = value.trim();
  const chosen = all.find((x) => x.name === name);
  // While the value names a table exactly, every table is offered (the user may want another).
  const shown = useMemo(() => {
    const query = name.toLowerCase();
    return chosen || !query ? all : all.filter((x) => x.name.toLowerCase().includes(query));
  }, [all, chosen, name]);

  const combobox = useTextCombobox<TableSummary>({
    items: shown,
    id,
    labelId,
    value,
    onChange,
    itemToString: (x) => x?.name ?? "",
    valueOf: (x) => x.name,
  });

  return (
    <>
      <div className="column-picker single">
        <ComboField
          combobox={combobox}
          optionCount={shown.length}
          inputProps={{ ...aria, placeholder, ...combobox.getInputProps() }}
        />
        <ComboMenu
          combobox={combobox}
          items={shown}
          label={t("tables.menu")}
          keyOf={(x) => x.name}
          render={(table) => (
            <>
              <span className="mono">{table.name}</span>
              {table.rows === null ? null : (
                <span className="col-type"> · {t("tables.rows", { rows: table.rows })}</span>
              )}
            </>
          )}
        />
      </div>
      {tables.error ? (
        <p className="field-desc columns-unknown">
          {t("tables.unavailable", { reason: errorHeadline(t, asRunApiError(tables.error)) })}
        </p>
      ) : chosen ? (
        <TableInfo table={chosen} t={t} />
      ) : name && tables.data ? (
        <p className="field-desc columns-unknown">{t("tables.notFound", { name })}</p>
      ) : null}
    </>
  );
}

/** The chosen table's columns and partitions, and its preview on request. */
function TableInfo({ table, t }: { table: TableSummary; t: Translator }) {
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className="table-info">
      <p className="field-desc">
        {t("tables.columns", { count: table.columns.length })}
        {table.partitionColumns.length > 0
          ? ` · ${t("tables.partitionedBy", { columns: table.partitionColumns.join(", ") })}`
          : ""}
      </p>
      <ul className="table-columns" aria-label={t("tables.columns", { count: table.columns.length })}>
        {table.columns.map((c) => (
          <li key={c.name}>
            <span className="mono">{c.name}</span> <span className="col-type">{c.type}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={() => setPreviewing(true)}>
        {t("tables.preview")}
      </button>
      {previewing ? (
        <Suspense fallback={null}>
          <TablePreviewDialog name={table.name} onClose={() => setPreviewing(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
