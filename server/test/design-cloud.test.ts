/**
 * Cloud mode's design-time work against the fake PAI workspace (signatures checked, the official
 * client's callApi): schemas from GetMCTableSchema and a saved draft's GetNodeInputSchema, the
 * table picker and preview (SearchMCTables, PreviewMCTable), a saved draft's "Run this step"
 * through CreateJob, and every failure leaving fields free text with the reason.
 */
import {
  ApiErrorSchema,
  CreateRunResponseSchema,
  canvasToGraph,
  graphToManifest,
  ListTablesResponseSchema,
  RunDetailSchema,
  readCanvas,
  SchemasResponseSchema,
  serializeManifest,
  TablePreviewResponseSchema,
} from "@pfd/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AIR_TABLE } from "./fake-workspace";
import { type Harness, startHarness, TWO_STEPS } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    workspace: { extra: 0 },
    env: { MAXCOMPUTE_PROJECT: "air_project", RUN_RATE_LIMIT: "1000" },
  });
});
afterAll(() => h.close());

const reading = (table: string) => TWO_STEPS.replace("pai_online_project.wumai_data", table);
const actions = () => h.fake.calls.map((c) => c.action);
const schemasOf = async (body: Record<string, unknown>) =>
  SchemasResponseSchema.parse((await request(h.app).post("/api/schemas").send(body).expect(200)).body);
const AIR = ["time", "hour", "pm2", "pm10", "so2", "co", "no2"].map((name) => ({ name, type: "STRING" }));

describe("schemas", () => {
  it("Read Table → Data Type Conversion: the table's columns come from GetMCTableSchema", async () => {
    const body = await schemasOf({ manifest: reading(AIR_TABLE) });
    expect(body.source).toBe("workspace");
    expect(body.steps.read_air?.outputs.outputTable).toEqual({ kind: "table", columns: AIR });
    expect(body.steps.to_double?.inputs.inputTable).toEqual({ kind: "table", columns: AIR });
    // PAI does not compute a conversion's output without a draft or a run: unknown, with why.
    expect(body.steps.to_double?.reason).toMatch(/saved draft|has run/);
    expect(actions()).toContain("GetMCTableSchema");
  });

  it("a table that is not there, or PaiStudio failing, leaves the columns unknown with the reason", async () => {
    const missing = await schemasOf({ manifest: reading("air_project.nowhere") });
    expect(missing.steps.read_air?.reason).toMatch(/air_project\.nowhere.*GetMCTableSchema.*TableNotExist/);
    expect(missing.steps.to_double?.inputs.inputTable).toMatchObject({ kind: "unknown" });

    const error = { kind: "error", status: 503, code: "ServiceUnavailable", message: "busy" } as const;
    h.fake.misbehave(error, error, error);
    const failing = await schemasOf({ manifest: reading("air_project.other") });
    expect(failing.steps.read_air?.reason).toMatch(/ServiceUnavailable/);
  });
});

describe("tables", () => {
  it("the picker lists the workspace's tables with their columns; a preview shows 100 rows", async () => {
    const list = ListTablesResponseSchema.parse((await request(h.app).get("/api/tables").expect(200)).body);
    expect(list.tables).toEqual([
      {
        name: AIR_TABLE,
        kind: "table",
        origin: "maxcompute",
        rows: null,
        columns: AIR,
        partitionColumns: [],
      },
    ]);
    const search = h.fake.calls.find((c) => c.action === "SearchMCTables");
    expect(search?.path).toBe("/api/v1/datasources/maxcompute/tables");
    const preview = TablePreviewResponseSchema.parse(
      (await request(h.app).get(`/api/tables/${AIR_TABLE}/preview`).expect(200)).body,
    );
    expect(preview.rows).toHaveLength(100);
    expect(preview).toMatchObject({ name: AIR_TABLE, columns: AIR, totalCount: null });
    const previewCall = h.fake.calls.findLast((c) => c.action === "PreviewMCTable");
    expect(previewCall?.path).toContain(`/tables/${AIR_TABLE}/preview`);

    const missing = await request(h.app).get("/api/tables/air_project.nowhere/preview").expect(400);
    expect(ApiErrorSchema.parse(missing.body).error).toMatchObject({
      code: "TableNotExist",
      source: "paistudio",
      message: expect.stringContaining("air_project.nowhere"),
    });
  });
});

