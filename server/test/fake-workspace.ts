/**
 * A fake cloud PAI workspace, served beside the fake PAIFlow (same signature checks, same
 * misbehaviour queue): PaiStudio's algorithm tree, drafts, folders and templates, and PAIFlow's
 * component registry (ListPipelines, GetPipeline, GetPipelineSchema). Drafts and templates are
 * the local service's own implementation; what the cloud does differently is scripted here: a
 * large tree whose Timestamp the test moves, the workspace's registered components, a draft saved
 * "in PAI's console", a version conflict answered with a code the designer cannot know, the
 * MaxCompute tables of the workspace (SearchMCTables, GetMCTableSchema, PreviewMCTable), node
 * input schemas of a draft read from its canvas, and jobs that start fake PAIFlow runs.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ALGORITHM_NODE_TYPE,
  type ComponentSpec,
  catalog,
  componentManifest,
  EXECUTE_TYPES,
  type Manifest,
  parseManifest,
  type RunScope,
  scopeSteps,
  serializeDocument,
  serializeManifest,
  VERSION_CONFLICT,
} from "@pfd/shared";
import { ApiError } from "../src/paiflow-local/errors";
import { draftManifest } from "../src/paiflow-local/studio/design";
import { DraftService } from "../src/paiflow-local/studio/drafts";
import { StudioStore } from "../src/paiflow-local/studio/store";
import { getTemplate, listTemplates, templateContent } from "../src/paiflow-local/studio/templates";
import { type ExtraRoute, type FakePaiflow, HttpError } from "./fake-paiflow";

export const OWNER_UID = "1557702098123456";

export interface FakeComponent {
  /** Category path, outermost first. */
  path: string[];
  name: string;
  manifest: Manifest;
  /** Registered by the workspace itself (not in the tree; listed by WorkspaceId). */
  own?: boolean;
}

/** A MaxCompute table of the fake workspace. */
export interface FakeTable {
  columns: { Name: string; Type: string }[];
  partitionColumns: string[];
  rows: string[][];
}

/** The smog sample as a MaxCompute table: seven STRING columns. */
export const AIR_TABLE = "air_project.wumai_data";
const AIR_COLUMNS = ["time", "hour", "pm2", "pm10", "so2", "co", "no2"];

export interface FakeJob {
  JobId: string;
  ExperimentId: string;
  ExecuteType: string;
  NodeId?: string;
  RunId: string;
}

export interface FakeWorkspace {
  route: ExtraRoute;
  /** Tables by `project.table`. */
  tables: Map<string, FakeTable>;
  jobs: FakeJob[];
  /** The fake PAIFlow jobs start their runs in (set by the harness). */
  paiflow: FakePaiflow | undefined;
  components: FakeComponent[];
  /** GetAlgorithmTree's Timestamp; a test moves it to say "the tree changed". */
  timestamp: string;
  /** Someone saves the draft in PAI's console: its content and Version move on. */
  editInConsole(id: string, content: string): Promise<number>;
  /** Puts content into a draft as is, unchecked (what a canvas the designer cannot read looks like). */
  corrupt(id: string, content: string): Promise<void>;
  close(): Promise<void>;
}

export interface FakeWorkspaceOptions {
  /** Synthetic components besides the built-in catalog's (default 20). */
  extra?: number;
  /** How PaiStudio refuses a stale Version here (default: the guess). */
  conflict?: { status: number; code: string };
}

/** A synthetic component: its manifest gives no default, range or enum, and one unknown type. */
function synthetic(i: number): FakeComponent {
  const identifier = `algo_${String(i).padStart(3, "0")}`;
  const spec: ComponentSpec = {
    provider: "pai",
    identifier,
    version: "v1",
    displayName: { en: identifier, zh: `算法${i}` },
    category: "Custom",
    description: `Synthetic component ${i}`,
    inputs: [{ name: "inputTable", type: "DataSet", locationType: "MaxComputeTable", required: true }],
    outputs: [{ name: "outputTable", type: "DataSet", locationType: "MaxComputeTable" }],
    parameters: [
      { name: "selectedColNames", type: "String", description: "" },
      { name: "iterations", type: "Int", description: "" },
    ],
    maxCompute: true,
  };
  const manifest = componentManifest(spec);
  manifest.spec.inputs?.parameters?.splice(2, 0, { name: "mode", type: "Enum" });
  const group = ["特征工程", "统计分析", "机器学习"][i % 3] as string;
  return { path: group === "机器学习" ? [group, "二分类"] : [group], name: `算法${i}`, manifest };
}

