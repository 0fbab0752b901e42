/**
 * TanStack Query options for everything a run view reads from the server.
 *
 * Keys are hierarchical under `["runs", runId]` so one invalidation refreshes a run and all its
 * steps' logs and outputs (after Rerun, say). Query functions receive the client as `api`, so
 * tests and the history view can bring their own.
 */
import type { RunDetail, StepLogsResponse } from "@pfd/shared";
import { queryOptions } from "@tanstack/react-query";
import type { RunApi } from "./api";
import { backoffInterval, type PollPolicy, RUN_POLL } from "./polling";
import { isTerminal } from "./status";

export const runKeys = {
  all: ["runs"] as const,
  list: (page: number, pageSize: number, mine = false) => ["runs", "list", { page, pageSize, mine }] as const,
  run: (runId: string) => ["runs", "run", runId] as const,
  manifest: (runId: string) => ["runs", "run", runId, "manifest"] as const,
  logs: (runId: string, stepName: string) => ["runs", "run", runId, "steps", stepName, "logs"] as const,
  outputs: (runId: string, stepName: string) => ["runs", "run", runId, "steps", stepName, "outputs"] as const,
  preview: (runId: string, stepName: string, output: string, limit: number) =>
    ["runs", "run", runId, "steps", stepName, "preview", output, limit] as const,
  health: ["health"] as const,
};

/** The server's mode (local or cloud) and defaults; they do not change while the page is open. */
export function healthQuery(api: RunApi) {
  return queryOptions({
    queryKey: runKeys.health,
    queryFn: ({ signal }) => api.health(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * One run with its steps' statuses. With `poll`, polled with backoff until the run ends; only
 * one observer of a run should poll (each polling observer keeps its own timer), the others
 * read the same cache entry.
 */
export function runQuery(
  api: RunApi,
  runId: string,
  { poll = false, policy = RUN_POLL }: { poll?: boolean; policy?: PollPolicy } = {},
) {
  return queryOptions({
    queryKey: runKeys.run(runId),
    queryFn: ({ signal }) => api.getRun(runId, signal),
    refetchInterval: poll ? backoffInterval((run: RunDetail) => run.status, policy) : false,
    // A run keeps going while the analyst looks at the YAML in another tab.
    refetchIntervalInBackground: true,
  });
}

/**
 * A page of past runs (with `mine`, only the signed-in user's), newest first; refreshed every few
 * seconds while the Runs panel is open.
 */
export function runsQuery(api: RunApi, page = 1, pageSize = 20, mine = false) {
  return queryOptions({
    queryKey: runKeys.list(page, pageSize, mine),
    queryFn: ({ signal }) => api.listRuns({ page, pageSize, ...(mine ? { mine } : {}) }, signal),
    refetchInterval: 5000,
  });
}

/** The manifest a run ran; it never changes. */
export function runManifestQuery(api: RunApi, runId: string) {
  return queryOptions({
    queryKey: runKeys.manifest(runId),
    queryFn: ({ signal }) => api.getRunManifest(runId, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** All log lines of a step read so far. */
export interface LogLines {
  lines: string[];
  /** Where the next read starts. */
  nextOffset: number;
  totalCount: number;
}

/** Most pages read in one fetch, so a huge log arrives in steps rather than one long wait. */
const MAX_PAGES_PER_FETCH = 20;

/**
 * A step's log, streamed: each fetch reads only the lines after those already held and appends
 * them, so following a long log costs one small request per poll. Polls while the step runs.
 */
export function stepLogsQuery(api: RunApi, runId: string, stepName: string, stepStatus: string | undefined) {
  const queryKey = runKeys.logs(runId, stepName);
  return queryOptions({
    queryKey,
    queryFn: async ({ client, signal }): Promise<LogLines> => {
      const held = client.getQueryData<LogLines>(queryKey) ?? { lines: [], nextOffset: 0, totalCount: 0 };
      let lines = held.lines;
      let offset = held.nextOffset;
      let totalCount = held.totalCount;
      for (let page = 0; page < MAX_PAGES_PER_FETCH; page++) {
        const answer: StepLogsResponse = await api.stepLogs(runId, stepName, offset, signal);
        totalCount = answer.totalCount;
        if (answer.logs.length === 0 || answer.nextOffset <= offset) break;
        lines = lines.concat(answer.logs);
        offset = answer.nextOffset;
        if (offset >= totalCount) break;
      }
      if (lines === held.lines && totalCount === held.totalCount) return held;
      return { lines, nextOffset: offset, totalCount };
    },
    // Structural sharing would compare every line of a long log on each poll; identity suffices.
    structuralSharing: false,
    refetchInterval: isTerminal(stepStatus) ? false : 1500,
    refetchIntervalInBackground: true,
  });
}

/** A step's output artifacts (tables, models, evaluation results). */
export function stepOutputsQuery(
  api: RunApi,
  runId: string,
  stepName: string,
  stepStatus: string | undefined,
) {
  return queryOptions({
    queryKey: runKeys.outputs(runId, stepName),
    queryFn: ({ signal }) => api.stepOutputs(runId, stepName, signal),
    // Outputs appear when the step ends; until then, look again now and then.
    refetchInterval: isTerminal(stepStatus) ? false : 3000,
    staleTime: isTerminal(stepStatus) ? Number.POSITIVE_INFINITY : 0,
  });
}

/** The first rows of an output table, with column names and types (local mode). */
export function previewQuery(api: RunApi, runId: string, stepName: string, output: string, limit = 100) {
  return queryOptions({
    queryKey: runKeys.preview(runId, stepName, output, limit),
    queryFn: ({ signal }) => api.preview(runId, stepName, output, limit, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
