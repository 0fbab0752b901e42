/**
 * The local service's PaiStudio API (PAI Designer's drafts, folders, algorithm tree, templates)
 * and PAIFlow's component registry, driven with @alicloud/openapi-client's callApi on PaiStudio's
 * ROA paths, as the server's PaiStudio client drives them.
 */
import { catalog, componentKey, componentsFromManifest, parseManifest, VERSION_CONFLICT } from "@pfd/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, paiflowClient } from "./client";
import { type Harness, startHarness } from "./harness";

// biome-ignore lint/suspicious/noExplicitAny: response bodies, checked field by field below
type Body = Record<string, any>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const WS = "ws-studio";
const canvas = (label: string) =>
  JSON.stringify({
    nodes: [
      {
        id: "id-aaaa-1700000000000-00001",
        name: label,
        metadata: { identifier: "data_source", version: "v1", provider: "pai" },
        properties: [{ name: "inputTableName", value: "pai_online_project.wumai_data" }],
        position: { x: 10, y: 20 },
      },
    ],
    edges: [],
    globalParams: [],
    globalSettings: [],
  });

async function createDraft(body: Body = {}): Promise<string> {
  const res = await h.call<Body>("CreateExperiment", "POST", "/api/v1/experiments", {
    body: { Name: "草稿", FolderId: "root", WorkspaceId: WS, ...body },
  });
  expect(res.ExperimentId).toMatch(/^draft-[0-9a-z]+$/);
  return res.ExperimentId;
}

