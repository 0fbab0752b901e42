/**
 * Run routes: create, follow, terminate/rerun/start, and the manifest that ran (the list is in
 * run-list.ts). Starting and acting on runs follow the user's role; every such action, allowed
 * or not, is written to the audit log.
 */
import {
  type CreateRunRequest,
  CreateRunRequestSchema,
  type CreateRunResponse,
  type RunActionResponse,
  type RunDetail,
  type RunManifestResponse,
  type RunVerb,
} from "@pfd/shared";
import { type RequestHandler, Router } from "express";
import { audited } from "../audit/audited";
import { userOf } from "../auth/request";
import { creatorOf } from "../auth/user";
import type { CheckedManifest, ManifestChecker } from "../paiflow/check";
import { getRunDetail } from "../paiflow/follow";
import { deriveScopedManifest, reusedSteps } from "../paiflow/partial";
import { manifestText, type RecentManifests } from "../paiflow/run-manifest";
import { pipelineNameOf, prepareRun } from "../paiflow/submit";
import { runDraftJob } from "../paistudio/jobs";
import { logOutcome } from "../request-log";
import type { AppContext } from "./context";
import { HttpError, invalidRequest, sendJson } from "./errors";
import { accessOf, assertMayAct, assertMayRun, assertMaySee, withCreator } from "./run-access";
import { runListRoutes } from "./run-list";

/**
 * In cloud mode a scoped run submits a derived manifest (paiflow/partial.ts); the check of the
 * full manifest stands for it. Local mode passes the scope to the engine.
 */
async function cloudScope(
  ctx: AppContext,
  request: CreateRunRequest,
  checked: CheckedManifest,
): Promise<CreateRunRequest> {
  if (ctx.mode !== "cloud" || !request.scope || !checked.entry) return request;
  const derived = await deriveScopedManifest(
    ctx.paiflow,
    { ...request, scope: request.scope },
    {
      workspaceId: request.workspaceId ?? ctx.config.workspaceId,
      pipelineName: pipelineNameOf(checked.entry),
    },
  );
  if (!derived.ok) throw new HttpError(400, derived.code, derived.message, { field: derived.field });
  return { ...request, manifest: derived.manifest, scope: undefined };
}

/**
 * A scoped run of a saved draft in cloud mode goes through PaiStudio's CreateJob (PAI runs the
 * draft as saved, so a draft with unsaved edits is refused: save first). Undefined when the
 * request is not one.
 */
async function draftJob(ctx: AppContext, request: CreateRunRequest, checked: CheckedManifest) {
  if (ctx.mode !== "cloud" || !request.scope || !checked.entry) return undefined;
  if (request.unsavedDraftId) {
    throw new HttpError(
      409,
      "DraftUnsaved",
      `Draft ${request.unsavedDraftId} has edits that are not saved, and PAI runs a step of the draft as saved: save the draft (Ctrl+S), then run the step again`,
      { field: "unsavedDraftId" },
    );
  }
  const studio = ctx.workspace?.studio;
  if (!request.sourceId || !studio) return undefined;
  const errors = checked.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new HttpError(400, "InvalidManifest", `The manifest has errors: ${errors[0]?.message}`, {
      problems: checked.problems,
    });
  }
  const job = await runDraftJob(
    { studio, paiflow: ctx.paiflow },
    { ...request, scope: request.scope, sourceId: request.sourceId },
    {
      workspaceId: request.workspaceId ?? ctx.config.workspaceId,
      pipelineName: pipelineNameOf(checked.entry),
    },
  );
  if (!job.ok) throw new HttpError(400, job.code, job.message, { field: job.field });
  return job;
}

