/**
 * Browser-facing protections: DNS-rebinding Host check, same-origin for state changes, JSON only,
 * security headers with a CSP the built React app runs under, and the run rate limit.
 */
import type { Request, RequestHandler, Response } from "express";
import helmet from "helmet";
import { sendError } from "./errors";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

function hostnameOf(hostHeader: string): string {
  const bracket = hostHeader.startsWith("[") ? hostHeader.indexOf("]") : -1;
  if (bracket > 0) return hostHeader.slice(0, bracket + 1).toLowerCase();
  const colon = hostHeader.lastIndexOf(":");
  return (colon >= 0 ? hostHeader.slice(0, colon) : hostHeader).toLowerCase();
}

/**
 * On loopback, a page on another domain that re-points its DNS to 127.0.0.1 reaches us with its
 * own name in Host; only loopback names are accepted (any port: the Vite dev proxy uses its own),
 * and PUBLIC_URL's name when a reverse proxy on this machine passes it on.
 */
export function loopbackHostOnly(publicUrl?: URL): RequestHandler {
  const publicName = publicUrl ? hostnameOf(publicUrl.host) : undefined;
  return (req, res, next) => {
    const name = hostnameOf(req.headers.host ?? "");
    if (LOOPBACK_NAMES.has(name) || name.endsWith(".localhost") || name === publicName) return next();
    sendError(res, 403, {
      code: "ForbiddenHost",
      message: `This server answers only to localhost, 127.0.0.1 or [::1]${publicName ? ` or ${publicName} (PUBLIC_URL)` : ""} (Host header refused)`,
    });
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * State-changing requests must come from our own pages (or from a non-browser client, which
 * sends neither Origin nor Sec-Fetch-Site) and carry JSON, which a cross-site form cannot send.
 * Our pages' origin is the Host they reached, or PUBLIC_URL's behind a reverse proxy that
 * rewrites Host.
 */
export function sameOriginWrites(publicUrl?: URL): RequestHandler {
  const publicOrigin = publicUrl?.origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") {
      return sendError(res, 403, {
        code: "ForbiddenOrigin",
        message: `Cross-site request refused (Sec-Fetch-Site: ${site})`,
      });
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      const ours =
        origin === publicOrigin ||
        (originHost !== undefined && originHost.toLowerCase() === (req.headers.host ?? "").toLowerCase());
      if (!ours) {
        return sendError(res, 403, {
          code: "ForbiddenOrigin",
          message: `Cross-origin request refused (Origin: ${origin})`,
        });
      }
    }
    if (!req.is("application/json")) {
      return sendError(res, 415, {
        code: "UnsupportedMediaType",
        message: "State-changing requests must send Content-Type: application/json",
      });
    }
    next();
  };
}

/**
 * Helmet's headers with a CSP for the Vite-built app: scripts only from our origin; inline styles
 * allowed because React Flow positions nodes with style attributes and CodeMirror injects its
 * theme as <style> elements. No upgrade-insecure-requests or HSTS: the server speaks plain HTTP
 * on loopback.
 *
 * None of them depends on the request, so helmet writes them once, onto a stand-in response, and
 * each response gets that set: helmet's eleven middlewares (and its CSP string, rebuilt on every
 * call) showed in the server's CPU profile.
 */
export function securityHeaders(): RequestHandler {
  const headers = new Map<string, string>();
  const standIn = { setHeader: (name: string, value: string) => headers.set(name, value), removeHeader() {} };
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
  })({} as Request, standIn as unknown as Response, () => {});
  if (!headers.has("Content-Security-Policy"))
    throw new Error("helmet set no headers on the stand-in response");
  return (_req, res, next) => {
    res.setHeaders(headers);
    res.removeHeader("X-Powered-By");
    next();
  };
}

const WINDOW_MS = 60_000;

/**
 * At most `perMinute` runs started per signed-in user per minute (after requireSignIn);
 * `onLimited` hears of each refusal (the audit log). A fixed window per user, with the IETF
 * draft-7 `RateLimit` and `RateLimit-Policy` headers on every answer (and `Retry-After` on a refusal).
 *
 * Our own rather than express-rate-limit's: the limiter sits on every run submitted, and that
 * one's chain of awaits, debug calls and validations cost about a tenth of the server's CPU per
 * run in the bench:server profile, for a counter in a Map.
 */
export function runRateLimit(
  perMinute: number,
  onLimited: (req: Request) => void = () => {},
  now: () => number = Date.now,
): RequestHandler {
  const policy = `${perMinute};w=${WINDOW_MS / 1000}`;
  // Per person, not per address: a team behind one proxy or NAT shares an address.
  let counts = new Map<string, number>();
  let windowEnds = 0;
  return (req, res, next) => {
    const at = now();
    if (at >= windowEnds) {
      counts = new Map();
      windowEnds = at + WINDOW_MS;
    }
    const key = req.user?.id ?? "";
    const used = (counts.get(key) ?? 0) + 1;
    counts.set(key, used);
    const reset = Math.max(0, Math.ceil((windowEnds - at) / 1000));
    res.setHeader("RateLimit-Policy", policy);
    res.setHeader(
      "RateLimit",
      `limit=${perMinute}, remaining=${Math.max(perMinute - used, 0)}, reset=${reset}`,
    );
    if (used <= perMinute) return next();
    res.setHeader("Retry-After", String(reset));
    onLimited(req);
    sendError(res, 429, {
      code: "RateLimited",
      message: `Too many runs submitted: at most ${perMinute} per minute (RUN_RATE_LIMIT)`,
    });
  };
}
