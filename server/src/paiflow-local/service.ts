/**
 * The PAIFlow operations over the run store and the engine. Transport-free: the HTTP layer
 * (http.ts) parses requests and calls these; answers are PAIFlow's response bodies without
 * the RequestId.
 */
import { parseAllDocuments } from "yaml";
import { DesignService } from "./design";
import type { Component } from "./engine/component";
import { type Plan, planManifest } from "./engine/plan";
import { INTERRUPTED_MESSAGE, RunExecution } from "./engine/runner";
import { ident } from "./engine/sql";
import {
  intParam,
  invalidParameter,
  missingParameter,
  nodeNotFound,
  runNotFound,
  wrongStatus,
} from "./errors";
import { newId } from "./ids";
import { type NodeRecord, type RunRecord, type RunStatus, TERMINAL_RUN } from "./model";
import { ReuseIndex } from "./reuse";
import { parseLocalOptions, planNodes } from "./run-nodes";
import type { RunStore } from "./store";
import type { Warehouse } from "./warehouse";

export interface ServiceDeps {
  store: RunStore;
  warehouse: Warehouse;
  components: ReadonlyMap<string, Component>;
  parallelism: number;
  logger: { info(...a: unknown[]): void; error(...a: unknown[]): void };
}

const SOURCE_TYPES = new Set(["UNKNOWN", "SDK", "DESIGNER", "M6"]);
const DELETABLE: ReadonlySet<RunStatus> = new Set(["Initialized", "Terminated", "Succeeded", "Failed"]);
const now = () => new Date().toISOString();

type Body = Record<string, unknown>;

function str(body: Body, name: string, max = 10_000): string | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v !== "string") throw invalidParameter(name, "must be a string");
  if (v.length > max) throw invalidParameter(name, `longer than ${max} characters`);
  return v;
}

function bool(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined || value === null || value === "") return fallback;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw invalidParameter(name, "must be true or false");
}

function durationSeconds(run: { StartedAt?: string; FinishedAt?: string }): number | undefined {
  if (!run.StartedAt) return undefined;
  const end = run.FinishedAt ? Date.parse(run.FinishedAt) : Date.now();
  return Math.max(0, Math.round((end - Date.parse(run.StartedAt)) / 1000));
}

/** The manifest in GetPipelineRun's JSON node form: capitalized keys, values kept as they are. */
function nodeForm(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => nodeForm(v));
  if (typeof value !== "object" || value === null || key === "value" || key === "annotations") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), nodeForm(v, k)]),
  );
}

export class PaiflowService {
  private readonly executions = new Map<string, RunExecution>();
  private readonly plans = new Map<string, Plan>();
  /** Succeeded steps by fingerprint, for reuse and scoped runs. */
  readonly reuse: ReuseIndex;
  /** Design-time schemas and the table catalog (extensions.ts). */
  readonly design: DesignService;

  constructor(private readonly deps: ServiceDeps) {
    this.reuse = new ReuseIndex(deps.store, deps.warehouse);
    this.design = new DesignService(deps.warehouse, deps.components);
  }

  /** Loads persisted runs; a run that was in flight when the process died is marked Failed. */
  async recover(): Promise<number> {
    const runs = await this.deps.store.load((file, error) =>
      this.deps.logger.error({ err: error, file }, "unreadable run record skipped"),
    );
    let recovered = 0;
    for (const run of runs) {
      if (run.Status !== "Running" && run.Status !== "Terminating") continue;
      recovered++;
      run.Status = "Failed";
      run.Message = INTERRUPTED_MESSAGE;
      run.FinishedAt = now();
      for (const node of run.Nodes) {
        if (node.Status === "Running") {
          node.Status = "Failed";
          node.Message = INTERRUPTED_MESSAGE;
          node.FinishedAt = run.FinishedAt;
        } else if (node.Status === "ReadyToSchedule") {
          node.Status = "Skipped";
          node.Message = INTERRUPTED_MESSAGE;
        }
      }
      await this.deps.store.appendLog(run.PipelineRunId, run.NodeId, `run failed: ${INTERRUPTED_MESSAGE}`);
      await this.deps.store.save(run);
    }
    this.reuse.rebuild(runs);
    return recovered;
  }

  private run(id: string): RunRecord {
    const run = this.deps.store.get(id);
    if (!run) throw runNotFound(id);
    return run;
  }

  private plan(run: RunRecord): Plan {
    let plan = this.plans.get(run.PipelineRunId);
    if (!plan) {
      plan = planManifest(run.Manifest, run.Arguments);
      this.plans.set(run.PipelineRunId, plan);
    }
    return plan;
  }

