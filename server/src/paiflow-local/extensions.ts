/**
 * The local service's design-time extensions (not PAIFlow operations), signed like the rest:
 * - `POST /api/v1/local/schemas` `{PipelineManifest, Arguments?}` ->
 *   `{Version, Steps: {<step>: {inputs, outputs, reason?}}, Reason?}` (ports as shared's PortSchema)
 * - `GET /api/v1/local/tables?Keyword=` -> `{Tables: [{Name, Kind, Origin, Rows, Columns, PartitionColumns}]}`
 * - `GET /api/v1/local/tables/{project.table}/preview?Limit=100&Partition=dt=1` ->
 *   `{Name, Columns, PartitionColumns, Partitions, Rows, TotalCount}`
 */

import type { Column } from "./engine/sql";
import { jsonCell } from "./engine/sql";
import { intParam, invalidParameter, missingParameter } from "./errors";
import type { PaiflowService } from "./service";

interface ExtensionCall {
  params: string[];
  query: Record<string, string>;
  body: Record<string, unknown>;
}

const columns = (list: Column[]) => list.map((c) => ({ Name: c.name, Type: c.type }));

const text = (body: Record<string, unknown>, name: string, max: number): string | undefined => {
  const v = body[name];
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v !== "string") throw invalidParameter(name, "must be a string");
  if (v.length > max) throw invalidParameter(name, `longer than ${max} characters`);
  return v;
};

export const EXTENSION_ROUTES: {
  method: string;
  path: RegExp;
  handler: (svc: PaiflowService, call: ExtensionCall) => Promise<Record<string, unknown>>;
}[] = [
  {
    method: "POST",
    path: /^\/api\/v1\/local\/schemas$/,
    handler: async (svc, c) => {
      const manifest = text(c.body, "PipelineManifest", 2_000_000);
      if (!manifest) throw missingParameter("PipelineManifest");
      const result = await svc.design.schemas(manifest, text(c.body, "Arguments", 1_000_000));
      return {
        Version: result.version,
        Steps: result.steps,
        ...(result.reason ? { Reason: result.reason } : {}),
      };
    },
  },
  {
    method: "GET",
    path: /^\/api\/v1\/local\/tables$/,
    handler: async (svc, c) => ({
      Tables: (await svc.design.tables(c.query.Keyword)).map((t) => ({
        Name: t.name,
        Kind: t.kind,
        Origin: t.origin,
        Rows: t.rows,
        Columns: columns(t.columns),
        PartitionColumns: t.partitionColumns,
      })),
    }),
  },
  {
    method: "GET",
    path: /^\/api\/v1\/local\/tables\/([^/]+)\/preview$/,
    handler: async (svc, c) => {
      const limit = intParam(c.query.Limit, "Limit", 100, 1, 1000);
      const p = await svc.design.preview(c.params[0] as string, limit, c.query.Partition || undefined);
      return {
        Name: p.name,
        Columns: columns(p.columns),
        PartitionColumns: p.partitionColumns,
        Partitions: p.partitions,
        Rows: p.rows.map((r) => r.map(jsonCell)),
        TotalCount: p.totalCount,
      };
    },
  },
];
