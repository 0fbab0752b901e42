/**
 * Which earlier steps' outputs can stand in for a step now: every step that succeeded, by its
 * fingerprint (engine/fingerprint.ts), newest first. A candidate counts only while its outputs
 * still exist (a deleted or rerun run's tables are gone); stale entries are dropped when found.
 */
import { access } from "node:fs/promises";
import path from "node:path";
import { lit } from "./engine/sql";
import type { NodeRecord, OutputRecord, RunRecord } from "./model";
import type { RunStore } from "./store";
import type { Warehouse } from "./warehouse";

export interface ReuseSource {
  run: RunRecord;
  node: NodeRecord;
}

export class ReuseIndex {
  /** Fingerprint -> [run id, step name], newest last. */
  private readonly entries = new Map<string, [string, string][]>();

  constructor(
    private readonly store: RunStore,
    private readonly warehouse: Warehouse,
  ) {}

  /** Indexes every succeeded step of the given runs, oldest run first. */
  rebuild(runs: RunRecord[]): void {
    this.entries.clear();
    const sorted = [...runs].sort((a, b) => a.GmtCreateTime.localeCompare(b.GmtCreateTime));
    for (const run of sorted) for (const node of run.Nodes) this.add(run, node);
  }

  /** Records a step that succeeded (reused steps are not indexed: their source is). */
  add(run: RunRecord, node: NodeRecord): void {
    if (node.Status !== "Succeeded" || !node.Fingerprint) return;
    const list = this.entries.get(node.Fingerprint) ?? [];
    list.push([run.PipelineRunId, node.Name]);
    this.entries.set(node.Fingerprint, list);
  }

  /** The newest step with this fingerprint whose outputs still exist, or undefined. */
  async find(fingerprint: string): Promise<ReuseSource | undefined> {
    const list = this.entries.get(fingerprint);
    while (list && list.length > 0) {
      const [runId, name] = list[list.length - 1] as [string, string];
      const run = this.store.get(runId);
      const node = run?.Nodes.find((n) => n.Name === name && n.Fingerprint === fingerprint);
      if (run && node?.Status === "Succeeded" && (await this.outputsExist(run, node.Outputs)))
        return { run, node };
      list.pop();
    }
    if (list) this.entries.delete(fingerprint);
    return undefined;
  }

  private async outputsExist(run: RunRecord, outputs: OutputRecord[]): Promise<boolean> {
    const tables = outputs.flatMap((o) => (o.table ? [o.table] : []));
    if (tables.length > 0) {
      const wanted = tables.map((t) => lit(`${t.schema}\u0001${t.name}`)).join(", ");
      const found = await this.warehouse.with(async (conn) => {
        const reader = await conn.runAndReadAll(
          `SELECT count(*) FROM information_schema.tables WHERE table_schema || chr(1) || table_name IN (${wanted})`,
        );
        return Number(reader.getRowsJS()[0]?.[0]);
      });
      if (found !== tables.length) return false;
    }
    for (const o of outputs) {
      if (!o.modelFile) continue;
      try {
        await access(path.join(this.store.runDir(o.fromRun ?? run.PipelineRunId), o.modelFile));
      } catch {
        return false;
      }
    }
    return true;
  }
}

/** Makes `node` a stand-in for `source`: status Reused, the source's outputs (still in the source run). */
export function takeOutputs(node: NodeRecord, source: ReuseSource, fingerprint: string, at: string): void {
  const runId = source.run.PipelineRunId;
  node.Status = "Reused";
  node.Fingerprint = fingerprint;
  node.ReusedFrom = { PipelineRunId: runId, NodeId: source.node.NodeId, Name: source.node.Name };
  node.Outputs = source.node.Outputs.map((o) => ({ ...o, fromRun: o.fromRun ?? runId }));
  node.StartedAt = at;
  node.FinishedAt = at;
  node.Message = `outputs reused from run ${runId} (step ${source.node.Name}): same component, parameters and inputs`;
}