const OWN: FakeComponent = {
  path: [],
  name: "my_scorer",
  own: true,
  manifest: {
    apiVersion: "core/v1",
    metadata: { provider: OWNER_UID, version: "v3", identifier: "my_scorer", name: "my_scorer" },
    spec: {
      inputs: {
        artifacts: [
          { name: "inputTable", metadata: { type: { DataSet: { locationType: "MaxComputeTable" } } } },
        ],
        parameters: [{ name: "threshold", type: "Double", value: 0.5, feasible: { range: "[0, 1]" } }],
      },
      outputs: { artifacts: [{ name: "scored", metadata: { type: { DataSet: {} } } }] },
    },
  },
};

const meta = (c: FakeComponent) =>
  c.manifest.metadata as { provider: string; identifier: string; version: string };
const pipelineId = (c: FakeComponent) =>
  `pipeline-${meta(c).provider}-${meta(c).identifier}-${meta(c).version}`;

function treeOf(components: readonly FakeComponent[]): unknown[] {
  const roots: { name: string; nodeType: string; children: unknown[] }[] = [];
  for (const c of components) {
    if (c.own) continue;
    let level = roots;
    for (const name of c.path) {
      let folder = level.find((f) => f.name === name);
      if (!folder) {
        folder = { name, nodeType: "category", children: [] };
        level.push(folder);
      }
      level = folder.children as typeof roots;
    }
    (level as unknown[]).push({
      name: c.name,
      nodeType: ALGORITHM_NODE_TYPE,
      icon: "icon-algo",
      metadata: { ...meta(c), signature: "0123456789abcdef0123456789abcdef01234567" },
      doc: `https://help.aliyun.com/zh/pai/${meta(c).identifier}`,
    });
  }
  return roots;
}

