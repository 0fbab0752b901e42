/**
 * Executes one run: starts each step once its upstream steps are done (succeeded or reused), at
 * most `parallelism` at a time, each on its own DuckDB connection; marks everything downstream of
 * a failure Skipped; on Terminate interrupts the running queries and skips what has not started.
 * Step outputs are tables (or views, as the component chooses) in the run's own schema (named
 * after the run id). A step whose
 * fingerprint matches a step that succeeded before takes that step's outputs (status Reused)
 * unless the run turned reuse off or the step is the one a scoped run was asked to run.
 * The run's nodes are the steps it runs (a scoped run leaves the others out).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { NodeRecord, RunRecord, RunStatus } from "../model";
import { catalogFingerprints } from "../registry";
import { type ReuseIndex, takeOutputs } from "../reuse";
import type { RunStore } from "../store";
import type { Warehouse } from "../warehouse";
import { type Component, StepError } from "./component";
import { stepFingerprint } from "./fingerprint";
import type { Plan, PlannedStep } from "./plan";
import { countRows, ident, qualified } from "./sql";
import { stepContext } from "./step-context";

export interface RunnerDeps {
  warehouse: Warehouse;
  store: RunStore;
  components: ReadonlyMap<string, Component>;
  reuse: ReuseIndex;
  parallelism: number;
  logger: { error(...a: unknown[]): void };
}

/** Statuses after which a step's outputs are in place for the steps below it. */
const DONE = new Set(["Succeeded", "Reused"]);

const now = () => new Date().toISOString();

export const INTERRUPTED_MESSAGE =
  "The local PAIFlow service stopped while this run was in flight; rerun it.";

function elapsed(startMs: number): string {
  return `${((Date.now() - startMs) / 1000).toFixed(2)} s`;
}

export class RunExecution {
  private terminated = false;
  private shutdown = false;
  /** Steps running now; registered synchronously when launched, the connection follows. */
  private readonly active = new Map<string, { conn?: DuckDBConnection; abort: AbortController }>();
  readonly done: Promise<void>;

  constructor(
    private readonly deps: RunnerDeps,
    private readonly run: RunRecord,
    private readonly plan: Plan,
  ) {
    // Never rejects: whatever goes wrong ends the run Failed with the reason.
    this.done = this.execute()
      .catch((error: unknown) => {
        deps.logger.error({ err: error, runId: run.PipelineRunId }, "run crashed");
        return this.finishRun("Failed", `The local engine failed: ${(error as Error).message}`);
      })
      .catch((error: unknown) =>
        deps.logger.error({ err: error, runId: run.PipelineRunId }, "could not record the run's end"),
      );
  }

  /**
   * Stops the run: interrupts running steps; steps not started are skipped. A shutdown (the
   * service stopping) ends the run Failed, as a crash would after restart; a user's Terminate
   * ends it Terminated.
   */
  terminate(reason: "user" | "shutdown" = "user"): void {
    if (reason === "shutdown") this.shutdown = true;
    if (this.terminated) return;
    this.terminated = true;
    for (const { abort } of this.active.values()) abort.abort();
    // DuckDB drops an interrupt that arrives between two statements of a step, so keep
    // interrupting until every running step has stopped.
    const interrupt = () => {
      for (const { conn } of this.active.values()) conn?.interrupt();
      if (this.active.size > 0) setTimeout(interrupt, 50).unref();
    };
    interrupt();
  }

  /** A failed write is logged, not fatal: the run goes on and the next write retries the state. */
  private readonly writeFailed = (error: unknown) =>
    this.deps.logger.error(
      { err: error, runId: this.run.PipelineRunId },
      "could not write to the data directory",
    );

  private log(nodeId: string, msg: string): void {
    this.deps.store.appendLog(this.run.PipelineRunId, nodeId, msg).catch(this.writeFailed);
  }

  private save(): void {
    this.run.GmtModifiedTime = now();
    this.deps.store.save(this.run).catch(this.writeFailed);
  }

