/**
 * `POST /api/client-errors`: a failure the web app caught (an error boundary around the canvas,
 * the inspector, the YAML panel or the run views). It is logged through the server's logger under
 * the report's request id, which the answer gives back for the page to show. The body has its own
 * small limit (mounted before the API's manifest-sized parser), and reports are rate limited per
 * user, so a page failing in a loop cannot flood the log.
 */
import { ClientErrorReportSchema, type ClientErrorResponse, MAX_CLIENT_ERROR_BYTES } from "@pfd/shared";
import express, { Router } from "express";
import { rateLimit } from "express-rate-limit";
import { invalidRequest, sendError } from "./errors";

/** Reports accepted per user and minute; one failing page sends one per failure, not per frame. */
export const CLIENT_ERROR_RATE = 20;

export function clientErrorRoutes(): Router {
  const router = Router();
  const limit = rateLimit({
    windowMs: 60_000,
    limit: CLIENT_ERROR_RATE,
    keyGenerator: (req) => `user:${req.user?.id ?? ""}`,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (_req, res) =>
      sendError(res, 429, {
        code: "RateLimited",
        message: `Too many error reports: at most ${CLIENT_ERROR_RATE} per minute`,
      }),
  });

  router.post("/client-errors", limit, express.json({ limit: MAX_CLIENT_ERROR_BYTES }), (req, res) => {
    const parsed = ClientErrorReportSchema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error, "body");
    const report = parsed.data;
    req.log.error(
      { clientError: report, user: req.user?.id },
      `web app failed in the ${report.area}: ${report.name}: ${report.message}`,
    );
    const body: ClientErrorResponse = { requestId: String(req.id) };
    res.status(202).json(body);
  });
  return router;
}
