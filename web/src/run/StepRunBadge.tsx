/**
 * What a canvas node shows of its step's run: the status word and how long it ran (ticking while
 * it runs). The node itself carries `data-status` (see useStepRunStatus); this is the visible part.
 */
import type { StepStatus } from "@pfd/shared";
import { memo } from "react";
import { elapsedMs, formatDuration, statusKind, statusLabel } from "./status";
import { useNow } from "./useNow";

export const StepRunBadge = memo(function StepRunBadge({ step }: { step: StepStatus | undefined }) {
  const running = step?.status === "Running";
  const now = useNow(running);
  if (!step) return null;
  const ms = elapsedMs(step.startedAt, step.finishedAt, now);
  return (
    <span className={`pfd-run-badge pfd-run-${statusKind(step.status)}`} title={`Run status: ${step.status}`}>
      <span className="pfd-run-dot" aria-hidden="true" />
      {statusLabel(step.status)}
      {ms !== undefined && <span className="pfd-run-badge-time"> · {formatDuration(ms)}</span>}
    </span>
  );
});
