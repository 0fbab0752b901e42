/**
 * The cloud code path end to end against the embedded service, which answers PaiStudio's
 * design-time operations and jobs from its engine (signatures checked, the official client's
 * callApi): a table's columns from GetMCTableSchema, the picker and preview, a stored draft's
 * node input columns, and "Run this step" of a saved draft through CreateJob, run by the engine
 * with the step it needs Reused.
 */
import {
  CreateRunResponseSchema,
  canvasToGraph,
  graphToManifest,
  ListTablesResponseSchema,
  readCanvas,
  SchemasResponseSchema,
  serializeManifest,
  TablePreviewResponseSchema,
} from "@pfd/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalHarness, startLocalHarness, TWO_STEPS, waitForRunEnd } from "./harness";

const TABLE = "pai_online_project.wumai_data";
const AIR = ["time", "hour", "pm2", "pm10", "so2", "co", "no2"].map((name) => ({ name, type: "VARCHAR" }));

let h: LocalHarness;
let app: LocalHarness["app"];

beforeAll(async () => {
  h = await startLocalHarness({
    mode: "cloud",
    env: { PAI_WORKSPACE_ID: "local", MAXCOMPUTE_PROJECT: "pai_online_project" },
  });
  app = h.app;
});
afterAll(() => h.close());

describe("the cloud path against the embedded service", () => {
  it("a Read Table's columns come from GetMCTableSchema; a missing table says why", async () => {
    const body = SchemasResponseSchema.parse(
      (await request(app).post("/api/schemas").send({ manifest: TWO_STEPS }).expect(200)).body,
    );
    expect(body.source).toBe("workspace");
    expect(body.steps.read_air?.outputs.outputTable).toEqual({ kind: "table", columns: AIR });
    expect(body.steps.to_double?.inputs.inputTable).toEqual({ kind: "table", columns: AIR });
    const missing = SchemasResponseSchema.parse(
      (
        await request(app)
          .post("/api/schemas")
          .send({ manifest: TWO_STEPS.replace(TABLE, "nowhere.table1") })
          .expect(200)
      ).body,
    );
    expect(missing.steps.read_air?.reason).toMatch(/nowhere\.table1.*TableNotFound/);
  });

  it("the picker searches the catalog and previews 100 rows", async () => {
    const list = ListTablesResponseSchema.parse(
      (await request(app).get("/api/tables?keyword=wumai").expect(200)).body,
    );
    expect(list.tables.map((t) => [t.name, t.columns.length])).toEqual([[TABLE, 7]]);
    const preview = TablePreviewResponseSchema.parse(
      (await request(app).get(`/api/tables/${TABLE}/preview`).expect(200)).body,
    );
    expect(preview.rows).toHaveLength(100);
    expect(preview.columns).toEqual(AIR);
  });

  it('a saved draft: node input columns from GetNodeInputSchema, "Run this step" through CreateJob', async () => {
    const content = JSON.stringify({
      nodes: [
        {
          id: "read",
          name: "读数据表",
          metadata: { identifier: "data_source", version: "v1", provider: "pai" },
          properties: [{ name: "inputTableName", value: TABLE }],
          position: { x: 0, y: 0 },
        },
        {
          id: "convert",
          name: "类型转换",
          metadata: { identifier: "type_transform", version: "v1", provider: "pai" },
          properties: [{ name: "cols_to_double", value: "pm2,pm10" }],
          position: { x: 0, y: 100 },
        },
      ],
      edges: [{ source: "read", sourceAnchor: "outputTable", target: "convert", targetAnchor: "inputTable" }],
      globalParams: [],
      globalSettings: [],
    });
    const created = await request(app)
      .post("/api/workspace/drafts")
      .send({ name: "雾霾", content, accessibility: "PUBLIC" })
      .expect(201);
    const id: string = created.body.draft.id;
    const read = readCanvas(content);
    if (!read.base) throw new Error("canvas");
    const manifest = serializeManifest(
      graphToManifest(canvasToGraph(read.base.canvas, { draft: { id, name: "雾霾" } })),
    );
    const schemas = SchemasResponseSchema.parse(
      (await request(app).post("/api/schemas").send({ manifest, draftId: id }).expect(200)).body,
    );
    expect(schemas.steps.convert?.inputs.inputTable).toEqual({ kind: "table", columns: AIR });

    const full = CreateRunResponseSchema.parse(
      (await request(app).post("/api/runs").send({ manifest, sourceId: id }).expect(201)).body,
    );
    expect((await waitForRunEnd(app, full.pipelineRunId)).status).toBe("Succeeded");
    const scoped = CreateRunResponseSchema.parse(
      (
        await request(app)
          .post("/api/runs")
          .send({ manifest, sourceId: id, scope: { mode: "one", step: "convert" } })
          .expect(201)
      ).body,
    );
    const detail = await waitForRunEnd(app, scoped.pipelineRunId);
    expect(detail.sourceType).toBe("DESIGNER");
    expect(detail.steps.map((s) => [s.stepName, s.status])).toEqual([
      ["read", "Reused"],
      ["convert", "Succeeded"],
    ]);
    expect(detail.steps[0]?.reusedFrom?.pipelineRunId).toBe(full.pipelineRunId);
  });
});