  async createRun(body: Body, userId: string): Promise<{ PipelineRunId: string }> {
    const workspaceId = str(body, "WorkspaceId", 200);
    if (!workspaceId) throw missingParameter("WorkspaceId");
    const manifest = str(body, "PipelineManifest", 2_000_000);
    if (!manifest) {
      if (str(body, "PipelineId"))
        throw invalidParameter("PipelineId", "the local service runs manifests only; pass PipelineManifest");
      throw missingParameter("PipelineManifest");
    }
    const args = str(body, "Arguments", 1_000_000);
    const sourceType = str(body, "SourceType", 20) ?? "UNKNOWN";
    if (!SOURCE_TYPES.has(sourceType))
      throw invalidParameter("SourceType", `must be one of ${[...SOURCE_TYPES].join(", ")}`);
    const accessibility = str(body, "Accessibility", 20) ?? "PUBLIC";
    if (accessibility !== "PUBLIC" && accessibility !== "PRIVATE")
      throw invalidParameter("Accessibility", "must be PUBLIC or PRIVATE");
    const options = str(body, "Options", 100_000);
    if (options) {
      try {
        JSON.parse(options);
      } catch {
        throw invalidParameter("Options", "must be a JSON string");
      }
    }
    const local = parseLocalOptions(options);
    const start = bool(body.NoConfirmRequired, "NoConfirmRequired", true);
    const plan = planManifest(manifest, args);
    const nodes = await planNodes(this.nodeDeps, plan, local);
    const at = now();
    const run: RunRecord = {
      PipelineRunId: newId("flow"),
      Name:
        str(body, "Name", 200) ??
        plan.name ??
        plan.identifier ??
        `pipelinerun-${at.slice(0, 19).replace(/[-:T]/g, "")}`,
      WorkspaceId: workspaceId,
      Status: "Initialized",
      Manifest: manifest,
      Arguments: args,
      SourceType: sourceType,
      SourceId: str(body, "SourceId", 200),
      Options: options,
      Accessibility: accessibility,
      UserId: userId,
      GmtCreateTime: at,
      GmtModifiedTime: at,
      NodeId: newId("node"),
      Nodes: nodes,
      Local: local,
    };
    this.plans.set(run.PipelineRunId, plan);
    await this.deps.store.save(run);
    if (start) this.launch(run);
    return { PipelineRunId: run.PipelineRunId };
  }

  private launch(run: RunRecord): void {
    run.Status = "Running";
    run.StartedAt = now();
    run.FinishedAt = undefined;
    run.Message = undefined;
    run.GmtModifiedTime = run.StartedAt;
    this.deps.store
      .save(run)
      .catch((error: unknown) => this.deps.logger.error({ err: error }, "could not write the run"));
    const execution = new RunExecution({ ...this.deps, reuse: this.reuse }, run, this.plan(run));
    this.executions.set(run.PipelineRunId, execution);
    void execution.done.finally(() => {
      if (this.executions.get(run.PipelineRunId) === execution) this.executions.delete(run.PipelineRunId);
    });
  }

  /** Resolves when the run's current execution ends (for tests and shutdown). */
  async settled(id: string): Promise<void> {
    await this.executions.get(id)?.done;
  }

  getRun(id: string, query: Record<string, string>): Record<string, unknown> {
    const run = this.run(id);
    const verbose = bool(query.Verbose, "Verbose", false);
    // PAIFlow answers with the JSON node form; Raw (a local convenience) gives the text as submitted.
    const manifestType = query.ManifestType ?? "Frozen";
    const manifest = !verbose
      ? undefined
      : manifestType === "Raw"
        ? run.Manifest
        : this.manifestNodeForm(run);
    return { ...this.summary(run), Manifest: manifest, Arguments: run.Arguments, Options: run.Options };
  }

  private manifestNodeForm(run: RunRecord): string {
    return JSON.stringify(nodeForm(parseYamlDocs(run.Manifest)));
  }

  private summary(run: RunRecord): Record<string, unknown> {
    return {
      PipelineRunId: run.PipelineRunId,
      Name: run.Name,
      Status: run.Status,
      UserId: run.UserId,
      ParentUserId: run.UserId,
      StartedAt: run.StartedAt,
      FinishedAt: run.FinishedAt,
      NodeId: run.NodeId,
      Duration: durationSeconds(run),
      WorkspaceId: run.WorkspaceId,
      Message: run.Message,
      SourceType: run.SourceType,
      SourceId: run.SourceId,
      GmtCreateTime: run.GmtCreateTime,
      GmtModifiedTime: run.GmtModifiedTime,
      PipelineId: run.PipelineId,
      Accessibility: run.Accessibility,
    };
  }

