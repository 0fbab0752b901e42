/**
 * What a canvas node shows of its step's run: the status word and how long it ran (ticking while
 * it runs). Inside a React Flow node it also mirrors `data-status` onto the node's wrapper (the
 * element carrying the node's accessible name), so tests and styles find the status on the
 * node element itself, whichever element they hold.
 */
import type { StepStatus } from "@pfd/shared";
import { memo, useLayoutEffect, useRef } from "react";
import { formatDuration, useT } from "../i18n";
import { elapsedMs, statusKind } from "./status";
import { statusText } from "./text";
import { useNow } from "./useNow";

export const StepRunBadge = memo(function StepRunBadge({ step }: { step: StepStatus | undefined }) {
  const running = step?.status === "Running";
  const now = useNow(running);
  const ref = useRef<HTMLSpanElement>(null);
  // One hook per badge: a 1,000-step canvas renders a thousand of them.
  const t = useT();
  const status = step?.status;
  useLayoutEffect(() => {
    const wrapper = ref.current?.closest(".react-flow__node");
    if (!wrapper) return;
    if (status === undefined) wrapper.removeAttribute("data-status");
    else wrapper.setAttribute("data-status", status);
  }, [status]);
  const from = step?.reusedFrom?.pipelineRunId;
  // A reused step did not run now: no duration, but where its outputs come from.
  const ms = step && !from ? elapsedMs(step.startedAt, step.finishedAt, now) : undefined;
  return (
    <span
      ref={ref}
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
