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
import { useRested } from "../schemas/useRested";
import { useServerApi } from "../schemas/useServerApi";
import { type TextFieldProps, TextPicker } from "./Combobox";

const TablePreviewDialog = lazy(() => import("./TablePreviewDialog"));

/** How long typing rests before the server is asked for matching tables. */
const SEARCH_DEBOUNCE_MS = 300;

const uniqueByName = (tables: TableSummary[]) => [...new Map(tables.map((x) => [x.name, x])).values()];

export function TablePicker({ value, ...field }: TextFieldProps) {
  const api = useServerApi();
  const t = useT();
  const tables = useQuery(tablesQuery(api));
  const name = value.trim();
  // What is typed is also asked of the server: cloud mode lists a workspace's tables a page at a time.
  const keyword = useRested(name, SEARCH_DEBOUNCE_MS);
  const found = useQuery({ ...tablesQuery(api, keyword), enabled: keyword !== "" });
  const known = useMemo(
    () => uniqueByName([...(tables.data?.tables ?? []), ...(found.data?.tables ?? [])]),
    [tables.data, found.data],
  );
  const chosen = known.find((x) => x.name === name);
  // While the value names a table exactly, every table is offered (the user may want another).
  const shown = useMemo(() => {
    const query = name.toLowerCase();
    if (chosen || !query) return known;
    const serverFound = new Set(keyword === name ? (found.data?.tables ?? []).map((x) => x.name) : []);
    return known.filter((x) => serverFound.has(x.name) || x.name.toLowerCase().includes(query));
  }, [known, chosen, name, keyword, found.data]);

  return (
    <>
      <TextPicker<TableSummary>
        {...field}
        value={value}
        items={shown}
        itemToString={(x) => x?.name ?? ""}
        valueOfOption={(x) => x.name}
        menuLabel={t("tables.menu")}
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
      {tables.error ? (
        <p className="field-desc columns-unknown">
          {t("tables.unavailable", { reason: errorHeadline(t, asRunApiError(tables.error)) })}
        </p>
      ) : chosen ? (
        <TableInfo table={chosen} t={t} />
      ) : name && tables.data && keyword === name && !found.isFetching ? (
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
