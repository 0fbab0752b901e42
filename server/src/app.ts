/**
 * The Express application, apart from its listener (main.ts) so tests drive it with supertest.
 * Order matters: request ids and logs first, then Host and origin checks, sign-in routes, the
 * sign-in gate (before the body parser: nobody anonymous makes us parse 5 MB), the body parser
 * with its limit, the API, the web app, and a final JSON error handler.
 */
import { MAX_MANIFEST_BYTES } from "@pfd/shared";
import express, { type Express, Router } from "express";
import type { Logger } from "pino";
import { requestFacts } from "./audit/audited";
import { pagesSignInFirst, requireSignIn } from "./auth/identify";
import { isLoopbackHost } from "./config/env";
import { ManifestChecker } from "./paiflow/check";
import { RecentManifests } from "./paiflow/run-manifest";
import { requestLog } from "./request-log";
import { authRoutes, meRoutes } from "./routes/auth";
import { clientErrorRoutes } from "./routes/client-errors";
import { componentRoutes } from "./routes/components";
import type { AppContext } from "./routes/context";
import { designRoutes } from "./routes/design";
import { errorHandler, notFound } from "./routes/errors";
import { metaRoutes } from "./routes/health";
import { jsonBody } from "./routes/json-body";
import { runRoutes } from "./routes/runs";
import { loopbackHostOnly, runRateLimit, sameOriginWrites, securityHeaders } from "./routes/security";
import { stepRoutes } from "./routes/steps";
import { webRoutes } from "./routes/web";
import { workspaceRoutes } from "./routes/workspace";

export type { AppContext } from "./routes/context";

/** Body limit: the manifest size limit; anything larger is refused with 413. */
const BODY_LIMIT = MAX_MANIFEST_BYTES;
// A draft's canvas (up to the manifest limit) arrives JSON-escaped inside the body.
const DRAFT_BODY_LIMIT = 2.5 * MAX_MANIFEST_BYTES;

export function createApp(ctx: AppContext, logger: Logger): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  // API answers are fresh on every call (runs move on): hashing each body for an ETag only cost CPU.
  app.set("etag", false);

  app.use(requestLog(app, logger));
  const { auth } = ctx.config;
  // Client addresses (audit log, logs) through the proxies we trust, never through anyone else's.
  if (auth.trustedProxyList.length > 0) app.set("trust proxy", auth.trustedProxyList);
  if (isLoopbackHost(ctx.config.host)) app.use(loopbackHostOnly(auth.publicUrl));
  app.use(securityHeaders());
  app.use("/auth", sameOriginWrites(auth.publicUrl));
  app.use("/auth", authRoutes(ctx));
  // The API as one router: each `app.use("/api", ...)` of its own cost a path match and URL
  // rewrite per request.
  const api = Router();
  app.use("/api", api);
  api.use(sameOriginWrites(auth.publicUrl));
  api.use(requireSignIn(ctx));
  // Before the API's parser: error reports read their body with their own, much smaller limit.
  api.use(clientErrorRoutes());
  // A draft's canvas arrives JSON-escaped inside the body: room for one at the manifest limit.
  // The route then refuses a canvas over the limit with 413 DraftTooLarge, before reading it.
  api.use("/workspace", express.json({ limit: DRAFT_BODY_LIMIT }));
  api.use(jsonBody(BODY_LIMIT));

  const createLimit = runRateLimit(ctx.config.runRateLimit, (req) =>
    ctx.audit.write({
      action: req.path.endsWith("/rerun") ? "run.rerun" : "run.create",
      outcome: "denied",
      code: "RateLimited",
      ...requestFacts(req, req.user ?? null),
    }),
  );
  const checker = new ManifestChecker();
  // Runs first: a run submitted need not be matched against the other routers' routes (their
  // paths never overlap, so the order changes nothing else).
  api.use(runRoutes(ctx, checker, new RecentManifests(), createLimit));
  api.use(metaRoutes(ctx, checker));
  api.use(meRoutes(ctx));
  api.use(stepRoutes(ctx));
  api.use(componentRoutes(ctx));
  api.use(workspaceRoutes(ctx));
  api.use(designRoutes(ctx));
  api.use(notFound);
  if (auth.mode === "oidc") app.use(pagesSignInFirst(ctx));
  app.use(webRoutes(ctx.webDist));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