  listRuns(query: Record<string, string>): { TotalCount: number; PipelineRuns: Record<string, unknown>[] } {
    const page = intParam(query.PageNumber, "PageNumber", 1, 1, 1_000_000);
    const size = intParam(query.PageSize, "PageSize", 10, 1, 100);
    const order = (query.Order ?? "DESC").toUpperCase();
    if (order !== "ASC" && order !== "DESC") throw invalidParameter("Order", "must be ASC or DESC");
    const sortBy = query.SortBy ?? "GmtCreateTime";
    const sortable = [
      "GmtCreateTime",
      "GmtModifiedTime",
      "StartedAt",
      "FinishedAt",
      "Name",
      "Status",
    ] as const;
    if (!(sortable as readonly string[]).includes(sortBy))
      throw invalidParameter("SortBy", `must be one of ${sortable.join(", ")}`);
    const ids = query.PipelineIds ? new Set(query.PipelineIds.split(",").map((s) => s.trim())) : undefined;
    const runs = this.deps.store
      .list()
      .filter(
        (r) =>
          (!query.WorkspaceId || r.WorkspaceId === query.WorkspaceId) &&
          (!query.Name || r.Name.includes(query.Name)) &&
          (!query.Status || r.Status === query.Status) &&
          (!query.SourceType || r.SourceType === query.SourceType) &&
          (!query.SourceId || r.SourceId === query.SourceId) &&
          (!query.PipelineRunId || r.PipelineRunId === query.PipelineRunId) &&
          (!query.UserId || r.UserId === query.UserId) &&
          (!ids || (r.PipelineId !== undefined && ids.has(r.PipelineId))),
      );
    const key = sortBy as (typeof sortable)[number];
    runs.sort((a, b) => {
      const c =
        String(a[key] ?? "").localeCompare(String(b[key] ?? "")) ||
        a.PipelineRunId.localeCompare(b.PipelineRunId);
      return order === "ASC" ? c : -c;
    });
    return {
      TotalCount: runs.length,
      PipelineRuns: runs.slice((page - 1) * size, page * size).map((r) => this.summary(r)),
    };
  }

  startRun(id: string): void {
    const run = this.run(id);
    if (run.Status !== "Initialized") throw wrongStatus(id, run.Status, "start");
    this.launch(run);
  }

  async terminateRun(id: string): Promise<void> {
    const run = this.run(id);
    if (run.Status === "Initialized") {
      run.Status = "Terminated";
      run.Message = "Terminated by the user";
      for (const n of run.Nodes) n.Status = "Skipped";
      await this.deps.store.save(run);
      return;
    }
    const execution = this.executions.get(id);
    if (run.Status !== "Running" || !execution) throw wrongStatus(id, run.Status, "terminate");
    run.Status = "Terminating";
    await this.deps.store.save(run);
    execution.terminate("user");
  }

  async rerunRun(id: string): Promise<void> {
    const run = this.run(id);
    if (!TERMINAL_RUN.has(run.Status)) throw wrongStatus(id, run.Status, "rerun");
    // Planned before anything is dropped: a scoped run whose needed outputs are gone is refused intact.
    const local = run.Local ?? { reuse: true };
    const nodes = await planNodes(this.nodeDeps, this.plan(run), local, run.Nodes);
    await this.dropOutputs(run);
    await this.deps.store.clearLogs(id);
    run.Nodes = nodes;
    this.launch(run);
  }

  async updateRun(id: string, body: Body): Promise<void> {
    const run = this.run(id);
    const name = str(body, "Name", 200);
    if (!name) throw missingParameter("Name");
    run.Name = name;
    run.GmtModifiedTime = now();
    await this.deps.store.save(run);
  }

  async deleteRun(id: string): Promise<void> {
    const run = this.run(id);
    if (!DELETABLE.has(run.Status)) throw wrongStatus(id, run.Status, "delete");
    await this.dropOutputs(run);
    this.plans.delete(id);
    await this.deps.store.delete(id);
  }

  private async dropOutputs(run: RunRecord): Promise<void> {
    await this.deps.warehouse.with((conn) =>
      conn.run(`DROP SCHEMA IF EXISTS ${ident(run.PipelineRunId)} CASCADE`),
    );
  }

  /** The run and a node of it: the root (the run's NodeId) or a step. */
  node(runId: string, nodeId: string): { run: RunRecord; node?: NodeRecord } {
    const run = this.run(runId);
    if (nodeId === run.NodeId) return { run };
    const node = run.Nodes.find((n) => n.NodeId === nodeId);
    if (!node) throw nodeNotFound(runId, nodeId);
    return { run, node };
  }

  /** Stops every execution; their runs end Failed with a message, as after a crash. */
  async close(): Promise<void> {
    const running = [...this.executions.values()];
    for (const e of running) e.terminate("shutdown");
    await Promise.all(running.map((e) => e.done));
    await this.deps.store.flush();
  }

  private get nodeDeps() {
    return { components: this.deps.components, warehouse: this.deps.warehouse, reuse: this.reuse };
  }

  planOf(run: RunRecord): Plan {
    return this.plan(run);
  }

  get store(): RunStore {
    return this.deps.store;
  }

  get warehouse(): Warehouse {
    return this.deps.warehouse;
  }
}

function parseYamlDocs(text: string): unknown {
  const docs = parseAllDocuments(text);
  const list = (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS() as unknown).filter((d) => d != null);
  return list.length === 1 ? list[0] : list;
}