export function runRoutes(
  ctx: AppContext,
  checker: ManifestChecker,
  manifests: RecentManifests,
  createLimit: RequestHandler,
): Router {
  const router = Router();
  const { paiflow } = ctx;

  router.post("/runs", createLimit, async (req, res) => {
    const user = userOf(req);
    const created = await audited(
      ctx.audit,
      req,
      "run.create",
      (result) => ({ pipelineRunId: result.PipelineRunId }),
      async () => {
        assertMayRun(user);
        const parsed = CreateRunRequestSchema.safeParse(req.body);
        if (!parsed.success) throw invalidRequest(parsed.error, "body");
        const { components } = await ctx.components();
        const checked = checker.check(parsed.data.manifest, components);
        const job = await draftJob(ctx, parsed.data, checked);
        if (job) {
          await ctx.records.runs.record(job.pipelineRunId, creatorOf(user), {
            accessibility: parsed.data.accessibility ?? null,
            workspaceId: parsed.data.workspaceId ?? ctx.config.workspaceId ?? null,
          });
          manifests.remember(job.pipelineRunId, job.manifest);
          return { PipelineRunId: job.pipelineRunId, RequestId: job.requestId };
        }
        const request = await cloudScope(ctx, parsed.data, checked);
        const prepared = prepareRun(request, checked, { config: ctx.config, mode: ctx.mode });
        if (!prepared.ok) {
          throw new HttpError(
            400,
            prepared.code,
            prepared.message,
            prepared.code === "InvalidManifest" ? { problems: prepared.problems } : { field: prepared.field },
          );
        }
        const result = await paiflow.createPipelineRun(prepared.input);
        await ctx.records.runs.record(result.PipelineRunId, creatorOf(user), {
          accessibility: parsed.data.accessibility ?? null,
          workspaceId: prepared.input.WorkspaceId,
        });
        // The checked copy when it is the same text: repeated runs then share one string.
        manifests.remember(
          result.PipelineRunId,
          request.manifest === checked.text ? checked.text : request.manifest,
        );
        return result;
      },
    );
    logOutcome(
      req,
      { pipelineRunId: created.PipelineRunId, requestId: created.RequestId },
      "pipeline run created",
    );
    const body: CreateRunResponse = { pipelineRunId: created.PipelineRunId, requestId: created.RequestId };
    sendJson(res, 201, body);
  });

  router.use(runListRoutes(ctx));

  router.get("/runs/:runId", async (req, res) => {
    const runId = req.params.runId;
    const view = { mode: ctx.mode, regionId: ctx.config.regionId, workspaceId: ctx.config.workspaceId };
    const detail: RunDetail = withCreator(
      await getRunDetail(paiflow, runId, view),
      ctx.records.runs.get(runId),
    );
    assertMaySee(userOf(req), detail);
    // A cloud partial run's steps outside its scope are not in PAIFlow's run: its manifest names them.
    const reused = ctx.mode === "cloud" ? reusedSteps(manifests.get(runId)) : [];
    detail.steps.push(...reused.filter((r) => !detail.steps.some((s) => s.stepName === r.stepName)));
    res.json(detail);
  });

  router.get("/runs/:runId/manifest", async (req, res) => {
    const runId = req.params.runId;
    let text = manifests.get(runId);
    let access = accessOf(ctx, runId);
    if (text === undefined || access.createdBy === undefined) {
      const run = await paiflow.getPipelineRun(runId, { verbose: true, manifestType: "Raw" });
      access = accessOf(ctx, runId, run.Accessibility);
      text ??= manifestText(run.Manifest);
    }
    assertMaySee(userOf(req), access);
    if (text === undefined)
      throw new HttpError(404, "NotFound", `PAIFlow keeps no manifest for run ${runId}`);
    const body: RunManifestResponse = { pipelineRunId: runId, manifest: text };
    res.json(body);
  });

  const action =
    (verb: RunVerb, call: (runId: string) => Promise<{ RequestId?: string | undefined }>): RequestHandler =>
    async (req, res) => {
      const runId = String(req.params.runId);
      const result = await audited(ctx.audit, req, `run.${verb}`, { pipelineRunId: runId }, async () => {
        // Who started it is ours to know (PAIFlow sees one account), so no PAIFlow call decides.
        assertMayAct(userOf(req), verb, accessOf(ctx, runId));
        return call(runId);
      });
      logOutcome(req, { pipelineRunId: runId, requestId: result.RequestId }, `run ${verb}`);
      const body: RunActionResponse = { pipelineRunId: runId, requestId: result.RequestId ?? "" };
      res.json(body);
    };
  router.post(
    "/runs/:runId/terminate",
    action("terminate", (id) => paiflow.terminatePipelineRun(id)),
  );
  router.post(
    "/runs/:runId/rerun",
    createLimit,
    action("rerun", (id) => paiflow.rerunPipelineRun(id)),
  );
  router.post(
    "/runs/:runId/start",
    action("start", (id) => paiflow.startPipelineRun(id)),
  );

  return router;
}
