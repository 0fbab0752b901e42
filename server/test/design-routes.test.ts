/**
 * The design-time routes and the run contract's scope and reuse, through the server: in local
 * mode against a real embedded PAIFlow, in cloud mode against the fake.
 */
import {
  ApiErrorSchema,
  CreateRunResponseSchema,
  ListTablesResponseSchema,
  RunDetailSchema,
  SchemasResponseSchema,
  TablePreviewResponseSchema,
} from "@pfd/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REUSED_ANNOTATION } from "../src/paiflow/partial";
import {
  type Harness,
  type LocalHarness,
  startHarness,
  startLocalHarness,
  TWO_STEPS,
  waitForRunEnd,
} from "./harness";

describe("local mode", () => {
  let h: LocalHarness;
  let app: LocalHarness["app"];

  beforeAll(async () => {
    h = await startLocalHarness({ mode: "local" });
    app = h.app;
  });
  afterAll(() => h.close());

  it("POST /api/schemas gives every step's columns", async () => {
    const res = await request(app).post("/api/schemas").send({ manifest: TWO_STEPS }).expect(200);
    const body = SchemasResponseSchema.parse(res.body);
    expect(body.source).toBe("engine");
    const read = body.steps.read_air?.outputs.outputTable;
    expect(read?.kind === "table" && read.columns.map((c) => `${c.name} ${c.type}`)).toEqual([
      "time VARCHAR",
      "hour VARCHAR",
      "pm2 VARCHAR",
      "pm10 VARCHAR",
      "so2 VARCHAR",
      "co VARCHAR",
      "no2 VARCHAR",
    ]);
    const converted = body.steps.to_double?.outputs.outputTable;
    expect(converted?.kind === "table" && converted.columns.slice(2, 4)).toEqual([
      { name: "pm2", type: "DOUBLE" },
      { name: "pm10", type: "DOUBLE" },
    ]);
    const bad = await request(app).post("/api/schemas").send({ manifest: "" }).expect(400);
    expect(ApiErrorSchema.parse(bad.body).error.code).toBe("InvalidRequest");
  });

  it("GET /api/tables and a table's preview of 100 rows", async () => {
    const list = ListTablesResponseSchema.parse(
      (await request(app).get("/api/tables?keyword=wumai").expect(200)).body,
    );
    expect(list.tables.map((t) => [t.name, t.kind, t.origin, t.rows])).toEqual([
      ["pai_inner_project.wumai_data", "view", "sample", 17_544],
      ["pai_online_project.wumai_data", "table", "sample", 17_544],
    ]);
    const preview = TablePreviewResponseSchema.parse(
      (await request(app).get("/api/tables/pai_online_project.wumai_data/preview").expect(200)).body,
    );
    expect(preview.rows).toHaveLength(100);
    expect(preview.columns).toHaveLength(7);
    expect(preview).toMatchObject({ partitionColumns: [], partitions: [], totalCount: 17_544 });
    const badName = await request(app).get("/api/tables/no-dots/preview").expect(400);
    expect(ApiErrorSchema.parse(badName.body).error).toMatchObject({ code: "InvalidRequest", field: "name" });
    const missing = await request(app).get("/api/tables/nowhere.table1/preview").expect(404);
    expect(ApiErrorSchema.parse(missing.body).error.code).toBe("TableNotFound");
  });

  it("POST /api/runs with a scope reuses what it needs; Reused steps say where from", async () => {
    const full = CreateRunResponseSchema.parse(
      (await request(app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(201)).body,
    );
    expect((await waitForRunEnd(app, full.pipelineRunId)).status).toBe("Succeeded");
    const scoped = CreateRunResponseSchema.parse(
      (
        await request(app)
          .post("/api/runs")
          .send({ manifest: TWO_STEPS, scope: { mode: "one", step: "to_double" } })
          .expect(201)
      ).body,
    );
    const detail = await waitForRunEnd(app, scoped.pipelineRunId);
    expect(detail.status).toBe("Succeeded");
    expect(detail.steps.map((s) => [s.stepName, s.status])).toEqual([
      ["read_air", "Reused"],
      ["to_double", "Succeeded"],
    ]);
    expect(detail.steps[0]?.reusedFrom).toEqual({
      pipelineRunId: full.pipelineRunId,
      stepName: "read_air",
      nodeId: expect.stringMatching(/^node-/),
    });
    const fresh = CreateRunResponseSchema.parse(
      (await request(app).post("/api/runs").send({ manifest: TWO_STEPS, reuse: false }).expect(201)).body,
    );
    expect((await waitForRunEnd(app, fresh.pipelineRunId)).steps.map((s) => s.status)).toEqual([
      "Succeeded",
      "Succeeded",
    ]);
  });

  it("refuses a scoped run whose needed output does not exist, with the step to run first", async () => {
    const changed = TWO_STEPS.replace("pai_online_project.wumai_data", "pai_inner_project.wumai_data");
    const res = await request(app)
      .post("/api/runs")
      .send({ manifest: changed, scope: { mode: "one", step: "to_double" } })
      .expect(400);
    expect(ApiErrorSchema.parse(res.body).error).toMatchObject({
      code: "StepOutputMissing",
      field: "read_air",
      message: expect.stringMatching(/run "read_air" first/),
    });
  });
});

describe("cloud mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MAXCOMPUTE_PROJECT: "air_project", RUN_RATE_LIMIT: "1000" } });
  });
  afterAll(() => h.close());

  it("without a workspace, schemas are unknown with the reason, never an error; tables are not available", async () => {
    const body = SchemasResponseSchema.parse(
      (await request(h.app).post("/api/schemas").send({ manifest: TWO_STEPS }).expect(200)).body,
    );
    expect(body.source).toBe("none");
    expect(body.steps).toEqual({});
    expect(body.reason).toMatch(/PAI_WORKSPACE_ID/);
    const tables = await request(h.app).get("/api/tables").expect(501);
    expect(ApiErrorSchema.parse(tables.body).error.code).toBe("TablesUnavailable");
  });

  it("a scoped run submits a derived manifest whose cut inputs read the earlier run's outputs", async () => {
    const refused = await request(h.app)
      .post("/api/runs")
      .send({ manifest: TWO_STEPS, scope: { mode: "one", step: "to_double" } })
      .expect(400);
    expect(ApiErrorSchema.parse(refused.body).error).toMatchObject({
      code: "StepOutputMissing",
      field: "read_air",
    });

    const first = CreateRunResponseSchema.parse(
      (await request(h.app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(201)).body,
    );
    const earlier = h.fake.run(first.pipelineRunId);
    for (const step of earlier.steps) step.status = "Succeeded";
    earlier.status = "Succeeded";

    const scoped = CreateRunResponseSchema.parse(
      (
        await request(h.app)
          .post("/api/runs")
          .send({ manifest: TWO_STEPS, scope: { mode: "one", step: "to_double" } })
          .expect(201)
      ).body,
    );
    const submitted = String(h.fake.run(scoped.pipelineRunId).body.PipelineManifest);
    expect(submitted).not.toContain('name: "read_air"');
    expect(submitted).toContain(REUSED_ANNOTATION);
    expect(submitted).not.toContain("pipelines.read_air.outputs");
    expect(submitted).toMatch(/name: "inputTable"\s+value:\s+location:\s+table: "t"/);
    expect(submitted).not.toMatch(/dependencies:\s+- "read_air"/);
    const detail = RunDetailSchema.parse(
      (await request(h.app).get(`/api/runs/${scoped.pipelineRunId}`).expect(200)).body,
    );
    expect(detail.steps.map((s) => [s.stepName, s.status])).toEqual([
      ["to_double", "Running"],
      ["read_air", "Reused"],
    ]);
    expect(detail.steps[1]?.reusedFrom).toMatchObject({
      pipelineRunId: first.pipelineRunId,
      stepName: "read_air",
    });
  });
});
