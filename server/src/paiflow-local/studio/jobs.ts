/**
 * PaiStudio's jobs, answered locally: CreateJob runs a stored draft through the engine (a
 * node-relative ExecuteType becomes the engine's run scope, so steps outside it are reused from
 * earlier runs of the draft, or the job is refused naming the step to run first); GetJob gives
 * the job with its run's id, status and manifest.
 */
import { EXECUTE_TYPES, type RunScope } from "@pfd/shared";
import { ApiError, invalidParameter, missingParameter } from "../errors";
import { newId } from "../ids";
import { OPTIONS_KEY } from "../run-nodes";
import { type Body, type PaiflowService, str } from "../service";
import { draftManifest } from "./design";
import type { DraftRecord, JobRecord, StudioStore } from "./store";

const SCOPES = new Map<string, RunScope["mode"]>(
  Object.entries(EXECUTE_TYPES).map(([mode, type]) => [type, mode as RunScope["mode"]]),
);
const EXECUTE_ALL = "EXECUTE_ALL";

export async function createJob(
  svc: PaiflowService,
  store: StudioStore,
  draftOf: (id: string) => DraftRecord,
  body: Body,
  userId: string,
): Promise<{ JobId: string }> {
  // [C] ExperimentId is the deprecated name of PipelineDraftId.
  const draftId = str(body, "PipelineDraftId", 128) ?? str(body, "ExperimentId", 128);
  if (!draftId) throw missingParameter("PipelineDraftId");
  const draft = draftOf(draftId);
  const executeType = str(body, "ExecuteType", 32) ?? EXECUTE_ALL;
  const mode = SCOPES.get(executeType);
  if (!mode && executeType !== EXECUTE_ALL)
    throw invalidParameter(
      "ExecuteType",
      `the local service runs ${[EXECUTE_ALL, ...SCOPES.keys()].join(", ")}, not ${executeType}`,
    );
  const nodeId = str(body, "NodeId", 256);
  if (mode && !nodeId) throw missingParameter("NodeId");
  const given = str(body, "Options", 64 * 1024);
  let options: Record<string, unknown> = {};
  try {
    options = given ? (JSON.parse(given) as Record<string, unknown>) : {};
  } catch {
    throw invalidParameter("Options", "must be a JSON string");
  }
  const run = await svc.createRun(
    {
      WorkspaceId: draft.WorkspaceId,
      PipelineManifest: draftManifest(draft),
      Name: `${draft.Name} ${new Date().toISOString().slice(0, 19).replace("T", " ")}`,
      SourceType: "DESIGNER",
      SourceId: draft.ExperimentId,
      Options: JSON.stringify(
        mode && nodeId ? { ...options, [OPTIONS_KEY]: { scope: { mode, step: nodeId } } } : options,
      ),
    },
    userId,
  );
  const job: JobRecord = {
    JobId: newId("job", 18),
    ExperimentId: draft.ExperimentId,
    WorkspaceId: draft.WorkspaceId,
    ExecuteType: executeType,
    ...(nodeId ? { NodeId: nodeId } : {}),
    RunId: run.PipelineRunId,
    Creator: userId,
    GmtCreateTime: new Date().toISOString(),
  };
  await store.saveJob(job);
  return { JobId: job.JobId };
}

export function getJob(svc: PaiflowService, store: StudioStore, jobId: string): Record<string, unknown> {
  const job = store.jobs.get(jobId);
  if (!job) throw new ApiError(404, "JobNotFound", `The job "${jobId}" does not exist.`);
  const run = svc.store.get(job.RunId);
  return {
    ...job,
    Status: run?.Status ?? "Unknown",
    RunInfo: run?.Manifest,
    PaiflowNodeId: run?.Nodes.find((n) => n.Name === job.NodeId)?.NodeId,
  };
}