describe("drafts", () => {
  it("creates, reads and saves a draft, each save checked against its Version", async () => {
    const id = await createDraft({ Accessibility: "PUBLIC", Description: "d" });
    const read = await h.call<Body>("GetExperiment", "GET", `/api/v1/experiments/${id}`);
    expect(read).toMatchObject({ ExperimentId: id, Name: "草稿", Version: 1, WorkspaceId: WS });
    expect(JSON.parse(read.Content)).toEqual({ nodes: [], edges: [], globalParams: [], globalSettings: [] });
    const meta = await h.call<Body>("GetExperimentMeta", "GET", `/api/v1/experiments/${id}/meta`);
    expect(meta.Version).toBe("1");
    expect(meta.Content).toBeUndefined();

    const saved = await h.call<Body>("UpdateExperimentContent", "PUT", `/api/v1/experiments/${id}/content`, {
      body: { Content: canvas("读数据表"), Version: 1 },
    });
    expect(saved.Version).toBe(2);

    // Someone who read version 1 saves later: refused, and the saved content is untouched.
    const stale = await failureOf(
      h.call("UpdateExperimentContent", "PUT", `/api/v1/experiments/${id}/content`, {
        body: { Content: canvas("stale"), Version: 1 },
      }),
    );
    expect([stale.statusCode, stale.code]).toEqual([VERSION_CONFLICT.status, VERSION_CONFLICT.code]);
    expect(stale.data.Message).toContain("version 2, not 1");
    const after = await h.call<Body>("GetExperiment", "GET", `/api/v1/experiments/${id}`);
    expect([after.Version, after.Content]).toEqual([2, canvas("读数据表")]);
  });

  it("refuses a save without Version or with content that is not a canvas", async () => {
    const id = await createDraft();
    const path = `/api/v1/experiments/${id}/content`;
    const noVersion = await failureOf(
      h.call("UpdateExperimentContent", "PUT", path, { body: { Content: canvas("x") } }),
    );
    expect([noVersion.statusCode, noVersion.code]).toEqual([400, "MissingParameter"]);
    const notJson = await failureOf(
      h.call("UpdateExperimentContent", "PUT", path, { body: { Content: "{nodes:", Version: 1 } }),
    );
    expect([notJson.code, notJson.data.Message]).toEqual([
      "InvalidParameter",
      expect.stringContaining("Content"),
    ]);
  });

  it("lists drafts by workspace, name and modification, and deletes them", async () => {
    const ws = `ws-list-${Date.now()}`;
    const a = await createDraft({ WorkspaceId: ws, Name: "alpha" });
    const b = await createDraft({ WorkspaceId: ws, Name: "beta" });
    await h.call("UpdateExperimentContent", "PUT", `/api/v1/experiments/${a}/content`, {
      body: { Content: canvas("a"), Version: 1 },
    });
    const list = await h.call<Body>("ListExperiments", "GET", "/api/v1/experiments", {
      query: { WorkspaceId: ws, SortBy: "GmtModified", Order: "DESC" },
    });
    expect(list.TotalCount).toBe(2);
    expect(list.Experiments.map((e: Body) => e.ExperimentId)).toEqual([a, b]);
    expect(list.Experiments[0].Content).toBeUndefined();
    const named = await h.call<Body>("ListExperiments", "GET", "/api/v1/experiments", {
      query: { WorkspaceId: ws, Name: "bet" },
    });
    expect(named.Experiments.map((e: Body) => e.Name)).toEqual(["beta"]);

    await h.call("DeleteExperiment", "DELETE", `/api/v1/experiments/${b}`);
    const gone = await failureOf(h.call("GetExperiment", "GET", `/api/v1/experiments/${b}`));
    expect([gone.statusCode, gone.code]).toEqual([404, "ExperimentNotFound"]);
    const missingWs = await failureOf(h.call("ListExperiments", "GET", "/api/v1/experiments"));
    expect(missingWs.code).toBe("MissingParameter");
  });

  it("browses folders from root: folders first, then drafts", async () => {
    const ws = `ws-folders-${Date.now()}`;
    const { FolderId: folder } = await h.call<Body>(
      "CreateExperimentFolder",
      "POST",
      "/api/v1/experimentfolders",
      {
        body: { WorkspaceId: ws, Name: "分析", Accessibility: "PUBLIC" },
      },
    );
    expect(folder).toMatch(/^folder-/);
    const inner = await createDraft({
      WorkspaceId: ws,
      FolderId: folder,
      Name: "inner",
      Accessibility: "PUBLIC",
    });
    const top = await createDraft({ WorkspaceId: ws, Name: "top", Accessibility: "PRIVATE" });

    const root = await h.call<Body>(
      "GetExperimentFolderChildren",
      "GET",
      "/api/v1/experimentfolders/root/children",
      {
        query: { WorkspaceId: ws },
      },
    );
    expect(root.Items.map((i: Body) => [i.Id, i.Type, i.Empty])).toEqual([
      [folder, "dir", false],
      [top, "pipelinedraft", true],
    ]);
    const publicOnly = await h.call<Body>(
      "GetExperimentFolderChildren",
      "GET",
      "/api/v1/experimentfolders/root/children",
      { query: { WorkspaceId: ws, Accessibility: "PUBLIC" } },
    );
    expect(publicOnly.Items.map((i: Body) => i.Id)).toEqual([folder]);
    const foldersOnly = await h.call<Body>(
      "GetExperimentFolderChildren",
      "GET",
      "/api/v1/experimentfolders/root/children",
      { query: { WorkspaceId: ws, OnlyFolder: "true" } },
    );
    expect(foldersOnly.TotalCount).toBe(1);
    const children = await h.call<Body>(
      "GetExperimentFolderChildren",
      "GET",
      `/api/v1/experimentfolders/${folder}/children`,
      { query: { WorkspaceId: ws } },
    );
    expect(children.Items.map((i: Body) => i.Id)).toEqual([inner]);
    const unknown = await failureOf(
      h.call("CreateExperiment", "POST", "/api/v1/experiments", {
        body: { Name: "x", FolderId: "folder-nope", WorkspaceId: ws },
      }),
    );
    expect([unknown.statusCode, unknown.code]).toEqual([404, "FolderNotFound"]);
  });

  it("keeps drafts and folders across a restart", async () => {
    const dir = await startHarness();
    const id = await dir.call<Body>("CreateExperiment", "POST", "/api/v1/experiments", {
      body: { Name: "kept", FolderId: "root", WorkspaceId: WS },
    });
    await dir.call("UpdateExperimentContent", "PUT", `/api/v1/experiments/${id.ExperimentId}/content`, {
      body: { Content: canvas("kept"), Version: 1 },
    });
    await dir.svc.close();
    const again = await startHarness({ dataDir: dir.dataDir });
    try {
      const read = await again.call<Body>("GetExperiment", "GET", `/api/v1/experiments/${id.ExperimentId}`);
      expect([read.Name, read.Version, read.Content]).toEqual(["kept", 2, canvas("kept")]);
    } finally {
      await again.close();
      await dir.close();
    }
  });

  it("checks every PaiStudio call's signature", async () => {
    const bad = paiflowClient({ ...h.svc, accessKeySecret: "not-the-secret" });
    const e = await failureOf(
      bad("ListExperiments", "GET", "/api/v1/experiments", { query: { WorkspaceId: WS } }),
    );
    expect([e.statusCode, e.code]).toEqual([400, "SignatureDoesNotMatch"]);
    const roa = paiflowClient({ ...h.svc, signatureAlgorithm: "v2" });
    expect(await roa<Body>("GetAlgorithmTree", "GET", "/api/v1/algorithm/tree")).toMatchObject({
      Tree: expect.any(Array),
    });
  });
});

