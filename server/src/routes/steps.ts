/**
 * Per-step routes: logs, outputs, and (local mode) a preview of an output table; each only for
 * users who may see the run (a PRIVATE run: its creator and admins).
 */
import {
  PreviewQuerySchema,
  type PreviewResponse,
  StepLogsQuerySchema,
  type StepLogsResponse,
  type StepOutputsResponse,
} from "@pfd/shared";
import { type Request, Router } from "express";
import { userOf } from "../auth/request";
import { PaiflowError } from "../paiflow/errors";
import { rootNode } from "../paiflow/follow";
import { stepsOf, toPreview, toStepOutput } from "../paiflow/map";
import type { AppContext } from "./context";
import { HttpError, invalidRequest } from "./errors";
import { accessOf, assertMaySee } from "./run-access";

/** PAIFlow's node id of a manifest step, found through the run's node tree, once the user may see the run. */
async function nodeIdOf(ctx: AppContext, req: Request, runId: string, stepName: string): Promise<string> {
  const { paiflow } = ctx;
  const run = await paiflow.getPipelineRun(runId);
  assertMaySee(userOf(req), accessOf(ctx, runId, run.Accessibility));
  const root = run.NodeId ? await rootNode(paiflow, runId, run.NodeId) : undefined;
  const step = stepsOf(root).find((s) => s.stepName === stepName);
  if (!step) {
    throw new HttpError(
      404,
      "StepNotFound",
      `Run ${runId} has no step "${stepName}" (yet: steps appear once the run starts)`,
    );
  }
  return step.nodeId;
}

export function stepRoutes(ctx: AppContext): Router {
  const router = Router();
  const { paiflow } = ctx;

  router.get("/runs/:runId/steps/:stepName/logs", async (req, res) => {
    const query = StepLogsQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidRequest(query.error, "query");
    const { runId, stepName } = req.params;
    const nodeId = await nodeIdOf(ctx, req, runId, stepName);
    const result = await paiflow.listPipelineRunNodeLogs(runId, nodeId, query.data);
    const logs = result.Logs ?? [];
    const body: StepLogsResponse = {
      logs,
      totalCount: result.TotalCount ?? query.data.offset + logs.length,
      nextOffset: query.data.offset + logs.length,
    };
    res.json(body);
  });

  router.get("/runs/:runId/steps/:stepName/outputs", async (req, res) => {
    const { runId, stepName } = req.params;
    const nodeId = await nodeIdOf(ctx, req, runId, stepName);
    const result = await paiflow.listPipelineRunNodeOutputs(runId, nodeId, { depth: 1 });
    const body: StepOutputsResponse = { outputs: (result.Outputs ?? []).map(toStepOutput) };
    res.json(body);
  });

  router.get("/runs/:runId/steps/:stepName/outputs/:output/preview", async (req, res) => {
    if (ctx.mode !== "local") {
      throw new HttpError(
        501,
        "PreviewUnavailable",
        "Data preview needs the local PAIFlow: in cloud mode, open the table in MaxCompute or the PAI console",
      );
    }
    const query = PreviewQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidRequest(query.error, "query");
    const { runId, stepName, output } = req.params;
    const nodeId = await nodeIdOf(ctx, req, runId, stepName);
    try {
      const body: PreviewResponse = toPreview(
        await paiflow.previewNodeOutput(runId, nodeId, output, query.data.limit),
      );
      res.json(body);
    } catch (error) {
      if (error instanceof PaiflowError && error.code === "InvalidAction.NotFound") {
        throw new HttpError(501, "PreviewUnavailable", "This PAIFlow service offers no data preview");
      }
      throw error;
    }
  });

  return router;
}
