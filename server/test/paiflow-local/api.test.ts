/** The service's PAIFlow API, driven with @alicloud/openapi-client as the server drives it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, paiflowClient } from "./client";
import { type Harness, manifest, startHarness, T1 } from "./harness";

// biome-ignore lint/suspicious/noExplicitAny: deep response bodies, checked field by field below
type NodeBody = Record<string, any>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const one = manifest([{ name: "q", component: "sql", params: { sql: "select 42 as answer" } }], "one-step");

describe("signatures", () => {
  it("accepts V3 and legacy ROA signed requests", async () => {
    const list = await h.call("ListPipelineRuns", "GET", "/api/v1/pipelineruns");
    expect(list).toMatchObject({ TotalCount: expect.any(Number), RequestId: expect.any(String) });
    const roa = paiflowClient({ ...h.svc, signatureAlgorithm: "v2" });
    const id = (
      await roa<{ PipelineRunId: string }>("CreatePipelineRun", "POST", "/api/v1/pipelineruns", {
        body: { WorkspaceId: "ws-roa", PipelineManifest: one },
      })
    ).PipelineRunId;
    expect(
      await roa("GetPipelineRun", "GET", `/api/v1/pipelineruns/${id}`, { query: { Verbose: "false" } }),
    ).toMatchObject({ PipelineRunId: id });
  });

  it("refuses a wrong secret with SignatureDoesNotMatch (400)", async () => {
    const bad = paiflowClient({ ...h.svc, accessKeySecret: "not-the-secret" });
    const e = await failureOf(bad("ListPipelineRuns", "GET", "/api/v1/pipelineruns"));
    expect(e.statusCode).toBe(400);
    expect(e.code).toBe("SignatureDoesNotMatch");
    expect(e.data.Message).toMatch(/^Specified signature is not matched with our calculation\./);
    expect(e.data).toMatchObject({ RequestId: expect.any(String), HostId: expect.any(String) });
    const badRoa = paiflowClient({ ...h.svc, accessKeySecret: "nope", signatureAlgorithm: "v2" });
    expect((await failureOf(badRoa("ListPipelineRuns", "GET", "/api/v1/pipelineruns"))).code).toBe(
      "SignatureDoesNotMatch",
    );
  });

  it("refuses an unknown access key with InvalidAccessKeyId.NotFound (404)", async () => {
    const stranger = paiflowClient({ ...h.svc, accessKeyId: "LTAI-unknown" });
    const e = await failureOf(stranger("ListPipelineRuns", "GET", "/api/v1/pipelineruns"));
    expect([e.statusCode, e.code]).toEqual([404, "InvalidAccessKeyId.NotFound"]);
  });

  it("refuses an expired timestamp and a reused nonce", async () => {
    const expired = await failureOf(
      h.call("ListPipelineRuns", "GET", "/api/v1/pipelineruns", {
        headers: { "x-acs-date": "2020-01-01T00:00:00Z" },
      }),
    );
    expect([expired.statusCode, expired.code]).toEqual([400, "InvalidTimeStamp.Expired"]);
    const headers = { "x-acs-signature-nonce": `fixed-${Date.now()}` };
    await h.call("ListPipelineRuns", "GET", "/api/v1/pipelineruns", { headers });
    const replay = await failureOf(h.call("ListPipelineRuns", "GET", "/api/v1/pipelineruns", { headers }));
    expect([replay.statusCode, replay.code]).toEqual([400, "SignatureNonceUsed"]);
  });
});

describe("runs", () => {
  it("creates an Initialized run with NoConfirmRequired false, then starts it", async () => {
    const id = await h.create(one, {
      NoConfirmRequired: false,
      Name: "held",
      SourceType: "DESIGNER",
      SourceId: "draft-1",
    });
    expect(id).toMatch(/^flow-/);
    const run = await h.call("GetPipelineRun", "GET", `/api/v1/pipelineruns/${id}`);
    expect(run).toMatchObject({
      Status: "Initialized",
      Name: "held",
      SourceType: "DESIGNER",
      SourceId: "draft-1",
      WorkspaceId: "ws-test",
    });
    await h.call("StartPipelineRun", "PUT", `/api/v1/pipelineruns/${id}/start`);
    expect(await h.wait(id)).toMatchObject({ Status: "Succeeded", NodeId: expect.stringMatching(/^node-/) });
    const again = await failureOf(h.call("StartPipelineRun", "PUT", `/api/v1/pipelineruns/${id}/start`));
    expect(again.statusCode).toBe(400);
    expect(await h.rows(id, "q", "outputTable")).toEqual([{ answer: 42 }]);
  });

  it("returns the manifest in PAIFlow's node form with Verbose, or as submitted with ManifestType Raw", async () => {
    const id = await h.create(one, { NoConfirmRequired: false });
    const raw = await h.call("GetPipelineRun", "GET", `/api/v1/pipelineruns/${id}`, {
      query: { Verbose: "true", ManifestType: "Raw" },
    });
    expect(raw.Manifest).toBe(one);
    const node = await h.call("GetPipelineRun", "GET", `/api/v1/pipelineruns/${id}`, {
      query: { Verbose: "true" },
    });
    expect(JSON.parse(String(node.Manifest))).toMatchObject({
      ApiVersion: "core/v1",
      Spec: { Pipelines: [{ Metadata: { Name: "q" } }] },
    });
    const brief = await h.call("GetPipelineRun", "GET", `/api/v1/pipelineruns/${id}`);
    expect(brief.Manifest).toBeUndefined();
  });

  it("lists with filters, paging and order", async () => {
    const ws = `ws-list-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(await h.create(one, { WorkspaceId: ws, NoConfirmRequired: false, Name: `list-${i}` }));
    const page1 = await h.call<{
      TotalCount: number;
      PipelineRuns: { PipelineRunId: string; Manifest?: string }[];
    }>("ListPipelineRuns", "GET", "/api/v1/pipelineruns", {
      query: { WorkspaceId: ws, PageSize: "2", PageNumber: "1" },
    });
    expect(page1.TotalCount).toBe(3);
    expect(page1.PipelineRuns.map((r) => r.PipelineRunId)).toEqual([ids[2], ids[1]]);
    expect(page1.PipelineRuns[0]?.Manifest).toBeUndefined();
    const page2 = await h.call<{ PipelineRuns: { PipelineRunId: string }[] }>(
      "ListPipelineRuns",
      "GET",
      "/api/v1/pipelineruns",
      {
        query: { WorkspaceId: ws, PageSize: "2", PageNumber: "2" },
      },
    );
    expect(page2.PipelineRuns.map((r) => r.PipelineRunId)).toEqual([ids[0]]);
    const asc = await h.call<{ PipelineRuns: { Name: string }[] }>(
      "ListPipelineRuns",
      "GET",
      "/api/v1/pipelineruns",
      {
        query: { WorkspaceId: ws, Order: "ASC", Name: "list-1" },
      },
    );
    expect(asc.PipelineRuns.map((r) => r.Name)).toEqual(["list-1"]);
    const byStatus = await h.call<{ TotalCount: number }>("ListPipelineRuns", "GET", "/api/v1/pipelineruns", {
      query: { WorkspaceId: ws, Status: "Running" },
    });
    expect(byStatus.TotalCount).toBe(0);
  });

  it("renames a run and deletes a finished one", async () => {
    const id = await h.create(one);
    await h.wait(id);
    await h.call("UpdatePipelineRun", "PUT", `/api/v1/pipelineruns/${id}`, { body: { Name: "renamed" } });
    expect(await h.call("GetPipelineRun", "GET", `/api/v1/pipelineruns/${id}`)).toMatchObject({
      Name: "renamed",
    });
    await h.call("DeletePipelineRun", "DELETE", `/api/v1/pipelineruns/${id}`);
    const gone = await failureOf(h.call("GetPipelineRun", "GET", `/api/v1/pipelineruns/${id}`));
    expect([gone.statusCode, gone.code]).toEqual([404, "200200004"]);
  });

  it("answers unknown runs and nodes with clear codes", async () => {
    const run = await failureOf(h.call("GetPipelineRun", "GET", "/api/v1/pipelineruns/flow-nope"));
    expect(run).toMatchObject({ statusCode: 404, code: "200200004" });
    expect(run.data.Message).toContain("flow-nope");
    const id = await h.create(one, { NoConfirmRequired: false });
    const node = await failureOf(
      h.call("GetPipelineRunNode", "GET", `/api/v1/pipelineruns/${id}/nodes/node-nope`),
    );
    expect(node).toMatchObject({ statusCode: 404, code: "NodeNotFound" });
  });

  it("refuses bad requests with MissingParameter and InvalidParameter", async () => {
    const noWs = await failureOf(
      h.call("CreatePipelineRun", "POST", "/api/v1/pipelineruns", { body: { PipelineManifest: one } }),
    );
    expect(noWs).toMatchObject({ statusCode: 400, code: "MissingParameter" });
    expect(noWs.data.Message).toContain("WorkspaceId");
    const noManifest = await failureOf(
      h.call("CreatePipelineRun", "POST", "/api/v1/pipelineruns", { body: { WorkspaceId: "w" } }),
    );
    expect(noManifest.code).toBe("MissingParameter");
    const broken = await failureOf(h.create("apiVersion: core/v1\nspec:\n  pipelines: [\n"));
    expect(broken.code).toBe("InvalidParameter");
    expect(broken.data.Message).toMatch(/line \d+/);
    const dangling = manifest([
      {
        name: "b",
        component: "sql",
        params: { sql: "select 1" },
        inputs: { inputTable1: "ghost.outputTable" },
      },
    ]);
    const e = await failureOf(h.create(dangling));
    expect(e.data.Message).toContain('"ghost"');
    const cycle = manifest([
      { name: "a", component: "sql", params: { sql: "select 1" }, deps: ["b"] },
      { name: "b", component: "sql", params: { sql: "select 1" }, deps: ["a"] },
    ]);
    expect((await failureOf(h.create(cycle))).data.Message).toMatch(/cycle: (a -> b -> a|b -> a -> b)/);
    const outputs = await failureOf(
      h.call(
        "ListPipelineRunNodeOutputs",
        "GET",
        `/api/v1/pipelineruns/${await h.create(one, { NoConfirmRequired: false })}/nodes/x/outputs`,
      ),
    );
    expect(outputs.code).toBe("MissingParameter");
    const sourceType = await failureOf(h.create(one, { SourceType: "EXCEL" }));
    expect(sourceType.code).toBe("InvalidParameter");
  });
});

describe("nodes", () => {
  it("exposes steps as children of the root node, with status, logs and outputs", async () => {
    const m = manifest([
      { name: "src", component: "sql", params: { sql: "select range as x from range(5)" } },
      {
        name: "sum",
        component: "sql",
        params: { sql: `select sum(x) as total from ${T1}` },
        inputs: { inputTable1: "src.outputTable" },
      },
    ]);
    const id = await h.create(m);
    const run = await h.wait(id);
    expect(run.Status).toBe("Succeeded");
    const root = await h.call<NodeBody>(
      "GetPipelineRunNode",
      "GET",
      `/api/v1/pipelineruns/${id}/nodes/${run.NodeId}`,
      { query: { Depth: "2" } },
    );
    expect(root.Metadata).toMatchObject({ NodeId: run.NodeId, NodeType: "Dag" });
    expect(root.StatusInfo).toMatchObject({ Status: "Succeeded", Progress: "2/2" });
    const [src, sum] = root.Spec.Pipelines;
    expect(src.Metadata).toMatchObject({ Name: "src", Identifier: "sql", NodeType: "Pod" });
    expect(sum.Spec.Dependencies).toEqual(["src"]);
    expect(sum.StatusInfo).toMatchObject({
      Status: "Succeeded",
      StartedAt: expect.any(String),
      FinishedAt: expect.any(String),
    });
    expect(Date.parse(sum.StatusInfo.StartedAt)).toBeGreaterThanOrEqual(
      Date.parse(src.StatusInfo.FinishedAt),
    );

    const shallow = await h.call<NodeBody>(
      "GetPipelineRunNode",
      "GET",
      `/api/v1/pipelineruns/${id}/nodes/${run.NodeId}`,
      { query: { Depth: "1" } },
    );
    expect(shallow.Spec.Pipelines).toEqual([]);

    const status = await h.call<{ Status: { NodeName: string; Status: string }[] }>(
      "ListPipelineRunNodeStatus",
      "GET",
      `/api/v1/pipelineruns/${id}/nodes/${run.NodeId}/status`,
    );
    expect(status.Status.map((s) => [s.NodeName, s.Status])).toEqual([
      [run.Name, "Succeeded"],
      ["src", "Succeeded"],
      ["sum", "Succeeded"],
    ]);

    const logs = await h.logs(id, sum.Metadata.NodeId);
    expect(logs.join("\n")).toMatch(/input inputTable1: src\.outputTable, 5 rows/);
    expect(logs.join("\n")).toMatch(/output outputTable: 1 rows/);
    expect(logs.at(-1)).toMatch(/succeeded in \d+\.\d\d s$/);
    const filtered = await h.call<{ TotalCount: number; Logs: string[] }>(
      "ListPipelineRunNodeLogs",
      "GET",
      `/api/v1/pipelineruns/${id}/nodes/${sum.Metadata.NodeId}/logs`,
      {
        query: { Keyword: "succeeded in", PageSize: "1", Offset: "0" },
      },
    );
    expect(filtered.TotalCount).toBe(1);

    const outs = await h.call<{ TotalCount: number; Outputs: NodeBody[] }>(
      "ListPipelineRunNodeOutputs",
      "GET",
      `/api/v1/pipelineruns/${id}/nodes/${run.NodeId}/outputs`,
      {
        query: { Depth: "2" },
      },
    );
    expect(outs.TotalCount).toBe(2);
    expect(outs.Outputs[1]).toMatchObject({
      Name: "outputTable",
      Type: "DataSet",
      Producer: "sum",
      NodeId: sum.Metadata.NodeId,
      Id: expect.stringMatching(/^artifact-/),
      Info: { metadata: { type: { DataSet: { locationType: "MaxComputeTable" } } }, value: { rowCount: 1 } },
    });
    const preview = await h.preview(id, "sum", "outputTable");
    expect(preview).toMatchObject({
      Columns: [{ Name: "total", Type: expect.stringMatching(/INT/) }],
      Rows: [[10]],
      TotalCount: 1,
    });
    const missing = await failureOf(h.preview(id, "sum", "nope"));
    expect(missing).toMatchObject({ statusCode: 404, code: "OutputNotFound" });
  });
});
