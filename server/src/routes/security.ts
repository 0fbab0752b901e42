/**
 * Browser-facing protections: DNS-rebinding Host check, same-origin for state changes, JSON only,
 * security headers with a CSP the built React app runs under, and the run rate limit.
 */
import { isIPv6 } from "node:net";
import type { RequestHandler } from "express";
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
 * own name in Host; only loopback names are accepted (any port: the Vite dev proxy uses its own).
 */
export function loopbackHostOnly(): RequestHandler {
  return (req, res, next) => {
    const name = hostnameOf(req.headers.host ?? "");
    if (LOOPBACK_NAMES.has(name) || name.endsWith(".localhost")) return next();
    sendError(res, 403, {
      code: "ForbiddenHost",
      message: "This server answers only to localhost, 127.0.0.1 or [::1] (Host header refused)",
    });
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * State-changing requests must come from our own pages (or from a non-browser client, which
 * sends neither Origin nor Sec-Fetch-Site) and carry JSON, which a cross-site form cannot send.
 */
export function sameOriginWrites(): RequestHandler {
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
      if (originHost === undefined || originHost.toLowerCase() !== (req.headers.host ?? "").toLowerCase()) {
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
 * The policy is static (no nonces), so helmet runs once at startup and its headers are replayed
 * on every response: one middleware instead of helmet's chain of twelve on each request.
 */
export function securityHeaders(): RequestHandler {
  const headers: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
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
  })(
    {} as Parameters<RequestHandler>[0],
    recorder as unknown as Parameters<RequestHandler>[1],
    (err?: unknown) => {
      if (err) throw err;
    },
  );
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

const WINDOW_MS = 60_000;

/**
 * The client a submission counts against: its address (the server trusts no proxy headers), an
 * IPv6 address by its /56 prefix, as one host usually owns the whole block.
 */
export function clientKey(address: string): string {
  if (address.startsWith("::ffff:") && !isIPv6(address.slice(7))) return address.slice(7);
  if (!isIPv6(address)) return address;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  const third = Number.parseInt(groups[3] ?? "0", 16) & 0xff00;
  return `${groups
    .slice(0, 3)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}:${third.toString(16)}::/56`;
}

/**
 * At most `perMinute` run submissions per client per minute, in fixed one-minute windows, with
 * the IETF draft-7 `RateLimit` and `RateLimit-Policy` headers. Counts live in one map that is
 * dropped whenever a window ends, so memory is bounded by one minute's clients.
 */
export function runRateLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  const policy = `${perMinute};w=${WINDOW_MS / 1000}`;
  let windowEnds = 0;
  let counts = new Map<string, number>();
  return (req, res, next) => {
    const time = now();
    if (time >= windowEnds) {
      counts = new Map();
      windowEnds = time + WINDOW_MS;
    }
    const key = clientKey(req.socket.remoteAddress ?? "");
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    const reset = Math.ceil((windowEnds - time) / 1000);
    res.setHeader("RateLimit-Policy", policy);
    res.setHeader(
      "RateLimit",
      `limit=${perMinute}, remaining=${Math.max(0, perMinute - count)}, reset=${reset}`,
    );
    if (count <= perMinute) return next();
    res.setHeader("Retry-After", String(reset));
    sendError(res, 429, {
      code: "RateLimited",
      message: `Too many runs submitted: at most ${perMinute} per minute (RUN_RATE_LIMIT)`,
    });
  };
}
