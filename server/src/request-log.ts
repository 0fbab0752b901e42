/**
 * One log line per request, and `req.log`, a logger that names the request on every line routes
 * write. Its lines are the ones pino-http wrote with our serializers: `req: { id, method, url }`
 * bound to the request's logger, then `res: { statusCode }` and `responseTime` on
 * "request completed" (info, warn from 400, error from 500 as "request errored"), or
 * "request aborted" when the client left first.
 *
 * Our own rather than pino-http: it sits on every request, and pino-http's per-request work
 * (child loggers, listener lists, option lookups) was the largest part of the server's CPU per
 * run above the body parser in the bench:server profile, for what these few lines do.
 */
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "pino";

declare module "http" {
  interface IncomingMessage {
    /** The request id: the caller's X-Request-Id when well-formed, else a fresh UUID. */
    id: string;
    log: Logger;
  }
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader("X-Request-Id", id);
    req.id = id;
    // Never headers (cookies) or bodies (manifests): only what helps follow a request.
    const log = logger.child({ req: { id, method: req.method, url: req.originalUrl ?? req.url } });
    req.log = log;
    const start = Date.now();
    const done = () => {
      res.off("finish", done);
      res.off("close", done);
      const responseTime = Date.now() - start;
      const status = res.statusCode;
      if (status >= 500) {
        log.error(
          { res: { statusCode: status }, err: new Error(`failed with status code ${status}`), responseTime },
          "request errored",
        );
        return;
      }
      const completed = !req.readableAborted && res.writableEnded;
      log[status >= 400 ? "warn" : "info"](
        { res: { statusCode: status }, responseTime },
        completed ? "request completed" : "request aborted",
      );
    };
    res.on("finish", done);
    res.on("close", done);
    next();
  };
}
