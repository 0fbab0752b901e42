/**
 * The Express application, apart from its listener (main.ts) so tests drive it with supertest.
 * Order matters: request ids and logs first, then Host and origin checks, sign-in routes, the
 * sign-in gate (before the body parser: nobody anonymous makes us parse 5 MB), the body parser
 * with its limit, the API, the web app, and a final JSON error handler.
 */
import { randomUUID } from "node:crypto";
import { MAX_MANIFEST_BYTES } from "@pfd/shared";
import express, { type Express, Router } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { requestFacts } from "./audit/audited";
import { pagesSignInFirst, requireSignIn } from "./auth/identify";
import { isLoopbackHost } from "./config/env";
import { ManifestChecker } from "./paiflow/check";
import { RecentManifests } from "./paiflow/run-manifest";
import { authRoutes, meRoutes } from "./routes/auth";
import { clientErrorRoutes } from "./routes/client-errors";
import type { AppContext } from "./routes/context";
import { designRoutes } from "./routes/design";
import { errorHandler, notFound } from "./routes/errors";
import { metaRoutes } from "./routes/health";
import { runRoutes } from "./routes/runs";
import { loopbackHostOnly, runRateLimit, sameOriginWrites, securityHeaders } from "./routes/security";
import { stepRoutes } from "./routes/steps";
import { webRoutes } from "./routes/web";

export type { AppContext } from "./routes/context";

/** Body limit: the manifest size limit; anything larger is refused with 413. */
const BODY_LIMIT = MAX_MANIFEST_BYTES;

const REQUEST_ID = /^[\w.-]{1,64}$/;

export function createApp(ctx: AppContext, logger: Logger): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  // API answers are fresh on every call (runs move on): hashing each body for an ETag only cost CPU.
  app.set("etag", false);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
      // Only what helps follow a request: never headers (cookies) or bodies (manifests). Our
      // serializers read the raw objects: pino's standard ones would first copy every header.
      wrapSerializers: false,
      serializers: {
        req: (req: { id: unknown; method: string; url: string; originalUrl?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.originalUrl ?? req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
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
  api.use(express.json({ limit: BODY_LIMIT }));

  const createLimit = runRateLimit(ctx.config.runRateLimit, (req) =>
    ctx.audit.write({
      action: req.path.endsWith("/rerun") ? "run.rerun" : "run.create",
      outcome: "denied",
      code: "RateLimited",
      ...requestFacts(req, req.user ?? null),
    }),
  );
  const checker = new ManifestChecker();
  api.use(metaRoutes(ctx, checker));
  api.use(meRoutes(ctx));
  api.use(runRoutes(ctx, checker, new RecentManifests(), createLimit));
  api.use(stepRoutes(ctx));
  api.use(designRoutes(ctx));
  api.use(notFound);
  if (auth.mode === "oidc") app.use(pagesSignInFirst(ctx));
  app.use(webRoutes(ctx.webDist));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