describe("templates", () => {
  it("lists templates and creates a draft from one", async () => {
    const list = await h.call<Body>("ListTemplates", "GET", "/api/v1/templates");
    expect(list.TotalCount).toBeGreaterThanOrEqual(2);
    const first = list.TemplateData[0].Template;
    expect(first.Content).toBeUndefined();
    const template = await h.call<Body>("GetTemplate", "GET", `/api/v1/templates/${first.TemplateId}`);
    const content = JSON.parse(template.Content);
    expect(content.nodes.length).toBeGreaterThan(1);
    expect(content.edges.length).toBeGreaterThan(0);
    const id = await createDraft({ TemplateId: first.TemplateId });
    const draft = await h.call<Body>("GetExperiment", "GET", `/api/v1/experiments/${id}`);
    expect(draft.Content).toBe(template.Content);
  });
});

describe("components", () => {
  it("gives the algorithm tree of the components the engine runs, in categories", async () => {
    const tree = await h.call<Body>("GetAlgorithmTree", "GET", "/api/v1/algorithm/tree");
    expect(tree.Timestamp).toMatch(/^\d+$/);
    const leaves = tree.Tree.flatMap((category: Body) => category.children);
    expect(leaves).toHaveLength(catalog.length);
    expect(leaves.every((l: Body) => l.nodeType === "algo" && l.metadata.signature.length === 40)).toBe(true);
    expect(tree.Tree.map((c: Body) => c.name)).toContain("Machine Learning");
    expect((await h.call<Body>("GetAlgorithmTree", "GET", "/api/v1/algorithm/tree")).Timestamp).toBe(
      tree.Timestamp,
    );

    const split = leaves.find((l: Body) => l.metadata.identifier === "split");
    const def = await h.call<Body>("GetAlgorithmDef", "GET", "/api/v1/algorithm/def", {
      query: { Provider: "pai", Identifier: "split", AlgoVersion: "v1", Signature: split.metadata.signature },
    });
    expect(def.Spec.metadata.identifier).toBe("split");
    const stale = await failureOf(
      h.call("GetAlgorithmDef", "GET", "/api/v1/algorithm/def", {
        query: { Provider: "pai", Identifier: "split", AlgoVersion: "v1", Signature: "0".repeat(40) },
      }),
    );
    expect(stale.statusCode).toBe(404);
  });

  it("registers each component's core/v1 manifest under provider pai (ListPipelines, GetPipeline, GetPipelineSchema)", async () => {
    const all = await h.call<Body>("ListPipelines", "GET", "/api/v1/pipelines", {
      query: { PipelineProvider: "pai", PageSize: "100" },
    });
    expect(all.TotalCount).toBe(catalog.length);
    const found = await h.call<Body>("ListPipelines", "GET", "/api/v1/pipelines", {
      query: {
        PipelineProvider: "pai",
        PipelineIdentifier: "logisticregression_binary",
        PipelineVersion: "v1",
      },
    });
    expect(found.Pipelines).toHaveLength(1);
    const id = found.Pipelines[0].PipelineId;
    for (const [action, path] of [
      ["GetPipeline", `/api/v1/pipelines/${id}`],
      ["GetPipelineSchema", `/api/v1/pipelines/${id}/schema`],
    ] as const) {
      const pipeline = await h.call<Body>(action, "GET", path);
      const parsed = parseManifest(pipeline.Manifest);
      expect(parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
      const [component] = componentsFromManifest(parsed.stream ?? { documents: [] });
      const builtin = catalog.find((c) => componentKey(c) === "pai/logisticregression_binary/v1");
      expect(component?.maxCompute).toBe(true);
      expect(component?.inputs.map((p) => p.name)).toEqual(builtin?.inputs.map((p) => p.name));
      expect(component?.outputs.map((p) => [p.name, p.type])).toEqual(
        builtin?.outputs.map((p) => [p.name, p.type]),
      );
      expect(component?.parameters.map((p) => [p.name, p.type, p.default, p.range])).toEqual(
        builtin?.parameters.map((p) => [p.name, p.type, p.default, p.range]),
      );
    }
  });
});