describe("a saved draft", () => {
  const READ = "id-aa01-1700000000001-10001";
  const CONVERT = "id-aa02-1700000000002-10002";
  const canvas = JSON.stringify({
    nodes: [
      {
        id: READ,
        name: "读数据表",
        metadata: { identifier: "data_source", version: "v1", provider: "pai" },
        properties: [{ name: "inputTableName", value: AIR_TABLE }],
        position: { x: 100, y: 80 },
      },
      {
        id: CONVERT,
        name: "类型转换",
        metadata: { identifier: "type_transform", version: "v1", provider: "pai" },
        properties: [{ name: "cols_to_double", value: "pm2,pm10" }],
        position: { x: 100, y: 200 },
      },
    ],
    edges: [{ source: READ, sourceAnchor: "outputTable", target: CONVERT, targetAnchor: "inputTable" }],
    globalParams: [],
    globalSettings: [],
  });
  let id: string;
  let manifest: string;
  beforeAll(async () => {
    const created = await request(h.app)
      .post("/api/workspace/drafts")
      .send({ name: "雾霾", content: canvas, accessibility: "PUBLIC" })
      .expect(201);
    id = created.body.draft.id;
    const read = readCanvas(canvas);
    if (!read.base) throw new Error("canvas");
    manifest = serializeManifest(
      graphToManifest(canvasToGraph(read.base.canvas, { draft: { id, name: "雾霾" } })),
    );
  });

  it("its nodes' input columns come from GetNodeInputSchema", async () => {
    const body = await schemasOf({ manifest, draftId: id });
    expect(body.steps[CONVERT]?.inputs.inputTable).toEqual({ kind: "table", columns: AIR });
    const asked = h.fake.calls.find((c) => c.action === "GetNodeInputSchema");
    expect(asked?.path).toBe(`/api/v1/experiments/${id}/nodes/${CONVERT}/schema`);
  });

  it('"Run this step" goes through CreateJob with EXECUTE_ONE once the steps it needs have run', async () => {
    const scope = { mode: "one", step: CONVERT };
    const refused = await request(h.app)
      .post("/api/runs")
      .send({ manifest, sourceId: id, scope })
      .expect(400);
    expect(ApiErrorSchema.parse(refused.body).error).toMatchObject({
      code: "StepOutputMissing",
      field: READ,
    });
    expect(actions()).not.toContain("CreateJob");

    const full = CreateRunResponseSchema.parse(
      (await request(h.app).post("/api/runs").send({ manifest, sourceId: id }).expect(201)).body,
    );
    const earlier = h.fake.run(full.pipelineRunId);
    for (const step of earlier.steps) step.status = "Succeeded";
    earlier.status = "Succeeded";

    const scoped = CreateRunResponseSchema.parse(
      (await request(h.app).post("/api/runs").send({ manifest, sourceId: id, scope }).expect(201)).body,
    );
    const create = h.fake.calls.find((c) => c.action === "CreateJob");
    expect(JSON.parse(create?.body ?? "{}")).toEqual({
      PipelineDraftId: id,
      ExecuteType: "EXECUTE_ONE",
      NodeId: CONVERT,
    });
    expect(h.workspace?.jobs.at(-1)?.RunId).toBe(scoped.pipelineRunId);
    const detail = RunDetailSchema.parse(
      (await request(h.app).get(`/api/runs/${scoped.pipelineRunId}`).expect(200)).body,
    );
    expect(detail.steps.map((s) => [s.stepName, s.status])).toEqual([
      [CONVERT, "Running"],
      [READ, "Reused"],
    ]);
    expect(detail.steps[1]?.reusedFrom).toMatchObject({ pipelineRunId: full.pipelineRunId, stepName: READ });
  });

  it("with unsaved edits, a step is not run: the draft must be saved first", async () => {
    const res = await request(h.app)
      .post("/api/runs")
      .send({ manifest, unsavedDraftId: id, scope: { mode: "to", step: CONVERT } })
      .expect(409);
    expect(ApiErrorSchema.parse(res.body).error).toMatchObject({
      code: "DraftUnsaved",
      message: expect.stringMatching(/save the draft/),
    });
  });
});
