/**
 * Partial runs of a saved draft in cloud mode, as PAI Designer makes them: PaiStudio CreateJob
 * with EXECUTE_ONE, EXECUTE_TO_HERE or EXECUTE_FROM_HERE and the node, then GetJob until the job
 * names its PAIFlow run, which is followed like any other. Before anything is submitted, the
 * steps outside the scope that it needs must have succeeded in an earlier run of the draft
 * (partial.ts's check), so the refusal names the step to run first, as everywhere else.
 */
import {
  type CreateRunRequest,
  EXECUTE_TYPES,
  JOB_RUN_WAIT,
  jobEndedWithoutRun,
  jobNodeId,
  type RunScope,
} from "@pfd/shared";
import type { PaiflowClient } from "../paiflow/client";
import { PaiflowError } from "../paiflow/errors";
import { checkScope, withReusedAnnotation } from "../paiflow/partial";
import type { PaistudioClient } from "./client";

export type DraftJob =
  | {
      ok: true;
      jobId: string;
      pipelineRunId: string;
      requestId: string;
      /** The manifest the run is remembered by: the job's, with the reused steps annotated. */
      manifest: string;
    }
  | { ok: false; code: "StepOutputMissing" | "InvalidRequest"; message: string; field: string };

export async function runDraftJob(
  clients: { studio: PaistudioClient; paiflow: PaiflowClient },
  request: CreateRunRequest & { scope: RunScope; sourceId: string },
  where: { workspaceId?: string; pipelineName: string },
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<DraftJob> {
  const checked = await checkScope(clients.paiflow, request, where);
  if (!checked.ok) return checked;
  const created = await clients.studio.createJob({
    PipelineDraftId: request.sourceId,
    ExecuteType: EXECUTE_TYPES[request.scope.mode],
    NodeId: jobNodeId(request.scope.step),
    ...(request.options ? { Options: request.options } : {}),
  });
  const deadline = Date.now() + JOB_RUN_WAIT.timeoutMs;
  for (;;) {
    const job = await clients.studio.getJob(created.JobId);
    if (job.RunId) {
      return {
        ok: true,
        jobId: created.JobId,
        pipelineRunId: job.RunId,
        requestId: created.RequestId ?? "",
        manifest: withReusedAnnotation(job.RunInfo || request.manifest, checked.reused),
      };
    }
    if (jobEndedWithoutRun(job) || Date.now() >= deadline) {
      throw new PaiflowError({
        code: "JobRunMissing",
        message: jobEndedWithoutRun(job)
          ? `PAI's job ${created.JobId} for draft ${request.sourceId} ended ${job.Status} without starting a pipeline run`
          : `PAI's job ${created.JobId} for draft ${request.sourceId} has not started its pipeline run after ${JOB_RUN_WAIT.timeoutMs / 1000} s (status ${job.Status ?? "unknown"}): see the draft's runs in PAI's console`,
        source: "transport",
        service: "PaiStudio",
        ...(created.RequestId ? { requestId: created.RequestId } : {}),
      });
    }
    await sleep(JOB_RUN_WAIT.intervalMs);
  }
}
