/** `GET /api/health`, `POST /api/validate` (the components are routes/components.ts's). */
import { type HealthResponse, ValidateRequestSchema, type ValidateResponse } from "@pfd/shared";
import { Router } from "express";
import type { ManifestChecker } from "../paiflow/check";
import { LOCAL_WORKSPACE_ID } from "../paiflow/submit";
import type { AppContext } from "./context";
import { invalidRequest } from "./errors";

export function metaRoutes(ctx: AppContext, checker: ManifestChecker): Router {
  const router = Router();

  router.get("/health", (_req, res) => {
    const body: HealthResponse = {
      status: "ok",
      mode: ctx.mode,
      region: ctx.config.regionId,
      endpoint: ctx.endpoint,
      workspaceId: ctx.config.workspaceId ?? (ctx.mode === "local" ? LOCAL_WORKSPACE_ID : null),
      maxComputeProject: ctx.config.maxComputeProject ?? null,
    };
    res.json(body);
  });

  router.post("/validate", async (req, res) => {
    const parsed = ValidateRequestSchema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error, "body");
    const { components } = await ctx.components();
    const body: ValidateResponse = { problems: checker.check(parsed.data.manifest, components).problems };
    res.json(body);
  });

  return router;
}
