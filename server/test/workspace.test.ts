/**
 * The workspace routes against the fake cloud (signatures checked): the palette with sources and
 * lazy definitions, drafts opened, saved and saved as, conflicts, folders, templates, bad
 * drafts, upstream errors, and runs of a draft tied to it by SourceId.
 */
import { canvasToGraph, graphToManifest, readCanvas, serializeManifest } from "@pfd/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/env";
import { connectPaiflow } from "../src/paiflow/connect";
import { type Harness, type Person, proxyHeaders, startHarness } from "./harness";

const lei: Person = { id: "lilei", name: "Li Lei", groups: "runners" };
const vera: Person = { id: "vera", name: "Vera Viewer", groups: "analysts" };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    workspace: { extra: 4 },
    env: { AUTH_MODE: "proxy", TRUSTED_PROXIES: "127.0.0.1,::1", AUTH_RUNNER_GROUPS: "runners" },
  });
});
afterAll(() => h.close());

/** Requests signed in through the proxy as `person`. */
const as = (person: Person) => ({
  get: (path: string) => request(h.app).get(path).set(proxyHeaders(person)),
  post: (path: string) => request(h.app).post(path).set(proxyHeaders(person)),
  put: (path: string) => request(h.app).put(path).set(proxyHeaders(person)),
});

const canvas = (value: string) =>
  JSON.stringify({
    nodes: [
      {
        id: "id-aa01-1700000000001-10001",
        name: "读数据表",
        metadata: { identifier: "data_source", version: "v1", provider: "pai" },
        properties: [{ name: "inputTableName", value }],
        position: { x: 100, y: 80 },
        status: "kept",
      },
    ],
    edges: [],
    globalParams: [],
    globalSettings: [],
  });

async function newDraft(name: string, content = canvas("a.b")): Promise<{ id: string; version: number }> {
  const res = await as(lei)
    .post("/api/workspace/drafts")
    .send({ name, content, accessibility: "PUBLIC" })
    .expect(201);
  return res.body.draft;
}

describe("palette", () => {
  it("answers the workspace's components with their source, and a definition on demand", async () => {
    const res = await as(lei).get("/api/components").expect(200);
    expect(res.body.workspace).toMatchObject({ timestamp: "20240101000000" });
    const byId = new Map(res.body.components.map((c: { identifier: string }) => [c.identifier, c]));
    expect(byId.get("split")).toMatchObject({
      source: "workspace",
      displayName: { en: "Split", zh: "拆分" },
    });
    expect(byId.get("algo_001")).toMatchObject({ source: "workspace", pending: true });
    const def = await as(lei).get("/api/components/pai/algo_001/v1").expect(200);
    expect(def.body.component).toMatchObject({ identifier: "algo_001", inputs: [{ name: "inputTable" }] });
    expect(def.body.component.pending).toBeUndefined();
    await as(lei).get("/api/components/pai/nope/v1").expect(404);
    const refreshed = await as(lei).post("/api/components/refresh").send({}).expect(200);
    expect(
      refreshed.body.components.find((c: { identifier: string }) => c.identifier === "algo_001").pending,
    ).toBeUndefined();
  });
});

