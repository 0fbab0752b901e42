import {
  CreateRunResponseSchema,
  ListRunsResponseSchema,
  PreviewResponseSchema,
  RunDetailSchema,
  RunManifestResponseSchema,
  StepLogsResponseSchema,
  StepOutputsResponseSchema,
} from "@pfd/shared";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness, TWO_STEPS } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { MAXCOMPUTE_PROJECT: "air_project", RUN_RATE_LIMIT: "1000" } });
});
afterAll(() => h.close());
beforeEach(() => {
  h.fake.calls.length = 0;
});

async function createRun(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await request(h.app)
    .post("/api/runs")
    .send({ manifest: TWO_STEPS, ...extra })
    .expect(201);
  return CreateRunResponseSchema.parse(res.body).pipelineRunId;
}

describe("POST /api/runs", () => {
  it("sends the manifest unchanged as a DESIGNER run, with the configured defaults", async () => {
    const res = await request(h.app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(201);
    const body = CreateRunResponseSchema.parse(res.body);
    expect(body.pipelineRunId).toMatch(/^flow-/);
    expect(body.requestId).not.toBe("");

    const [call] = h.fake.calls;
    expect(call).toMatchObject({ method: "POST", path: "/api/v1/pipelineruns", action: "CreatePipelineRun" });
    expect(call?.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=/);
    const sent = JSON.parse(call?.body ?? "{}");
    expect(sent.PipelineManifest).toBe(TWO_STEPS);
    expect(sent.SourceType).toBe("DESIGNER");
    expect(sent.WorkspaceId).toBe("ws-test");
    expect(sent.NoConfirmRequired).toBe(true);
    expect(sent.Name).toMatch(/^Air quality, typed \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const args = JSON.parse(sent.Arguments);
    expect(args.arguments.parameters[0]).toEqual({
      name: "execution_maxcompute",
      value: {
        endpoint: "http://service.cn-hangzhou.maxcompute.aliyun.com/api",
        odpsProject: "air_project",
        spec: {
          endpoint: "http://service.cn-hangzhou.maxcompute.aliyun.com/api",
          odpsProject: "air_project",
        },
        resourceType: "MaxCompute",
      },
    });
  });

  it("passes the caller's choices through", async () => {
    await createRun({
      name: "nightly",
      workspaceId: "ws-other",
      arguments: "arguments:\n  parameters: []\n",
      noConfirmRequired: false,
      accessibility: "PRIVATE",
      options: '{"mlflow":{"experimentId":"exp-9"}}',
      sourceId: "experiment-42",
    });
    const sent = JSON.parse(h.fake.calls[0]?.body ?? "{}");
    expect(sent).toMatchObject({
      Name: "nightly",
      WorkspaceId: "ws-other",
      Arguments: "arguments:\n  parameters: []\n",
      NoConfirmRequired: false,
      Accessibility: "PRIVATE",
      Options: '{"mlflow":{"experimentId":"exp-9"}}',
      SourceId: "experiment-42",
    });
  });

  it("refuses an invalid manifest with its problems, without calling PAIFlow", async () => {
    const broken = TWO_STEPS.replace('name: "read_air"', 'name: "read_air"\n      bad: [');
    const res = await request(h.app).post("/api/runs").send({ manifest: broken }).expect(400);
    expect(res.body.error.code).toBe("InvalidManifest");
    expect(res.body.error.problems.length).toBeGreaterThan(0);
    expect(res.body.error.problems[0].location.line).toBeGreaterThan(0);
    expect(h.fake.calls).toHaveLength(0);
  });

  it("needs a workspace in cloud mode", async () => {
    const bare = await startHarness({ env: { PAI_WORKSPACE_ID: "", MAXCOMPUTE_PROJECT: "p" } });
    try {
      const res = await request(bare.app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(400);
      expect(res.body.error).toMatchObject({ code: "WorkspaceRequired", field: "workspaceId" });
      expect(bare.fake.calls).toHaveLength(0);
    } finally {
      await bare.close();
    }
  });

  it("refuses bad fields by name", async () => {
    const res = await request(h.app)
      .post("/api/runs")
      .send({ manifest: TWO_STEPS, accessibility: "EVERYONE" })
      .expect(400);
    expect(res.body.error).toMatchObject({ code: "InvalidRequest", field: "accessibility" });
  });
});

describe("following a run", () => {
  it("maps PAIFlow's node tree back to the manifest's step names", async () => {
    const id = await createRun();
    const run = h.fake.run(id);
    if (!run.steps[0]) throw new Error("fake run has no steps");
    run.steps[0].status = "Succeeded";
    run.steps[0].finishedAt = "2026-01-01T00:00:30Z";
    const res = await request(h.app).get(`/api/runs/${id}`).expect(200);
    const detail = RunDetailSchema.parse(res.body);
    expect(detail).toMatchObject({ pipelineRunId: id, status: "Running", durationSec: 60, message: null });
    expect(detail.consoleUrl).toBe(
      `https://pai.console.aliyun.com/?regionId=cn-hangzhou&workspaceId=ws-test#/studio/task/detail/${id}`,
    );
    expect(detail.steps).toEqual([
      {
        stepName: "read_air",
        nodeId: `node-${id}-0`,
        status: "Succeeded",
        startedAt: "2026-01-01T00:00:01Z",
        finishedAt: "2026-01-01T00:00:30Z",
      },
      {
        stepName: "to_double",
        nodeId: `node-${id}-1`,
        status: "ReadyToSchedule",
        startedAt: null,
        finishedAt: null,
      },
    ]);
  });

  it("lists runs with paging", async () => {
    await createRun({ name: "listed" });
    const res = await request(h.app).get("/api/runs?page=1&pageSize=2").expect(200);
    const list = ListRunsResponseSchema.parse(res.body);
    expect(list.runs).toHaveLength(2);
    expect(list.runs[0]?.name).toBe("listed");
    expect(list.totalCount).toBeGreaterThanOrEqual(2);
    const q = new URL(`http://x${h.fake.calls.at(-1)?.path}`);
    expect(q.pathname).toBe("/api/v1/pipelineruns");
    await request(h.app).get("/api/runs?pageSize=1000").expect(400);
  });

  it("terminates, reruns and starts", async () => {
    const id = await createRun({ noConfirmRequired: false });
    expect(h.fake.runs.get(id)?.status).toBe("Initialized");
    await request(h.app).post(`/api/runs/${id}/start`).send({}).expect(200);
    expect(h.fake.runs.get(id)?.status).toBe("Running");
    const res = await request(h.app).post(`/api/runs/${id}/terminate`).send({}).expect(200);
    expect(res.body.pipelineRunId).toBe(id);
    expect(h.fake.runs.get(id)?.status).toBe("Terminated");
    await request(h.app).post(`/api/runs/${id}/rerun`).send({}).expect(200);
    expect(h.fake.runs.get(id)?.status).toBe("Running");
  });

  it("gives a step's logs by step name, with paging", async () => {
    const id = await createRun();
    const run = h.fake.runs.get(id);
    if (!run) throw new Error("fake run missing");
    run.logs.to_double = ["reading input", "converted 2 columns", "wrote 100 rows"];
    const res = await request(h.app).get(`/api/runs/${id}/steps/to_double/logs?offset=1`).expect(200);
    expect(StepLogsResponseSchema.parse(res.body)).toEqual({
      logs: ["converted 2 columns", "wrote 100 rows"],
      totalCount: 3,
      nextOffset: 3,
    });
    const missing = await request(h.app).get(`/api/runs/${id}/steps/nope/logs`).expect(404);
    expect(missing.body.error.code).toBe("StepNotFound");
  });

  it("gives a step's outputs", async () => {
    const id = await createRun();
    const res = await request(h.app).get(`/api/runs/${id}/steps/read_air/outputs`).expect(200);
    const { outputs } = StepOutputsResponseSchema.parse(res.body);
    expect(outputs[0]).toMatchObject({ name: "outputTable", type: "DataSet", producer: "read_air" });
  });

  it("gives back the manifest that ran", async () => {
    const id = await createRun();
    const res = await request(h.app).get(`/api/runs/${id}/manifest`).expect(200);
    expect(RunManifestResponseSchema.parse(res.body).manifest).toBe(TWO_STEPS);
  });

  it("answers 404 for an unknown run, keeping PAIFlow's code and request id", async () => {
    const res = await request(h.app).get("/api/runs/flow-missing").expect(404);
    expect(res.body.error).toMatchObject({ code: "200200004", source: "paiflow", upstreamStatus: 400 });
    expect(res.body.error.requestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it("says the preview needs local mode in cloud mode", async () => {
    const id = await createRun();
    const res = await request(h.app)
      .get(`/api/runs/${id}/steps/to_double/outputs/outputTable/preview`)
      .expect(501);
    expect(res.body.error.code).toBe("PreviewUnavailable");
  });
});

describe("local mode", () => {
  it("runs without a workspace or MaxCompute project and previews outputs", async () => {
    const local = await startHarness({
      env: { PAI_WORKSPACE_ID: "" },
      mode: "local",
      fake: { preview: true },
    });
    try {
      const created = await request(local.app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(201);
      const id = created.body.pipelineRunId as string;
      const sent = JSON.parse(local.fake.calls[0]?.body ?? "{}");
      expect(sent.WorkspaceId).toBe("local");
      expect(sent.Arguments).toBeUndefined();
      const detail = await request(local.app).get(`/api/runs/${id}`).expect(200);
      expect(detail.body.consoleUrl).toBeUndefined();
      const res = await request(local.app)
        .get(`/api/runs/${id}/steps/to_double/outputs/outputTable/preview?limit=1`)
        .expect(200);
      expect(PreviewResponseSchema.parse(res.body)).toEqual({
        columns: [
          { name: "time", type: "DOUBLE" },
          { name: "city", type: "VARCHAR" },
        ],
        rows: [[1.5, "hangzhou"]],
        totalCount: 2,
      });
      for (const entry of local.transcript) expect(entry).not.toContain(local.fake.accessKeySecret);
    } finally {
      await local.close();
    }
  });
});

describe("the secret", () => {
  it("never appears in any response or log line of this file", () => {
    expect(h.transcript.length).toBeGreaterThan(10);
    for (const entry of h.transcript) expect(entry).not.toContain(h.fake.accessKeySecret);
  });
});
