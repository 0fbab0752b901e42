/**
 * Who sent a request, by AUTH_MODE: nobody to ask (none: the local user), the session cookie
 * (oidc) or the trusted proxy's headers (proxy); and the gate in front of /api.
 */
import { authPaths } from "@pfd/shared";
import type { Request, RequestHandler, Response } from "express";
import type { ServerConfig } from "../config/env";
import type { Records } from "../db";
import { sendError } from "../routes/errors";
import { proxyUser } from "./proxy";
import { clearingOptions, readCookie, sessionCookieName, unsign } from "./session-cookie";
import { type AuthUser, LOCAL_USER, withRoles } from "./user";

type Identity = { user: AuthUser } | { problem: "absent" | "expired" };

interface IdentifyDeps {
  config: Pick<ServerConfig, "auth">;
  records: Pick<Records, "sessions">;
}

/** The request's user; a session cookie that is forged, unknown or expired is cleared on the way. */
export function identify(deps: IdentifyDeps, req: Request, res: Response): Identity {
  const { auth } = deps.config;
  if (auth.mode === "none") return { user: LOCAL_USER };
  if (auth.mode === "proxy") {
    const user = proxyUser(req, auth);
    return user ? { user: withRoles(user, auth) } : { problem: "absent" };
  }
  const name = sessionCookieName(auth);
  const raw = readCookie(req, name);
  if (raw === undefined) return { problem: "absent" };
  const id = auth.sessionSecret ? unsign(raw, auth.sessionSecret) : undefined;
  const found = id === undefined ? undefined : deps.records.sessions.get(id);
  if (found && "session" in found) return { user: withRoles(found.session.user, auth) };
  res.clearCookie(name, clearingOptions(auth, "/"));
  return { problem: found ? "expired" : "absent" };
}

/** /api routes open to anyone: the load balancer's health check. */
const OPEN_API_PATHS = new Set(["/health"]);

/** Sets req.user, or answers 401 Unauthenticated (with where to sign in, when the browser can). */
export function requireSignIn(deps: IdentifyDeps): RequestHandler {
  return (req, res, next) => {
    if (OPEN_API_PATHS.has(req.path)) return next();
    const identity = identify(deps, req, res);
    if ("user" in identity) {
      req.user = identity.user;
      return next();
    }
    const oidc = deps.config.auth.mode === "oidc";
    sendError(res, 401, {
      code: "Unauthenticated",
      message:
        identity.problem === "expired"
          ? "Your session has expired: sign in again"
          : oidc
            ? "Sign in to use PAIFlow Designer"
            : "Not signed in: the sign-in proxy in front of this server did not name you",
      ...(oidc ? { signInUrl: authPaths.signIn() } : {}),
    });
  };
}

/**
 * With OpenID sign-in, opening a page without a session goes straight to sign-in (and back),
 * rather than drawing the designer only to leave it at its first API call. Assets stay open:
 * they hold no data.
 */
export function pagesSignInFirst(deps: IdentifyDeps): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" || req.path.startsWith("/assets/") || !req.accepts("html")) return next();
    if ("user" in identify(deps, req, res)) return next();
    res.redirect(303, authPaths.signIn(req.originalUrl));
  };
}
