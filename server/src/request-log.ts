/**
 * One log line per request, and `req.log`, a logger that names the request on every line routes
 * write. The lines are the ones pino-http wrote with our serializers: `req: { id, method, url }`
 * on each, then `res: { statusCode }` and `responseTime` on the last, "request completed" (info,
 * warn from 400, error from 500 as "request errored"), or "request aborted" when the client left
 * first. A route may instead name what the request did (`logOutcome`): its fields and message then
 * go on that last line, rather than on a line of their own.
 *
 * Our own rather than pino-http: it sits on every request, and pino-http's per-request work (a
 * child logger per request, listener lists, option lookups), with a second line per run, was the
 * largest part of the server's CPU per run above the body parser in the bench:server profile.
 * Here `req.log` is made only when a route uses it.
 */
import { randomUUID } from "node:crypto";
import type { Express, Request, RequestHandler } from "express";
import type { Logger } from "pino";

declare module "http" {
  interface IncomingMessage {
    /** The request id: the caller's X-Request-Id when well-formed, else a fresh UUID. */
    id: string;
    log: Logger;
  }
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

const BINDING = Symbol("request log binding");
const LOG = Symbol("request logger");
const OUTCOME = Symbol("request outcome");

interface Logged {
  [BINDING]?: { id: string; method: string; url: string };
  [LOG]?: Logger;
  [OUTCOME]?: { fields: Record<string, unknown>; message: string };
}

/** The last line of a successful request says `message`, with `fields`. */
export function logOutcome(req: Request, fields: Record<string, unknown>, message: string): void {
  (req as Request & Logged)[OUTCOME] = { fields, message };
}

/** Logs `app`'s requests through `logger`; mount the returned middleware first. */
export function requestLog(app: Express, logger: Logger): RequestHandler {
  // On the app's request prototype: a child logger is made only for requests whose routes log.
  Object.defineProperty(app.request, "log", {
    configurable: true,
    get(this: Request & Logged): Logger {
      this[LOG] ??= logger.child({ req: this[BINDING] });
      return this[LOG];
    },
    set(this: Request & Logged, value: Logger) {
      this[LOG] = value;
    },
  });
  return (request, res, next) => {
    const req = request as Request & Logged;
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader("X-Request-Id", id);
    req.id = id;
    // Never headers (cookies) or bodies (manifests): only what helps follow a request.
    const binding = { id, method: req.method, url: req.originalUrl ?? req.url };
    req[BINDING] = binding;
    const start = Date.now();
    const done = () => {
      res.off("finish", done);
      res.off("close", done);
      const log = req[LOG] ?? logger;
      const bound = req[LOG] ? {} : { req: binding };
      const responseTime = Date.now() - start;
      const status = res.statusCode;
      if (status >= 500) {
        log.error(
          {
            ...bound,
            res: { statusCode: status },
            err: new Error(`failed with status code ${status}`),
            responseTime,
          },
          "request errored",
        );
        return;
      }
      const completed = !req.readableAborted && res.writableEnded;
      const outcome = completed && status < 400 ? req[OUTCOME] : undefined;
      log[status >= 400 ? "warn" : "info"](
        { ...bound, res: { statusCode: status }, responseTime, ...outcome?.fields },
        outcome?.message ?? (completed ? "request completed" : "request aborted"),
      );
    };
    res.on("finish", done);
    res.on("close", done);
    next();
  };
}
