/**
 * Design-time routes: `POST /api/schemas` (every step's columns), `GET /api/tables` and
 * `GET /api/tables/:name/preview` (Read Table's table picker). Local mode asks the embedded
 * engine; cloud mode asks the PAI workspace (paistudio/design.ts), and answers 501 for tables
 * when no workspace is configured.
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
import { CloudSchemas, localSchemas } from "../paiflow/schemas";
import type { WorkspaceDesign } from "../paistudio/design";
import type { AppContext } from "./context";
import { HttpError, invalidRequest } from "./errors";

const toColumns = (list: { Name: string; Type: string }[]) =>
  list.map((c) => ({ name: c.Name, type: c.Type }));

/** Cloud mode's table catalog: the workspace's, or 501 without one. */
function cloudTables(ctx: AppContext): WorkspaceDesign {
  const design = ctx.workspace?.design;
  if (!design) {
    throw new HttpError(
      501,
      "TablesUnavailable",
      "Browsing tables in cloud mode needs a PAI workspace (PAI_WORKSPACE_ID on the server): type the table name",
    );
  }
  return design;
}

export function designRoutes(ctx: AppContext): Router {
  const router = Router();
  const cloud = new CloudSchemas(ctx.workspace?.design, async () => (await ctx.components()).components);

  router.post("/schemas", async (req, res) => {
    const parsed = SchemasRequestSchema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error, "body");
    res.json(
      ctx.mode === "local" ? await localSchemas(ctx.paiflow, parsed.data) : await cloud.schemas(parsed.data),
    );
  });

  router.get("/tables", async (req, res) => {
    const query = ListTablesQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidRequest(query.error, "query");
    if (ctx.mode === "cloud") {
      res.json(await cloudTables(ctx).listTables(query.data.keyword));
      return;
    }
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
    const name = TableNameSchema.safeParse(req.params.name);
    if (!name.success)
      throw new HttpError(400, "InvalidRequest", `name: ${name.error.issues[0]?.message}`, { field: "name" });
    const query = TablePreviewQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidRequest(query.error, "query");
    if (ctx.mode === "cloud") {
      res.json(await cloudTables(ctx).preview(name.data, query.data));
      return;
    }
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
