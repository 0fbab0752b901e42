/**
 * Read Table's partition: a combobox offering the partitions of the table the step reads (from
 * the table's preview, `GET /api/tables/:name/preview`, the same query the Preview dialog uses).
 * Free text stays allowed (`dt=${bizdate}`, a partition not written yet); where the table is not
 * in the catalog or is not partitioned, the field says so and offers nothing.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useT } from "../i18n";
import { tablePreviewQuery, tablesQuery } from "../schemas/tables";
import { useServerApi } from "../schemas/useServerApi";
import { type TextFieldProps, TextPicker } from "./Combobox";

export function PartitionPicker({
  table,
  value,
  ...field
}: TextFieldProps & {
  /** The table the step reads (its catalog-table parameter's value). */
  table: string;
}) {
  const api = useServerApi();
  const t = useT();
  // Asked by name: cloud mode lists a workspace's tables a page at a time.
  const tables = useQuery({ ...tablesQuery(api, table.trim()), enabled: table.trim() !== "" });
  const summary = tables.data?.tables.find((x) => x.name === table.trim());
  const partitioned = (summary?.partitionColumns.length ?? 0) > 0;
  const preview = useQuery({ ...tablePreviewQuery(api, summary?.name ?? ""), enabled: partitioned });
  const partitions = preview.data?.partitions ?? [];
  const typed = value.trim();
  // While the value is one of them, every partition is offered (the user may want another).
  const shown = useMemo(
    () => (partitions.includes(typed) || !typed ? partitions : partitions.filter((p) => p.includes(typed))),
    [partitions, typed],
  );
  return (
    <>
      <TextPicker<string>
        {...field}
        value={value}
        items={shown}
        itemToString={(p) => p ?? ""}
        valueOfOption={(p) => p}
        menuLabel={t("tables.partitionMenu", { name: summary?.name ?? table })}
        keyOf={(p) => p}
        render={(p) => <span className="mono">{p}</span>}
      />
      {summary && !partitioned ? (
        <p className="field-desc columns-unknown">{t("tables.notPartitioned", { name: summary.name })}</p>
      ) : null}
    </>
  );
}
