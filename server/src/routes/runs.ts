/** Run routes: create, list, follow, terminate/rerun/start, and the manifest that ran. */
import {
  type CreateRunRequest,
  CreateRunRequestSchema,
  type CreateRunResponse,
  ListRunsQuerySchema,
  type ListRunsResponse,
  type RunActionResponse,
  type RunDetail,
  type RunManifestResponse,
} from "@pfd/shared";
import { type RequestHandler, Router } from "express";
import type { CheckedManifest, ManifestChecker } from "../paiflow/check";
import { getRunDetail } from "../paiflow/follow";
import { toRunSummary } from "../paiflow/map";
import { deriveScopedManifest, reusedSteps } from "../paiflow/partial";
import { manifestText, type RecentManifests } from "../paiflow/run-manifest";
import { pipelineNameOf, prepareRun } from "../paiflow/submit";
import type { AppContext } from "./context";
import { HttpError, invalidRequest } from "./errors";

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

export function runRoutes(
  ctx: AppContext,
  checker: ManifestChecker,
  manifests: RecentManifests,
  createLimit: RequestHandler,
): Router {
  const router = Router();
  const { paiflow } = ctx;

  router.post("/runs", createLimit, async (req, res) => {
    const parsed = CreateRunRequestSchema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error, "body");
    const { components } = await ctx.components();
    const checked = checker.check(parsed.data.manifest, components);
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
    const created = await paiflow.createPipelineRun(prepared.input);
    manifests.remember(created.PipelineRunId, request.manifest);
    req.log?.info(
      { pipelineRunId: created.PipelineRunId, requestId: created.RequestId },
      "pipeline run created",
    );
    const body: CreateRunResponse = { pipelineRunId: created.PipelineRunId, requestId: created.RequestId };
    res.status(201).json(body);
  });

  router.get("/runs", async (req, res) => {
    const parsed = ListRunsQuerySchema.safeParse(req.query);
    if (!parsed.success) throw invalidRequest(parsed.error, "query");
    const q = parsed.data;
    const result = await paiflow.listPipelineRuns({
      PageNumber: q.page,
      PageSize: q.pageSize,
      WorkspaceId: q.workspaceId ?? ctx.config.workspaceId,
      Status: q.status,
      Name: q.name,
    });
    const runs = (result.PipelineRuns ?? []).map(toRunSummary);
    const body: ListRunsResponse = {
      runs,
      totalCount: result.TotalCount ?? runs.length,
      page: q.page,
      pageSize: q.pageSize,
    };
    res.json(body);
  });

  router.get("/runs/:runId", async (req, res) => {
    const view = { mode: ctx.mode, regionId: ctx.config.regionId, workspaceId: ctx.config.workspaceId };
    const body: RunDetail = await getRunDetail(paiflow, req.params.runId, view);
    // A cloud partial run's steps outside its scope are not in PAIFlow's run: its manifest names them.
    const reused = ctx.mode === "cloud" ? reusedSteps(manifests.get(body.pipelineRunId)) : [];
    body.steps.push(...reused.filter((r) => !body.steps.some((s) => s.stepName === r.stepName)));
    res.json(body);
  });

  router.get("/runs/:runId/manifest", async (req, res) => {
    const runId = req.params.runId;
    let text = manifests.get(runId);
    if (text === undefined) {
      const run = await paiflow.getPipelineRun(runId, { verbose: true, manifestType: "Raw" });
      text = manifestText(run.Manifest);
    }
    if (text === undefined)
      throw new HttpError(404, "NotFound", `PAIFlow keeps no manifest for run ${runId}`);
    const body: RunManifestResponse = { pipelineRunId: runId, manifest: text };
    res.json(body);
  });

  const action =
    (call: (runId: string) => Promise<{ RequestId?: string | undefined }>): RequestHandler =>
    async (req, res) => {
      const runId = String(req.params.runId);
      const result = await call(runId);
      req.log?.info(
        { pipelineRunId: runId, requestId: result.RequestId },
        `run ${req.path.split("/").pop()}`,
      );
      const body: RunActionResponse = { pipelineRunId: runId, requestId: result.RequestId ?? "" };
      res.json(body);
    };
  router.post(
    "/runs/:runId/terminate",
    action((id) => paiflow.terminatePipelineRun(id)),
  );
  router.post(
    "/runs/:runId/rerun",
    action((id) => paiflow.rerunPipelineRun(id)),
  );
  router.post(
    "/runs/:runId/start",
    action((id) => paiflow.startPipelineRun(id)),
  );

  return router;
}
