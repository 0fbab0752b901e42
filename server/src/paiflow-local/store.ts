/**
 * Persistence of runs and logs in the data directory:
 * `runs/<PipelineRunId>/run.json` (the record, rewritten atomically on each change) and
 * `runs/<PipelineRunId>/logs/<NodeId>.jsonl` (one `{t, msg}` per line, appended).
 */
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LogLine, RunRecord } from "./model";
import { WriteChain } from "./write-chain";

export class RunStore {
  private readonly runs = new Map<string, RunRecord>();
  /** Per-file write chains, so concurrent updates land in order and never interleave. */
  private readonly chains = new WriteChain();
  private readonly queuedSaves = new Map<string, Promise<void>>();
  private readonly pendingLogs = new Map<string, { lines: string[]; written: Promise<void> }>();

  constructor(readonly dir: string) {}

  /** Reads every persisted run; unreadable records are reported, not fatal. */
  async load(onError: (file: string, error: unknown) => void): Promise<RunRecord[]> {
    const root = path.join(this.dir, "runs");
    await mkdir(root, { recursive: true });
    for (const entry of await readdir(root, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const file = path.join(root, entry.name, "run.json");
      try {
        const run = JSON.parse(await readFile(file, "utf8")) as RunRecord;
        this.runs.set(run.PipelineRunId, run);
      } catch (error) {
        onError(file, error);
      }
    }
    return [...this.runs.values()];
  }

  get(id: string): RunRecord | undefined {
    return this.runs.get(id);
  }

  list(): RunRecord[] {
    return [...this.runs.values()];
  }

  runDir(id: string): string {
    return path.join(this.dir, "runs", id);
  }

  /**
   * Records the run in memory now and on disk soon; resolves once a write that includes this
   * state is done. Bursts of updates to one run coalesce into one write.
   */
  save(run: RunRecord): Promise<void> {
    const id = run.PipelineRunId;
    this.runs.set(id, run);
    const queued = this.queuedSaves.get(id);
    if (queued) return queued;
    const dir = this.runDir(id);
    const write = this.enqueue(`${dir}/run.json`, async () => {
      this.queuedSaves.delete(id);
      const current = this.runs.get(id);
      if (!current) return;
      const json = JSON.stringify(current);
      await mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `run.json.${process.pid}.tmp`);
      await writeFile(tmp, json);
      await rename(tmp, path.join(dir, "run.json"));
    });
    this.queuedSaves.set(id, write);
    return write;
  }

  async delete(id: string): Promise<void> {
    this.runs.delete(id);
    const dir = this.runDir(id);
    await this.enqueue(`${dir}/run.json`, () => rm(dir, { recursive: true, force: true }));
  }

  /** Appends a log line; lines logged in a burst reach the file in one write. */
  appendLog(runId: string, nodeId: string, msg: string, t = Date.now()): Promise<void> {
    const file = path.join(this.runDir(runId), "logs", `${nodeId}.jsonl`);
    const line = `${JSON.stringify({ t, msg } satisfies LogLine)}\n`;
    const pending = this.pendingLogs.get(file);
    if (pending) {
      pending.lines.push(line);
      return pending.written;
    }
    const batch = { lines: [line], written: Promise.resolve() };
    this.pendingLogs.set(file, batch);
    batch.written = this.enqueue(file, async () => {
      this.pendingLogs.delete(file);
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, batch.lines.join(""));
    });
    return batch.written;
  }

  async readLogs(runId: string, nodeId: string): Promise<LogLine[]> {
    const file = path.join(this.runDir(runId), "logs", `${nodeId}.jsonl`);
    await this.chains.pending(file);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      return [];
    }
    return text
      .split("\n")
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as LogLine);
  }

  async clearLogs(runId: string): Promise<void> {
    await rm(path.join(this.runDir(runId), "logs"), { recursive: true, force: true });
  }

  /** Waits for every pending write. */
  flush(): Promise<void> {
    return this.chains.flush();
  }

  private enqueue(key: string, task: () => Promise<unknown>): Promise<void> {
    return this.chains.enqueue(key, task);
  }
}
