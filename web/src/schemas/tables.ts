/** The table catalog as the web asks for it: one query for the list, one per table preview. */
import { queryOptions } from "@tanstack/react-query";
import type { RunApi } from "../run/api";

/** The first rows a preview shows (the "first 100 rows"). */
const PREVIEW_ROWS = 100;

const tableKeys = {
  list: (keyword: string) => ["tables", "list", keyword] as const,
  preview: (name: string) => ["tables", "preview", name] as const,
};

/** The catalog's tables, or those the server finds for `keyword` (cloud mode lists a page at a time). */
export function tablesQuery(api: Pick<RunApi, "tables">, keyword = "") {
  return queryOptions({
    queryKey: tableKeys.list(keyword),
    queryFn: ({ signal }) => api.tables(keyword || undefined, signal),
    // Tables change when a run writes one or someone imports one: a minute is fresh enough to pick from.
    staleTime: 60_000,
    retry: false,
  });
}

export function tablePreviewQuery(api: Pick<RunApi, "tablePreview">, name: string) {
  return queryOptions({
    queryKey: tableKeys.preview(name),
    queryFn: ({ signal }) => api.tablePreview(name, { limit: PREVIEW_ROWS }, signal),
    staleTime: 60_000,
    retry: false,
  });
}
