/**
 * Executes one run: starts each step once its upstream steps succeeded, at most `parallelism`
 * at a time, each on its own DuckDB connection; marks everything downstream of a failure
 * Skipped; on Terminate interrupts the running queries and skips what has not started.
 * Step outputs are tables in the run's own schema (named after the run id).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { parseTableName, partitionFilter, relationKind, tableSql } from "../catalog";
import { newId } from "../ids";
import type { NodeRecord, OutputRecord, RunRecord, RunStatus } from "../model";
import type { RunStore } from "../store";
import type { Warehouse } from "../warehouse";
import { type Component, type StepContext, StepError, type TableInput } from "./component";
import type { Plan, PlannedStep } from "./plan";
import { countRows, describe, ident, qualified } from "./sql";

export interface RunnerDeps {
  warehouse: Warehouse;
  store: RunStore;
  components: ReadonlyMap<string, Component>;
  parallelism: number;
  logger: { error(...a: unknown[]): void };
}

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
    for (const { conn, abort } of this.active.values()) {
      abort.abort();
      conn?.interrupt();
    }
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
      `run started: ${this.plan.steps.length} steps, up to ${this.deps.parallelism} at a time`,
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
          if (!step.dependencies.every((d) => nodes.get(d)?.Status === "Succeeded")) continue;
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
    this.log(node.NodeId, `started ${component}${step.displayName ? ` "${step.displayName}"` : ""}`);
    this.log(this.run.NodeId, `step ${step.name} started`);
    let conn: DuckDBConnection | undefined;
    try {
      conn = await this.deps.warehouse.connect();
      slot.conn = conn;
      if (this.terminated) throw new StepError("terminated");
      if (step.unsupported) throw new StepError(`${step.unsupported} are not supported by the local engine`);
      const impl = step.identifier ? this.deps.components.get(step.identifier) : undefined;
      if (!impl) {
        throw new StepError(
          `component ${component} is not supported by the local engine (it runs ${[...this.deps.components.keys()].join(", ")})`,
        );
      }
      const ctx = this.context(step, node, conn, abort.signal, nodes);
      await impl.run(ctx);
      if (this.terminated) throw new StepError("terminated");
      for (const output of node.Outputs) {
        if (!output.table) continue;
        output.rowCount = await countRows(conn, qualified(output.table.schema, output.table.name));
        this.log(node.NodeId, `output ${output.Name}: ${output.rowCount} rows`);
      }
      node.Status = "Succeeded";
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
      node.FinishedAt = now();
      this.active.delete(step.name);
      conn?.closeSync();
    }
    this.log(this.run.NodeId, `step ${step.name} ${node.Status.toLowerCase()}`);
  }

  private context(
    step: PlannedStep,
    node: NodeRecord,
    conn: DuckDBConnection,
    signal: AbortSignal,
    nodes: Map<string, NodeRecord>,
  ): StepContext {
    const runId = this.run.PipelineRunId;
    const runDir = this.deps.store.runDir(runId);
    const upstream = (inputName: string) => {
      const binding = step.inputs.get(inputName);
      if (binding?.kind !== "step") return undefined;
      const output = nodes.get(binding.step)?.Outputs.find((o) => o.Name === binding.output);
      if (!output)
        throw new StepError(`input ${inputName}: step ${binding.step} has no output ${binding.output}`);
      return { binding, output };
    };
    const input = async (name: string): Promise<TableInput | undefined> => {
      const binding = step.inputs.get(name);
      if (!binding) return undefined;
      let relation: string;
      let label: string;
      let kind: TableInput["kind"] = "table";
      let rows: number | undefined;
      if (binding.kind === "step") {
        const found = upstream(name);
        if (!found?.output.table)
          throw new StepError(
            `input ${name}: ${binding.step}.${binding.output} is a ${found?.output.Type}, not a table`,
          );
        relation = qualified(found.output.table.schema, found.output.table.name);
        label = `${binding.step}.${binding.output}`;
        kind = found.output.table.view ? "view" : "table";
        rows = found.output.rowCount;
      } else {
        ({ relation, label, kind } = await catalogInput(conn, name, binding.value));
      }
      const table: TableInput = { relation, label, kind, columns: await describe(conn, relation) };
      rows ??= await countRows(conn, relation);
      this.log(node.NodeId, `input ${name}: ${label}, ${rows} rows, ${table.columns.length} columns`);
      return table;
    };
    const addOutput = (record: Omit<OutputRecord, "Id" | "GmtCreateTime">) => {
      node.Outputs = node.Outputs.filter((o) => o.Name !== record.Name);
      node.Outputs.push({ Id: newId("artifact"), GmtCreateTime: now(), ...record });
    };
    return {
      conn,
      stepName: step.name,
      signal,
      param: (name) => {
        const value = step.params.get(name);
        if (value === undefined || value === null || value === "") return undefined;
        return typeof value === "object" ? JSON.stringify(value) : String(value);
      },
      input,
      requireInput: async (name) => {
        const found = await input(name);
        if (!found) throw new StepError(`input ${name} is not connected`);
        return found;
      },
      requireModel: async (name) => {
        const found = upstream(name);
        if (!found) throw new StepError(`input ${name} is not connected to a model`);
        if (!found.output.modelFile)
          throw new StepError(`input ${name}: ${found.binding.step}.${found.binding.output} is not a model`);
        this.log(node.NodeId, `input ${name}: model ${found.binding.step}.${found.binding.output}`);
        return JSON.parse(await readFile(path.join(runDir, found.output.modelFile), "utf8")) as unknown;
      },
      tableOutput: (name, kind = "table") => {
        const table = {
          schema: runId,
          name: `${step.name}__${name}`,
          ...(kind === "view" ? { view: true } : {}),
        };
        addOutput({ Name: name, Type: "DataSet", table });
        return qualified(table.schema, table.name);
      },
      modelOutput: async (name, model) => {
        const file = path.join("models", `${node.NodeId}-${name}.json`);
        await mkdir(path.join(runDir, "models"), { recursive: true });
        await writeFile(path.join(runDir, file), JSON.stringify(model));
        addOutput({ Name: name, Type: "Model", modelFile: file });
      },
      valueOutput: (name, type, value) => addOutput({ Name: name, Type: type, value }),
      log: (message) => this.log(node.NodeId, message),
    };
  }
}

/** A literal table input: `{location: {project, table, partition}}` or `"project.table"`. */
async function catalogInput(
  conn: DuckDBConnection,
  name: string,
  value: unknown,
): Promise<{ relation: string; label: string; kind: "view" | "table" }> {
  const location = (
    value as { location?: { project?: string; table?: string; partition?: string } } | undefined
  )?.location;
  const full =
    typeof value === "string"
      ? value
      : location?.project && location.table
        ? `${location.project}.${location.table}`
        : undefined;
  if (!full) throw new StepError(`input ${name}: the value is not a table ({location: {project, table}})`);
  let table: ReturnType<typeof parseTableName>;
  try {
    table = parseTableName(full);
  } catch (error) {
    throw new StepError(`input ${name}: ${(error as Error).message}`);
  }
  const kind = await relationKind(conn, table.project, table.table);
  if (!kind) throw new StepError(`input ${name}: table ${full} is not in the local table catalog`);
  const source = tableSql(table);
  if (!location?.partition) return { relation: source, label: full, kind };
  try {
    const where = partitionFilter(location.partition, await describe(conn, source), `input ${name}`);
    return {
      relation: `(SELECT * FROM ${source} WHERE ${where})`,
      label: `${full}/${location.partition}`,
      kind: "view",
    };
  } catch (error) {
    throw new StepError((error as Error).message);
  }
}