  private async execute(): Promise<void> {
    const schema = this.run.PipelineRunId;
    await this.deps.warehouse.with((conn) => conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`));
    this.log(
      this.run.NodeId,
      `run started: ${this.run.Nodes.length} steps, up to ${this.deps.parallelism} at a time${this.run.Local?.scope ? ` (scope: ${this.run.Local.scope.mode} ${this.run.Local.scope.step})` : ""}${this.run.Local?.reuse === false ? ", reuse off" : ""}`,
    );
    const nodes = new Map(this.run.Nodes.map((n) => [n.Name, n]));
    const dependents = new Map<string, string[]>();
    for (const s of this.plan.steps)
      for (const d of s.dependencies) dependents.set(d, [...(dependents.get(d) ?? []), s.name]);

    await new Promise<void>((resolve) => {
      const skipBelow = (name: string, reason: string) => {
        for (const child of dependents.get(name) ?? []) {
          const node = nodes.get(child);
          if (node?.Status !== "ReadyToSchedule") continue;
          node.Status = "Skipped";
          node.Message = reason;
          node.FinishedAt = now();
          this.log(node.NodeId, `skipped: ${reason}`);
          skipBelow(child, reason);
        }
      };
      const pump = () => {
        if (this.terminated) {
          for (const node of nodes.values()) {
            if (node.Status === "ReadyToSchedule") {
              node.Status = "Skipped";
              node.Message = this.shutdown ? INTERRUPTED_MESSAGE : "the run was terminated";
              node.FinishedAt = now();
            }
          }
        }
        for (const step of this.plan.steps) {
          if (this.terminated || this.active.size >= this.deps.parallelism) break;
          const node = nodes.get(step.name);
          if (node?.Status !== "ReadyToSchedule" || this.active.has(step.name)) continue;
          // A dependency outside a scoped run has no node: it does not hold the step back.
          if (!step.dependencies.every((d) => !nodes.has(d) || DONE.has(nodes.get(d)?.Status ?? "")))
            continue;
          const slot = { abort: new AbortController() };
          this.active.set(step.name, slot);
          node.Status = "Running";
          void this.runStep(step, node, nodes, slot)
            .catch((error: unknown) => {
              // runStep records its own failures; this is the last guard so the run always ends.
              this.active.delete(step.name);
              node.Status = "Failed";
              node.Message = `internal error: ${(error as Error).message}`;
            })
            .then(() => {
              if (node.Status === "Failed") skipBelow(step.name, `upstream step ${step.name} failed`);
              this.save();
              pump();
            });
        }
        if (this.active.size === 0) resolve();
      };
      pump();
    });

    const list = [...nodes.values()];
    const failed = list.find((n) => n.Status === "Failed");
    if (this.shutdown) await this.finishRun("Failed", INTERRUPTED_MESSAGE);
    else if (this.terminated) await this.finishRun("Terminated", "Terminated by the user");
    else if (failed)
      await this.finishRun(
        "Failed",
        `Step ${failed.Name} (${failed.Identifier ?? "?"}) failed: ${failed.Message ?? ""}`,
      );
    else await this.finishRun("Succeeded");
  }

  private async finishRun(status: RunStatus, message?: string): Promise<void> {
    this.run.Status = status;
    this.run.FinishedAt = now();
    if (message) this.run.Message = message;
    this.log(this.run.NodeId, `run ${status.toLowerCase()}${message ? `: ${message}` : ""}`);
    this.run.GmtModifiedTime = now();
    await this.deps.store.save(this.run);
  }

  private async runStep(
    step: PlannedStep,
    node: NodeRecord,
    nodes: Map<string, NodeRecord>,
    slot: { conn?: DuckDBConnection; abort: AbortController },
  ): Promise<void> {
    const started = Date.now();
    const { abort } = slot;
    node.StartedAt = now();
    node.Outputs = [];
    this.save();
    const component = `${step.provider ?? "?"}/${step.identifier ?? step.guid ?? "?"}${step.version ? `@${step.version}` : ""}`;
    const impl = step.identifier ? this.deps.components.get(step.identifier) : undefined;
    let conn: DuckDBConnection | undefined;
    try {
      const fingerprint = await stepFingerprint(step, impl, {
        upstream: (name) => nodes.get(name)?.Fingerprint,
        catalog: () => this.deps.warehouse.with(catalogFingerprints),
      });
      if (fingerprint && this.mayReuse(step)) {
        const source = await this.deps.reuse.find(fingerprint);
        if (source) {
          takeOutputs(node, source, fingerprint, now());
          this.log(node.NodeId, `${component}: ${node.Message}`);
          this.log(this.run.NodeId, `step ${step.name} reused from ${source.run.PipelineRunId}`);
          return;
        }
      }
      this.log(node.NodeId, `started ${component}${step.displayName ? ` "${step.displayName}"` : ""}`);
      this.log(this.run.NodeId, `step ${step.name} started`);
      conn = await this.deps.warehouse.connect();
      slot.conn = conn;
      if (this.terminated) throw new StepError("terminated");
      if (step.unsupported) throw new StepError(`${step.unsupported} are not supported by the local engine`);
      if (!impl) {
        throw new StepError(
          `component ${component} is not supported by the local engine (it runs ${[...this.deps.components.keys()].join(", ")})`,
        );
      }
      const ctx = stepContext({
        runId: this.run.PipelineRunId,
        step,
        node,
        conn,
        signal: abort.signal,
        nodes,
        store: this.deps.store,
        log: (message) => this.log(node.NodeId, message),
      });
      await impl.run(ctx);
      if (this.terminated) throw new StepError("terminated");
      for (const output of node.Outputs) {
        if (!output.table) continue;
        output.rowCount = await countRows(conn, qualified(output.table.schema, output.table.name));
        this.log(node.NodeId, `output ${output.Name}: ${output.rowCount} rows`);
      }
      node.Status = "Succeeded";
      node.Fingerprint = fingerprint;
      this.deps.reuse.add(this.run, node);
      this.log(node.NodeId, `succeeded in ${elapsed(started)}`);
    } catch (error) {
      if (this.shutdown) {
        // As after a crash: what was running failed, with the reason.
        node.Status = "Failed";
        node.Message = INTERRUPTED_MESSAGE;
        this.log(node.NodeId, `failed after ${elapsed(started)}: ${INTERRUPTED_MESSAGE}`);
      } else if (this.terminated) {
        node.Status = "Terminated";
        node.Message = "the run was terminated";
        this.log(node.NodeId, `terminated after ${elapsed(started)}`);
      } else {
        node.Status = "Failed";
        node.Message =
          error instanceof StepError ? error.message : `internal error: ${(error as Error).message}`;
        this.log(node.NodeId, `failed after ${elapsed(started)}: ${node.Message}`);
        if (!(error instanceof StepError))
          this.deps.logger.error({ err: error, step: step.name }, "step crashed");
      }
    } finally {
      if (node.Status !== "Reused") node.FinishedAt = now();
      this.active.delete(step.name);
      conn?.closeSync();
    }
    this.log(this.run.NodeId, `step ${step.name} ${node.Status.toLowerCase()}`);
  }

  /** Reuse is on unless the run turned it off; the step a scoped run names always runs. */
  private mayReuse(step: PlannedStep): boolean {
    const local = this.run.Local;
    return local?.reuse !== false && local?.scope?.step !== step.name;
  }
}
