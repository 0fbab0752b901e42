/**
 * The table catalog Read Table reads from: `GET /api/tables` and
 * `GET /api/tables/:name/preview`. Local mode answers from the embedded engine's catalog; cloud
 * mode from the workspace's MaxCompute projects (PaiStudio SearchMCTables, GetMCTableSchema,
 * PreviewMCTable), or 501 TablesUnavailable when no workspace is configured.
 */
import { z } from "zod";
import { ColumnSchema } from "./schemas";

/** The project part of `project.table`: no `-`, so it never clashes with a run's output schema (`flow-...`). */
export const PROJECT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,127}$/;
/** The table part of `project.table`. */
export const TABLE_PART_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/** `project.table`, as Read Table's inputTableName and Write Table's outputTableName name a table. */
const TABLE_NAME_PATTERN = new RegExp(
  `^${PROJECT_NAME_PATTERN.source.slice(1, -1)}\\.${TABLE_PART_PATTERN.source.slice(1, -1)}$`,
);

export const TableNameSchema = z
  .string()
  .trim()
  .regex(TABLE_NAME_PATTERN, "a table name is project.table (letters, digits and _)");

/**
 * Who put a table in the local catalog: `sample` (installed sample data), `import`
 * (`pfd tables import`), `pipeline` (a Write Table step), `external` (found in the database
 * without a record), `maxcompute` (cloud mode: a table of the workspace's MaxCompute projects).
 * Only `pipeline` tables may be replaced by Write Table.
 */
export const TableOriginSchema = z.enum(["sample", "import", "pipeline", "external", "maxcompute"]);
export type TableOrigin = z.infer<typeof TableOriginSchema>;

export const TableSummarySchema = z.object({
  name: z.string(),
  kind: z.enum(["table", "view"]),
  origin: TableOriginSchema,
  rows: z.number().int().nullable(),
  columns: z.array(ColumnSchema),
  /** Partition columns (Write Table's outputTablePartition keys); empty when not partitioned. */
  partitionColumns: z.array(z.string()),
});
export type TableSummary = z.infer<typeof TableSummarySchema>;

export const ListTablesQuerySchema = z.object({
  /** Case-insensitive part of `project.table`. */
  keyword: z.string().max(256).optional(),
});

export const ListTablesResponseSchema = z.object({ tables: z.array(TableSummarySchema) });
export type ListTablesResponse = z.infer<typeof ListTablesResponseSchema>;

export const TablePreviewQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** A partition spec as Read Table takes it: `dt=20240101` or `dt=20240101/region=cn`. */
  partition: z.string().max(1024).optional(),
});

export const TablePreviewResponseSchema = z.object({
  name: z.string(),
  columns: z.array(ColumnSchema),
  partitionColumns: z.array(z.string()),
  /** The table's partitions (`dt=20240101/region=cn`), at most 1000, sorted. */
  partitions: z.array(z.string()),
  /** Rows as arrays, in the order of `columns`. */
  rows: z.array(z.array(z.unknown())),
  /** Rows in the table (or in the chosen partition); null when unknown (cloud mode: PAI does not count them). */
  totalCount: z.number().int().nullable(),
});
export type TablePreviewResponse = z.infer<typeof TablePreviewResponseSchema>;