describe("drafts", () => {
  it("creates, opens and saves a draft with its Version, naming who saved it", async () => {
    const created = await newDraft("销量");
    expect(created).toMatchObject({ name: "销量", version: 2, savedBy: "Li Lei" });
    const opened = await as(lei).get(`/api/workspace/drafts/${created.id}`).expect(200);
    expect(opened.body.content).toBe(canvas("a.b"));
    const saved = await as(lei)
      .put(`/api/workspace/drafts/${created.id}`)
      .send({ content: canvas("c.d"), version: opened.body.draft.version })
      .expect(200);
    expect(saved.body.draft).toMatchObject({ version: 3, savedBy: "Li Lei", modifiedAt: expect.any(String) });
    const again = await as(lei).get(`/api/workspace/drafts/${created.id}`).expect(200);
    expect(again.body.content).toBe(canvas("c.d"));
  });

  it("lets viewers open drafts, not save them; every save, allowed or not, is in the audit log", async () => {
    const { id, version } = await newDraft("审计");
    await as(vera).get(`/api/workspace/drafts/${id}`).expect(200);
    const refused = await as(vera)
      .put(`/api/workspace/drafts/${id}`)
      .send({ content: canvas("v"), version })
      .expect(403);
    expect(refused.body.error).toMatchObject({
      code: "Forbidden",
      message: expect.stringContaining("viewer"),
    });
    await as(vera)
      .post("/api/workspace/drafts")
      .send({ name: "v", content: canvas("v") })
      .expect(403);
    await as(lei)
      .put(`/api/workspace/drafts/${id}`)
      .send({ content: canvas("l"), version })
      .expect(200);
    const entries = h.audit().filter((e) => (e.target as { draftId?: string } | undefined)?.draftId === id);
    expect(entries.map((e) => [e.action, e.outcome, (e.user as { id: string }).id])).toEqual([
      ["draft.create", "success", "lilei"],
      ["draft.save", "denied", "vera"],
      ["draft.save", "success", "lilei"],
    ]);
    expect(entries[0]?.target).toEqual({ draftId: id, version: String(version) });
  });

  it("refuses a save based on a version someone else changed, and overwrites nothing", async () => {
    const { id, version } = await newDraft("冲突");
    await h.workspace?.editInConsole(id, canvas("console.edit"));
    const res = await as(lei)
      .put(`/api/workspace/drafts/${id}`)
      .send({ content: canvas("mine"), version })
      .expect(409);
    expect(res.body.error).toMatchObject({
      code: "DraftConflict",
      conflict: {
        version: version + 1,
        modifiedAt: expect.any(String),
        savedBy: null,
        throughDesigner: false,
      },
    });
    expect(res.body.error.message).toContain("someone in PAI's console");
    const theirs = await as(lei).get(`/api/workspace/drafts/${id}`).expect(200);
    expect(theirs.body.content).toBe(canvas("console.edit"));
  });

  it("names the designer user whose save made the other version", async () => {
    const { id, version } = await newDraft("两个标签页");
    await as(lei)
      .put(`/api/workspace/drafts/${id}`)
      .send({ content: canvas("tab 1"), version })
      .expect(200);
    const res = await as(lei)
      .put(`/api/workspace/drafts/${id}`)
      .send({ content: canvas("tab 2"), version })
      .expect(409);
    expect(res.body.error.conflict).toMatchObject({
      version: version + 1,
      savedBy: "Li Lei",
      throughDesigner: true,
    });
  });

  it("browses folders and finds a draft saved into one, with its creator", async () => {
    const folder = await as(lei)
      .post("/api/workspace/folders")
      .send({ name: "季度分析", accessibility: "PUBLIC" })
      .expect(201);
    const res = await as(lei)
      .post("/api/workspace/drafts")
      .send({ name: "Q1", folderId: folder.body.id, content: canvas("q1"), accessibility: "PRIVATE" })
      .expect(201);
    const root = await as(lei).get("/api/workspace/folders/root").expect(200);
    expect(root.body.entries).toContainEqual({
      kind: "folder",
      id: folder.body.id,
      name: "季度分析",
      empty: false,
      modifiedAt: expect.any(String),
    });
    const inside = await as(lei).get(`/api/workspace/folders/${folder.body.id}`).expect(200);
    expect(inside.body.entries).toEqual([
      {
        kind: "draft",
        id: res.body.draft.id,
        name: "Q1",
        modifiedAt: expect.any(String),
        creator: expect.any(String),
      },
    ]);
    const publicOnly = await as(lei)
      .get(`/api/workspace/folders/${folder.body.id}?accessibility=PUBLIC`)
      .expect(200);
    expect(publicOnly.body.entries).toEqual([]);
  });

  it("lists the workspace's templates and gives one's canvas", async () => {
    const list = await as(lei).get("/api/workspace/templates").expect(200);
    expect(list.body.templates.length).toBeGreaterThanOrEqual(2);
    const first = list.body.templates[0];
    const one = await as(lei).get(`/api/workspace/templates/${first.id}`).expect(200);
    expect(readCanvas(one.body.content).base?.canvas.nodes?.length).toBeGreaterThan(1);
  });

  it("runs a saved draft as PAI Designer does: SourceType DESIGNER, SourceId the draft id", async () => {
    const { id } = await newDraft("运行");
    const opened = await as(lei).get(`/api/workspace/drafts/${id}`).expect(200);
    const read = readCanvas(opened.body.content);
    if (!read.base) throw new Error("canvas");
    const manifest = serializeManifest(
      graphToManifest(canvasToGraph(read.base.canvas, { draft: { id, name: "运行" } })),
    );
    const args = JSON.stringify({
      arguments: {
        parameters: [{ name: "execution_maxcompute", value: { odpsProject: "p", endpoint: "e" } }],
      },
    });
    const run = await as(lei).post("/api/runs").send({ manifest, sourceId: id, arguments: args }).expect(201);
    expect(h.fake.runs.get(run.body.pipelineRunId)?.body).toMatchObject({
      SourceType: "DESIGNER",
      SourceId: id,
    });
  });
});

