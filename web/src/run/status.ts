/**
 * PAIFlow run and node statuses, and how the designer shows them.
 *
 * The server passes PAIFlow's status words through unchanged (they are what `data-status`
 * carries); this module is the one place that knows which words mean "still going", which are
 * final, and how each looks.
 */
import { isTerminalStatus, type KNOWN_RUN_STATUSES } from "@pfd/shared";

type KnownStatus = (typeof KNOWN_RUN_STATUSES)[number];

/** How a status is drawn: one colour and icon per kind. */
export type StatusKind =
  | "waiting"
  | "running"
  | "succeeded"
  | "reused"
  | "failed"
  | "skipped"
  | "terminated"
  | "unknown";

const KIND = new Map<string, StatusKind>(
  Object.entries({
    Initialized: "waiting",
    ReadyToSchedule: "waiting",
    Starting: "waiting",
    WorkflowServiceStarting: "waiting",
    Suspended: "waiting",
    Running: "running",
    Terminating: "running",
    Succeeded: "succeeded",
    Failed: "failed",
    Terminated: "terminated",
    Skipped: "skipped",
    // Outputs taken from an earlier run: done, but not computed by this run.
    Reused: "reused",
    Unknown: "unknown",
  } satisfies Record<KnownStatus, StatusKind>),
);

/** The kind a PAIFlow status word is drawn as; an unheard-of word is "unknown", never an error. */
export function statusKind(status: string | undefined): StatusKind {
  return (status !== undefined && KIND.get(status)) || "unknown";
}

/** True once a run or node can no longer change: polling stops, Terminate hides. */
export function isTerminal(status: string | undefined): boolean {
  return status !== undefined && isTerminalStatus(status);
}

/** Milliseconds between two ISO times, the end defaulting to `now` for something still running. */
export function elapsedMs(
  startedAt: string | null | undefined,
  finishedAt: string | null | undefined,
  now: number,
): number | undefined {
  if (!startedAt) return undefined;
  const start = Date.parse(startedAt);
  if (Number.isNaN(start)) return undefined;
  const end = finishedAt ? Date.parse(finishedAt) : now;
  if (Number.isNaN(end)) return undefined;
  return Math.max(0, end - start);
}
