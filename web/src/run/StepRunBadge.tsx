/**
 * What a canvas node (and the run views) show of a step's run: the status word and how long it
 * ran (ticking while it runs).
 */
import type { StepStatus } from "@pfd/shared";
import { memo } from "react";
import { formatDuration, useT } from "../i18n";
import { elapsedMs, statusKind } from "./status";
import { statusText } from "./text";
import { useNow } from "./useNow";

export const StepRunBadge = memo(function StepRunBadge({ step }: { step: StepStatus | undefined }) {
  const running = step?.status === "Running";
  const now = useNow(running);
  // One hook per badge: a canvas during a run renders one per step.
  const t = useT();
  const from = step?.reusedFrom?.pipelineRunId;
  // A reused step did not run now: no duration, but where its outputs come from.
  const ms = step && !from ? elapsedMs(step.startedAt, step.finishedAt, now) : undefined;
  return (
    <span
      className={step ? `pfd-run-badge pfd-run-${statusKind(step.status)}` : "pfd-run-badge-empty"}
      title={
        step
          ? from
            ? t("status.reusedFrom", { run: from })
            : t("status.title", { status: statusText(t, step.status) })
          : undefined
      }
    >
      {step && <span className="pfd-run-dot" aria-hidden="true" />}
      {step && statusText(t, step.status)}
      {from && <span className="pfd-run-badge-from"> · {t("status.from", { run: from })}</span>}
      {ms !== undefined && <span className="pfd-run-badge-time"> · {formatDuration(ms, t.locale)}</span>}
    </span>
  );
});
