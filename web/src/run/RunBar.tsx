/**
 * The run bar (accessible name "Run status"): the followed run's id, who started it (with
 * sign-in), status word, elapsed time, console link (cloud mode) and actions, each disabled
 * with its reason when the user's role does not allow it; or why the last Run was refused.
 */
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { denialText } from "../auth/denial";
import { useFormats, useT } from "../i18n";
import { problemText } from "../problems/format";
import { ErrorNotice } from "./ErrorNotice";
import { asRunApiError } from "./errors";
import { runQuery } from "./queries";
import { RunActions } from "./RunActions";
import { useRunContext } from "./RunProvider";
import { FIELD_LABELS } from "./settings";
import { elapsedMs, isTerminal, statusKind } from "./status";
import { statusText } from "./text";
import { useNow } from "./useNow";

const RunsPanel = lazy(() => import("./RunsPanel"));

export function RunBar() {
  const { followedRunId, refusal, dismissRefusal } = useRunContext();
  const [runsOpen, setRunsOpen] = useState(false);
  const t = useT();
  return (
    <section aria-label={t("runBar.label")} className="pfd-run-bar">
      {followedRunId ? (
        <FollowedRun runId={followedRunId} />
      ) : (
        <span className="pfd-run-idle">{t("runBar.idle")}</span>
      )}
      <span className="pfd-run-bar-spacer" />
      <button type="button" className="btn" onClick={() => setRunsOpen(true)} aria-haspopup="dialog">
        {t("runBar.runs")}
      </button>
      {refusal && (
        <div className="pfd-run-refusal">
          {refusal.kind === "error" ? (
            <ErrorNotice error={refusal.error} title={t("runBar.startFailed")} />
          ) : (
            <div role="alert" className="pfd-run-error">
              <span className="pfd-run-error-message">
                {refusal.kind === "role"
                  ? t("run.notRole", { reason: denialText(t, refusal.denial) })
                  : refusal.kind === "problems"
                    ? t("run.notProblems", { count: refusal.problems.length })
                    : t("run.notSettings", {
                        fields: refusal.fields.map((f) => t(FIELD_LABELS[f])).join(t("common.listSeparator")),
                      })}
              </span>
              {refusal.kind === "problems" && (
                <ul className="pfd-run-problems">
                  {refusal.problems.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity and never reorder here
                    <li key={i}>
                      {p.location.step && <code>{p.location.step}</code>} {problemText(t, p)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <button
            type="button"
            className="btn icon"
            onClick={dismissRefusal}
            aria-label={t("common.dismiss")}
          >
            ×
          </button>
        </div>
      )}
      {runsOpen && (
        <Suspense fallback={null}>
          <RunsPanel onClose={() => setRunsOpen(false)} />
        </Suspense>
      )}
    </section>
  );
}

function FollowedRun({ runId }: { runId: string }) {
  const { api, me, follow, showStepDetails } = useRunContext();
  const { data: run, error } = useQuery(runQuery(api, runId));
  const terminal = isTerminal(run?.status);
  const now = useNow(Boolean(run) && !terminal);
  const ms = run ? elapsedMs(run.startedAt, run.finishedAt, now) : undefined;
  const failedStep = run?.steps.find((s) => s.status === "Failed");
  const t = useT();
  const { duration } = useFormats();
  return (
    <>
      <span className="pfd-run-id">
        {t("runBar.run")} <code>{runId}</code>
      </span>
      {run?.createdBy && me && me.authMode !== "none" && (
        <span
          className="pfd-run-by"
          title={t("runBar.startedBy", { name: run.createdBy.name, id: run.createdBy.id })}
        >
          {t("runBar.by", { name: run.createdBy.name })}
        </span>
      )}
      {run && (
        <span
          className={`pfd-run-word pfd-run-${statusKind(run.status)}`}
          data-status={run.status}
          aria-live="polite"
        >
          {statusText(t, run.status)}
        </span>
      )}
      {!run && !error && <span className="pfd-run-word">{t("common.loading")}</span>}
      {ms !== undefined && (
        <span className="pfd-run-elapsed" title={t("runBar.elapsed")}>
          {duration(ms)}
        </span>
      )}
      {run?.consoleUrl && (
        <a href={run.consoleUrl} target="_blank" rel="noreferrer">
          {t("runBar.console")}
        </a>
      )}
      {failedStep && (
        <button type="button" className="pfd-run-link" onClick={() => showStepDetails(failedStep.stepName)}>
          {t("runBar.failedStep", { step: failedStep.stepName })}
        </button>
      )}
      {run?.message && run.status !== "Succeeded" && <span className="pfd-run-message">{run.message}</span>}
      {run && <RunActions run={run} />}
      {error && <ErrorNotice error={asRunApiError(error)} title={t("runBar.cannotFollow")} />}
      <button type="button" className="btn" onClick={() => follow(null)} title={t("runBar.clearTitle")}>
        {t("runBar.clear")}
      </button>
    </>
  );
}