export async function createFakeWorkspace(options: FakeWorkspaceOptions = {}): Promise<FakeWorkspace> {
  const dir = await mkdtemp(path.join(tmpdir(), "pfd-fake-ws-"));
  const store = new StudioStore(dir);
  await store.load(() => undefined);
  const drafts = new DraftService(store, templateContent);
  const user = OWNER_UID;
  const components: FakeComponent[] = [
    ...catalog.map((spec) => ({
      path: [spec.category],
      name: spec.displayName.zh,
      manifest: componentManifest(spec),
    })),
    ...Array.from({ length: options.extra ?? 20 }, (_, i) => synthetic(i)),
    OWN,
  ];
  const tables = new Map<string, FakeTable>([
    [
      AIR_TABLE,
      {
        columns: AIR_COLUMNS.map((Name) => ({ Name, Type: "STRING" })),
        partitionColumns: [],
        rows: Array.from({ length: 250 }, (_, i) => AIR_COLUMNS.map((c) => `${c}-${i}`)),
      },
    ],
  ]);
  const jobs: FakeJob[] = [];
  const fake: FakeWorkspace = {
    tables,
    jobs,
    paiflow: undefined,
    components,
    timestamp: "20240101000000",
    route: async (method, p, query, raw) => {
      const body = raw.length > 0 ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>) : {};
      const m = /^\/api\/v1\/(.+)$/.exec(p);
      const rest = m?.[1] ?? "";
      const seg = rest.split("/").map(decodeURIComponent);
      try {
        const answer = await answerFor(method, seg, query, body);
        return answer === undefined ? undefined : [200, answer];
      } catch (error) {
        if (error instanceof ApiError) {
          const conflict = error.code === VERSION_CONFLICT.code ? options.conflict : undefined;
          throw new HttpError(conflict?.status ?? error.status, conflict?.code ?? error.code, error.message);
        }
        throw error;
      }
    },
    editInConsole: async (id, content) => {
      const draft = store.drafts.get(id);
      if (!draft) throw new Error(`no draft ${id}`);
      return (await drafts.updateContent(id, { Content: content, Version: draft.Version }, user)).Version;
    },
    corrupt: async (id, content) => {
      const draft = store.drafts.get(id);
      if (!draft) throw new Error(`no draft ${id}`);
      await store.saveDraft({ ...draft, Content: content });
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };

  const pipelinesFor = (query: Record<string, string>) =>
    components.filter((c) => {
      const { provider, identifier, version } = meta(c);
      if (query.PipelineProvider && provider !== query.PipelineProvider) return false;
      if (query.PipelineIdentifier && identifier !== query.PipelineIdentifier) return false;
      if (query.PipelineVersion && version !== query.PipelineVersion) return false;
      // A workspace lists its own pipelines; official ones are everyone's.
      return !query.WorkspaceId || Boolean(c.own);
    });
  const pipeline = (c: FakeComponent, withManifest: boolean) => ({
    PipelineId: pipelineId(c),
    Provider: meta(c).provider,
    Identifier: meta(c).identifier,
    Version: meta(c).version,
    WorkspaceId: c.own ? "ws-test" : "",
    GmtModifiedTime: "2024-01-01T00:00:00Z",
    ...(withManifest ? { Manifest: serializeDocument(c.manifest) } : {}),
  });

  async function answerFor(
    method: string,
    seg: string[],
    query: Record<string, string>,
    body: Record<string, unknown>,
  ): Promise<Record<string, unknown> | undefined> {
    const [what, id, sub] = seg;
    if (method === "GET" && what === "algorithm" && id === "tree")
      return { Tree: treeOf(components), Timestamp: fake.timestamp };
    if (what === "pipelines" && method === "GET") {
      if (!id) {
        const found = pipelinesFor(query);
        return { TotalCount: found.length, Pipelines: found.map((c) => pipeline(c, false)) };
      }
      const c = components.find((x) => pipelineId(x) === id);
      if (!c) throw new ApiError(400, "200100000", `pipeline ${id} not found`);
      if (sub === undefined || sub === "schema") return pipeline(c, true);
    }
    if (what === "experiments") {
      if (!id && method === "POST") return drafts.create(body, user);
      if (!id && method === "GET") return drafts.list(query, user);
      if (id && !sub && method === "GET") return drafts.get(id, user);
      if (id && !sub && method === "DELETE") {
        await drafts.delete(id, user);
        return {};
      }
      if (id && sub === "meta" && method === "GET") return drafts.meta(id, user);
      if (id && sub === "content" && method === "PUT") return drafts.updateContent(id, body, user);
    }
    if (what === "experimentfolders") {
      if (!id && method === "POST") return drafts.createFolder(body, user);
      if (id && sub === "children" && method === "GET") return drafts.children(id, query, user);
    }
    if (what === "templates" && method === "GET") return id ? getTemplate(id) : listTemplates(query);
    if (what === "experiments" && id && sub === "nodes" && seg[4] === "schema" && method === "GET")
      return nodeInputSchema(id, seg[3] as string, query);
    if (what === "datasources" && id === "maxcompute" && sub === "tables" && method === "GET")
      return mcTables(seg[3], seg[4], query);
    if (what === "jobs" && !id && method === "POST") return createJob(body);
    if (what === "jobs" && id && method === "GET") {
      const job = jobs.find((j) => j.JobId === id);
      if (!job) throw new ApiError(404, "JobNotFound", `job ${id} not found`);
      const run = fake.paiflow?.runs.get(job.RunId);
      return { ...job, Status: run?.status ?? "Unknown", RunInfo: run?.body.PipelineManifest };
    }
    return undefined;
  }

  function table(name: string): FakeTable {
    const found = tables.get(name);
    if (!found)
      throw new ApiError(
        400,
        "TableNotExist",
        `Table ${name} does not exist in the workspace's MaxCompute projects`,
      );
    return found;
  }

  function mcTables(name: string | undefined, what: string | undefined, query: Record<string, string>) {
    if (!query.WorkspaceId) throw new ApiError(400, "MissingParameter", "WorkspaceId is mandatory");
    if (!name) {
      if (!query.Keyword) throw new ApiError(400, "MissingParameter", "Keyword is mandatory");
      return { Tables: [...tables.keys()].filter((t) => t.startsWith(query.Keyword as string)) };
    }
    const t = table(name);
    if (what === "schema") {
      return {
        Columns: t.columns.map((c, i) => ({ ...c, Preview: t.rows.slice(0, 3).map((r) => r[i]) })),
        PartitionColumns: t.partitionColumns.map((Name) => ({ Name, Type: "STRING" })),
      };
    }
    if (!query.Endpoint) throw new ApiError(400, "MissingParameter", "Endpoint is mandatory");
    return { Content: t.rows.slice(0, Number(query.Limit ?? 1000)) };
  }

  /** The columns reaching a node, as far as the fake knows: a Read Table of one of its tables upstream. */
  function nodeInputSchema(draftId: string, node: string, query: Record<string, string>) {
    const canvas = JSON.parse(String(drafts.draft(draftId, user).Content)) as {
      nodes: { id: string; properties?: { name: string; value: unknown }[] }[];
      edges: { source: string; target: string; targetAnchor: string }[];
    };
    const edge = canvas.edges.find(
      (e) => e.target === node && (!query.InputId || e.targetAnchor === query.InputId),
    );
    const source = canvas.nodes.find((n) => n.id === edge?.source);
    const name = source?.properties?.find((p) => p.name === "inputTableName")?.value;
    if (typeof name !== "string") throw new ApiError(400, "SchemaNotReady", `no schema for ${node}`);
    const t = table(name);
    return { ColNames: t.columns.map((c) => c.Name), ColTypes: t.columns.map((c) => c.Type) };
  }

  /** A job runs the saved draft's steps of its scope as one fake PAIFlow run. */
  function createJob(body: Record<string, unknown>) {
    const draft = drafts.draft(String(body.PipelineDraftId), user);
    const stream = parseManifest(draftManifest(draft)).stream;
    const entry = stream?.documents.at(-1);
    if (!stream || !entry) throw new ApiError(400, "InvalidDraft", "cannot compile the draft");
    const mode = Object.entries(EXECUTE_TYPES).find(([, t]) => t === body.ExecuteType)?.[0] as
      | RunScope["mode"]
      | undefined;
    const steps = entry.spec.pipelines ?? [];
    const scoped = mode
      ? scopeSteps(
          steps.map((st) => ({
            name: String(st.metadata?.name),
            dependencies: ((st.spec as { dependencies?: string[] } | undefined)?.dependencies ?? []).map(
              String,
            ),
            dataSources: [],
          })),
          { mode, step: String(body.NodeId) },
        )
      : undefined;
    if (mode && !scoped)
      throw new ApiError(400, "NodeNotFound", `node ${String(body.NodeId)} not in the draft`);
    const kept = scoped ? steps.filter((st) => scoped.run.has(String(st.metadata?.name))) : steps;
    const manifest = serializeManifest({
      documents: [{ ...entry, spec: { ...entry.spec, pipelines: kept } }],
    });
    if (!fake.paiflow) throw new Error("the fake workspace has no fake PAIFlow");
    const runId = fake.paiflow.createRun({
      WorkspaceId: draft.WorkspaceId,
      PipelineManifest: manifest,
      Name: draft.Name,
      SourceType: "DESIGNER",
      SourceId: draft.ExperimentId,
    });
    const job: FakeJob = {
      JobId: `job-fake${jobs.length + 1}`,
      ExperimentId: draft.ExperimentId,
      ExecuteType: String(body.ExecuteType ?? "EXECUTE_ALL"),
      ...(typeof body.NodeId === "string" ? { NodeId: body.NodeId } : {}),
      RunId: runId,
    };
    jobs.push(job);
    return { JobId: job.JobId };
  }

  return fake;
}