describe("bad drafts and upstream errors", () => {
  it("refuses a canvas that cannot be read, naming the draft, what and where", async () => {
    const { id } = await newDraft("坏的");
    await h.workspace?.corrupt(id, '{"nodes": [\n  {"id": "a",,}\n]}');
    const res = await as(lei).get(`/api/workspace/drafts/${id}`).expect(422);
    expect(res.body.error).toMatchObject({ code: "InvalidDraft" });
    expect(res.body.error.message).toMatch(
      new RegExp(`^Draft ${id}: the canvas is not valid JSON: .*\\(line 2, column \\d+\\)$`),
    );
    expect(res.body.error.problems[0]).toMatchObject({ code: "canvas-json", location: { line: 2 } });
  });

  it("refuses a draft larger than the manifest limit with 413, before reading it", async () => {
    const { id, version } = await newDraft("太大");
    const huge = `{"nodes":[],"note":"${"x".repeat(5.5 * 1024 * 1024)}"}`;
    await h.workspace?.corrupt(id, huge);
    const open = await as(lei).get(`/api/workspace/drafts/${id}`).expect(413);
    expect(open.body.error).toMatchObject({ code: "DraftTooLarge", message: expect.stringContaining(id) });
    const save = await as(lei)
      .put(`/api/workspace/drafts/${id}`)
      .send({ content: huge, version })
      .expect(413);
    expect(save.body.error.code).toBe("DraftTooLarge");
  });

  it("passes PaiStudio's code and request id on", async () => {
    const res = await as(lei).get("/api/workspace/drafts/draft-doesnotexist").expect(404);
    expect(res.body.error).toMatchObject({
      code: "ExperimentNotFound",
      source: "paistudio",
      requestId: expect.any(String),
    });
    await as(lei).get("/api/workspace/drafts/..%2Fetc").expect(400);
  });

  it("detects a conflict whatever code PaiStudio uses for it", async () => {
    const other = await startHarness({
      workspace: { extra: 0, conflict: { status: 400, code: "InvalidParameter.Version" } },
    });
    try {
      const created = await request(other.app)
        .post("/api/workspace/drafts")
        .send({ name: "x", content: canvas("x") })
        .expect(201);
      const { id, version } = created.body.draft;
      await other.workspace?.editInConsole(id, canvas("y"));
      const res = await request(other.app)
        .put(`/api/workspace/drafts/${id}`)
        .send({ content: canvas("z"), version })
        .expect(409);
      expect(res.body.error.conflict.version).toBe(version + 1);
    } finally {
      await other.close();
    }
  });

  it("asks for a workspace when none is configured", async () => {
    const bare = await startHarness({ workspace: { extra: 0 }, env: { PAI_WORKSPACE_ID: "" } });
    try {
      const res = await request(bare.app).get("/api/workspace/folders/root").expect(400);
      expect(res.body.error.code).toBe("WorkspaceRequired");
    } finally {
      await bare.close();
    }
  });
});

describe("configuration", () => {
  it("calls PaiStudio at pai.<region>.aliyuncs.com, or PAISTUDIO_ENDPOINT, with PAIFLOW_PROTOCOL", async () => {
    const options = {
      logger: h.transcript as never,
      startLocal: async () => never(),
      detect: () => "environment" as const,
    };
    const regional = await connectPaiflow(loadConfig({ ALIBABA_CLOUD_REGION_ID: "cn-beijing" }), options);
    expect(regional.studioEndpoint).toBe("pai.cn-beijing.aliyuncs.com");
    const custom = await connectPaiflow(
      loadConfig({ PAISTUDIO_ENDPOINT: "127.0.0.1:9", PAIFLOW_PROTOCOL: "http" }),
      options,
    );
    expect(custom.studioEndpoint).toBe("127.0.0.1:9");
    expect(() => loadConfig({ PAISTUDIO_ENDPOINT: "https://pai.cn-beijing.aliyuncs.com" })).toThrow(
      /PAISTUDIO_ENDPOINT: must be host\[:port\]/,
    );
  });
});

function never(): never {
  throw new Error("local mode was not expected");
}
