/** Test harness: a local service in a temp directory, driven through @alicloud/openapi-client. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type LocalPaiflow, startLocalPaiflow } from "../../src/paiflow-local/index";
import { type PaiflowCall, paiflowClient } from "./client";

export interface StepView {
  NodeId: string;
  Status: string;
  Message?: string;
}

export interface Harness {
  svc: LocalPaiflow;
  dataDir: string;
  call: PaiflowCall;
  /** Creates a run (started unless start=false); resolves to its id. */
  create(manifest: string, body?: Record<string, unknown>): Promise<string>;
  /** Polls GetPipelineRun until the run reaches a terminal status, as the server does. */
  wait(id: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Steps by name, from GetPipelineRunNode(root, Depth 2). */
  steps(id: string): Promise<Map<string, StepView>>;
  preview(
    id: string,
    step: string,
    output: string,
    limit?: number,
  ): Promise<{ Columns: { Name: string; Type: string }[]; Rows: unknown[][]; TotalCount: number }>;
  /** Rows of an output as objects keyed by column name. */
  rows(id: string, step: string, output: string): Promise<Record<string, unknown>[]>;
  logs(id: string, nodeId: string): Promise<string[]>;
  close(): Promise<void>;
}

const TERMINAL = new Set(["Succeeded", "Failed", "Terminated", "Skipped"]);

export async function startHarness(
  options: { dataDir?: string; parallelism?: number } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "pfl-test-")));
  const svc = await startLocalPaiflow({ dataDir, port: 0, parallelism: options.parallelism });
  const call = paiflowClient(svc);
  const h: Harness = {
    svc,
    dataDir,
    call,
    async create(manifest, body = {}) {
      const res = await call<{ PipelineRunId: string }>("CreatePipelineRun", "POST", "/api/v1/pipelineruns", {
        body: { WorkspaceId: "ws-test", PipelineManifest: manifest, ...body },
      });
      return res.PipelineRunId;
    },
    async wait(id, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await call("GetPipelineRun", "GET", `/api/v1/pipelineruns/${id}`);
        if (TERMINAL.has(String(run.Status))) return run;
        if (Date.now() > deadline) throw new Error(`run ${id} still ${run.Status} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async steps(id) {
      const run = await call("GetPipelineRun", "GET", `/api/v1/pipelineruns/${id}`);
      const root = await call<{
        Spec: {
          Pipelines: {
            Metadata: { Name: string; NodeId: string };
            StatusInfo: { Status: string; Message?: string };
          }[];
        };
      }>("GetPipelineRunNode", "GET", `/api/v1/pipelineruns/${id}/nodes/${run.NodeId}`, {
        query: { Depth: "2" },
      });
      return new Map(
        root.Spec.Pipelines.map((p) => [
          p.Metadata.Name,
          { NodeId: p.Metadata.NodeId, Status: p.StatusInfo.Status, Message: p.StatusInfo.Message },
        ]),
      );
    },
    async preview(id, step, output, limit = 1000) {
      const node = (await h.steps(id)).get(step);
      if (!node) throw new Error(`no step ${step}`);
      return call(
        "PreviewOutput",
        "GET",
        `/api/v1/pipelineruns/${id}/nodes/${node.NodeId}/outputs/${output}/preview`,
        {
          query: { Limit: String(limit) },
        },
      );
    },
    async rows(id, step, output) {
      const p = await h.preview(id, step, output);
      return p.Rows.map((r) => Object.fromEntries(p.Columns.map((c, i) => [c.Name, r[i]])));
    },
    async logs(id, nodeId) {
      const res = await call<{ Logs: string[] }>(
        "ListPipelineRunNodeLogs",
        "GET",
        `/api/v1/pipelineruns/${id}/nodes/${nodeId}/logs`,
        {
          query: { PageSize: "1000" },
        },
      );
      return res.Logs;
    },
    async close() {
      await svc.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}

/** `${t1}`..`${t4}`: how PAI's SQL component names its input tables (not a JS template). */
export const T1 = "$" + "{t1}";
export const T2 = "$" + "{t2}";

/** A manifest from steps written compactly: `{ name, component, params, inputs: {port: "step.output"}, deps }`. */
export interface StepSpec {
  name: string;
  component: string;
  params?: Record<string, unknown>;
  inputs?: Record<string, string>;
  deps?: string[];
}

export function manifest(steps: StepSpec[], name = "test-pipeline"): string {
  const doc = {
    apiVersion: "core/v1",
    metadata: { provider: "test", version: "v1", identifier: name, name },
    spec: {
      inputs: { parameters: [{ name: "execution_maxcompute", type: "Map" }] },
      pipelines: steps.map((s) => ({
        apiVersion: "core/v1",
        metadata: { provider: "pai", version: "v1", identifier: s.component, name: s.name },
        spec: {
          arguments: {
            artifacts: Object.entries(s.inputs ?? {}).map(([port, ref]) => {
              const [step, output] = ref.split(".");
              return { name: port, from: `{{pipelines.${step}.outputs.artifacts.${output}}}` };
            }),
            parameters: [
              ...Object.entries(s.params ?? {}).map(([n, value]) => ({ name: n, value })),
              { name: "execution", from: "{{inputs.parameters.execution_maxcompute}}" },
            ],
          },
          dependencies: s.deps ?? [...new Set(Object.values(s.inputs ?? {}).map((r) => r.split(".")[0]))],
        },
      })),
    },
  };
  return JSON.stringify(doc);
}
