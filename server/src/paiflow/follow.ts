/**
 * Reading a run's state (run + node tree, mapped to manifest step names) and following it until
 * it ends. Shared by `GET /api/runs/:runId` and `pfd run --wait`.
 */
import { isTerminalStatus, type RunDetail } from "@pfd/shared";
import type { PaiflowClient } from "./client";
import { PaiflowError } from "./errors";
import { consoleUrlOf, toRunDetail } from "./map";
import type { PipelineRunNode } from "./types";

export interface RunView {
  mode: "local" | "cloud";
  regionId: string;
  /** Workspace for the console link when PAIFlow does not name one. */
  workspaceId?: string;
}

/**
 * The run's root node with its steps. A run that has not started yet may have no node tree;
 * that is an empty list of steps, not an error.
 */
export async function rootNode(
  client: PaiflowClient,
  runId: string,
  nodeId: string,
): Promise<PipelineRunNode | undefined> {
  try {
    return await client.getPipelineRunNode(runId, nodeId, { depth: 2 });
  } catch (error) {
    if (error instanceof PaiflowError && error.source === "paiflow" && error.status === 404) return undefined;
    throw error;
  }
}

export async function getRunDetail(client: PaiflowClient, runId: string, view: RunView): Promise<RunDetail> {
  const run = await client.getPipelineRun(runId);
  const root = run.NodeId ? await rootNode(client, runId, run.NodeId) : undefined;
  const consoleUrl =
    view.mode === "cloud"
      ? consoleUrlOf(view.regionId, run.WorkspaceId ?? view.workspaceId, runId)
      : undefined;
  return toRunDetail(run, root, consoleUrl);
}

export interface FollowOptions {
  intervalMs: number;
  /** Called with each state read; `changed` lists the steps whose status is new since the last one. */
  onUpdate(detail: RunDetail, changed: RunDetail["steps"]): void;
  signal?: AbortSignal;
}

/** Polls the run until it reaches a terminal status (or the signal aborts); returns its last state. */
export async function followRun(
  client: PaiflowClient,
  runId: string,
  view: RunView,
  options: FollowOptions,
): Promise<RunDetail> {
  const seen = new Map<string, string>();
  let lastRunStatus = "";
  for (;;) {
    const detail = await getRunDetail(client, runId, view);
    const changed = detail.steps.filter((step) => seen.get(step.stepName) !== step.status);
    for (const step of changed) seen.set(step.stepName, step.status);
    if (changed.length > 0 || detail.status !== lastRunStatus) options.onUpdate(detail, changed);
    lastRunStatus = detail.status;
    if (isTerminalStatus(detail.status) || options.signal?.aborted) return detail;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.intervalMs);
      options.signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
