/**
 * Design-time routes: `POST /api/schemas` (every step's columns), `GET /api/tables` and
 * `GET /api/tables/:name/preview` (Read Table's table picker). Local mode asks the embedded
 * engine; cloud mode answers what it can (schemas) or 501 (tables) until the workspace's
 * PaiStudio operations are connected.
 */
import {
  ListTablesQuerySchema,
  type ListTablesResponse,
  SchemasRequestSchema,
  TableNameSchema,
  TablePreviewQuerySchema,
  type TablePreviewResponse,
} from "@pfd/shared";
import { Router } from "express";
import { cloudSchemas, localSchemas } from "../paiflow/schemas";
import type { AppContext } from "./context";
import { HttpError, invalidRequest } from "./errors";

const toColumns = (list: { Name: string; Type: string }[]) =>
  list.map((c) => ({ name: c.Name, type: c.Type }));

function localOnly(ctx: AppContext): void {
  if (ctx.mode !== "local") {
    throw new HttpError(
      501,
      "TablesUnavailable",
      "Browsing tables in cloud mode needs the PAI workspace connection (SearchMCTables, PreviewMCTable), which is not available yet: type the table name",
    );
  }
}

export function designRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post("/schemas", async (req, res) => {
    const parsed = SchemasRequestSchema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error, "body");
    res.json(
      ctx.mode === "local"
        ? await localSchemas(ctx.paiflow, parsed.data)
        : await cloudSchemas(parsed.data, undefined),
    );
  });

  router.get("/tables", async (req, res) => {
    localOnly(ctx);
    const query = ListTablesQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidRequest(query.error, "query");
    const result = await ctx.paiflow.listLocalTables(query.data.keyword);
    const body: ListTablesResponse = {
      tables: result.Tables.map((t) => ({
        name: t.Name,
        kind: t.Kind,
        origin: t.Origin,
        rows: t.Rows,
        columns: toColumns(t.Columns),
        partitionColumns: t.PartitionColumns,
      })),
    };
    res.json(body);
  });

  router.get("/tables/:name/preview", async (req, res) => {
    localOnly(ctx);
    const name = TableNameSchema.safeParse(req.params.name);
    if (!name.success)
      throw new HttpError(400, "InvalidRequest", `name: ${name.error.issues[0]?.message}`, { field: "name" });
    const query = TablePreviewQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidRequest(query.error, "query");
    const p = await ctx.paiflow.previewLocalTable(name.data, query.data);
    const body: TablePreviewResponse = {
      name: p.Name,
      columns: toColumns(p.Columns),
      partitionColumns: p.PartitionColumns,
      partitions: p.Partitions,
      rows: p.Rows,
      totalCount: p.TotalCount,
    };
    res.json(body);
  });

  return router;
}
