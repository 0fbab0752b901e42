/**
 * A fake cloud PAI workspace, served beside the fake PAIFlow (same signature checks, same
 * misbehaviour queue): PaiStudio's algorithm tree, drafts, folders and templates, and PAIFlow's
 * component registry (ListPipelines, GetPipeline, GetPipelineSchema). Drafts and templates are
 * the local service's own implementation; what the cloud does differently is scripted here: a
 * large tree whose Timestamp the test moves, the workspace's registered components, a draft saved
 * "in PAI's console", and a version conflict answered with a code the designer cannot know.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ALGORITHM_NODE_TYPE,
  type ComponentSpec,
  catalog,
  componentManifest,
  type Manifest,
  serializeDocument,
  VERSION_CONFLICT,
} from "@pfd/shared";
import { ApiError } from "../src/paiflow-local/errors";
import { DraftService } from "../src/paiflow-local/studio/drafts";
import { StudioStore } from "../src/paiflow-local/studio/store";
import { getTemplate, listTemplates, templateContent } from "../src/paiflow-local/studio/templates";
import { type ExtraRoute, HttpError } from "./fake-paiflow";

export const OWNER_UID = "1557702098123456";

export interface FakeComponent {
  /** Category path, outermost first. */
  path: string[];
  name: string;
  manifest: Manifest;
  /** Registered by the workspace itself (not in the tree; listed by WorkspaceId). */
  own?: boolean;
}

export interface FakeWorkspace {
  route: ExtraRoute;
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
  const fake: FakeWorkspace = {
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
    return undefined;
  }

  return fake;
}
