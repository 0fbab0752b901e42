/**
 * Sign-in routes (outside /api: the browser navigates to them) and `GET /api/me`.
 * - GET  /auth/login?returnTo=/path  starts an OpenID sign-in (elsewhere: back to returnTo)
 * - GET  /auth/callback             the provider's answer: a session, then back to returnTo
 * - POST /auth/logout               ends the session; answers where the browser goes next
 * - GET  /auth/signed-out           "You have signed out"
 */
import { randomBytes } from "node:crypto";
import { authPaths, type MeResponse, type SignOutResponse } from "@pfd/shared";
import { type Request, Router } from "express";
import { audited, requestFacts } from "../audit/audited";
import { identify } from "../auth/identify";
import { userOf } from "../auth/request";
import {
  clearingOptions,
  cookieOptions,
  readCookie,
  SIGN_IN_COOKIE,
  sessionCookieName,
  sign,
  unsign,
} from "../auth/session-cookie";
import { toMe, withRoles } from "../auth/user";
import { SIGN_IN_TTL_MS } from "../db/sign-in-attempts";
import { signedOutPage, signInFailedPage } from "./auth-pages";
import type { AppContext } from "./context";
import { HttpError } from "./errors";

/**
 * `returnTo` as a path of this server (with its query and fragment), or undefined when it points
 * anywhere else: `//evil.example`, `https://...`, `/\evil`, or a sign-in route (a loop).
 */
function safeReturnTo(value: unknown): string | undefined {
  if (value === undefined || value === "") return "/";
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/")) return undefined;
  const base = new URL("http://designer.invalid");
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin) return undefined;
  if (url.pathname.startsWith("/auth/")) return "/";
  return url.pathname + url.search + url.hash;
}

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const { auth } = ctx.config;
  const secret = auth.sessionSecret ?? "";

  router.get("/login", async (req, res) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    if (returnTo === undefined) {
      return signInFailedPage(
        res,
        400,
        "returnTo must be a path on this server (such as /pipelines): sign-in never sends you to another site.",
      );
    }
    // Without OpenID there is nothing to do here: the proxy (or nobody) signs users in.
    if (!ctx.oidc) return res.redirect(303, returnTo);
    const held = readCookie(req, SIGN_IN_COOKIE);
    // One binding per browser, kept across attempts, so two tabs signing in at once both succeed.
    const binding = (held && unsign(held, secret)) || randomBytes(24).toString("base64url");
    const { attempt, url } = await ctx.oidc.start(returnTo);
    ctx.records.signIns.save(binding, attempt);
    res.cookie(SIGN_IN_COOKIE, sign(binding, secret), cookieOptions(auth, "/auth", SIGN_IN_TTL_MS));
    res.redirect(303, url.href);
  });

  router.get("/callback", async (req, res) => {
    const oidc = ctx.oidc;
    if (!oidc || !auth.publicUrl) throw new HttpError(404, "NotFound", "Sign-in is not OpenID here");
    const state = typeof req.query.state === "string" ? req.query.state : "";
    const held = readCookie(req, SIGN_IN_COOKIE);
    const binding = held ? unsign(held, secret) : undefined;
    const attempt = binding && state ? ctx.records.signIns.take(binding, state) : undefined;
    if (!attempt) {
      ctx.audit.write({
        action: "sign-in",
        outcome: "failure",
        code: "StateMismatch",
        ...requestFacts(req, null),
      });
      return signInFailedPage(
        res,
        400,
        "This answer from the identity provider does not match a sign-in started in this browser in the last 10 minutes (state mismatch). Sign in again.",
      );
    }
    let signedIn: Awaited<ReturnType<typeof oidc.finish>>;
    try {
      signedIn = await oidc.finish(new URL(req.originalUrl, auth.publicUrl), attempt);
    } catch (error) {
      const e = error as { error?: string; code?: string; message?: string };
      const code = e.error ?? e.code ?? "SignInFailed";
      ctx.audit.write({ action: "sign-in", outcome: "failure", code, ...requestFacts(req, null) });
      req.log?.warn({ code }, "sign-in failed");
      return signInFailedPage(res, 400, `The identity provider's answer was refused: ${e.message ?? code}.`);
    }
    // A new session id at each sign-in; the one this browser held before (if any) ends.
    const previous = sessionIdOf(req, sessionCookieName(auth), secret);
    if (previous !== undefined) ctx.records.sessions.delete(previous);
    const id = ctx.records.sessions.create(signedIn.user, signedIn.idToken);
    res.cookie(sessionCookieName(auth), sign(id, secret), cookieOptions(auth, "/", auth.sessionMaxMs));
    res.clearCookie(SIGN_IN_COOKIE, clearingOptions(auth, "/auth"));
    ctx.audit.write({
      action: "sign-in",
      outcome: "success",
      ...requestFacts(req, withRoles(signedIn.user, auth)),
    });
    res.redirect(303, attempt.returnTo);
  });

  router.post("/logout", async (req, res) => {
    const identity = identify(ctx, req, res);
    req.user = "user" in identity ? identity.user : undefined;
    const body = await audited(ctx.audit, req, "sign-out", undefined, async (): Promise<SignOutResponse> => {
      if (auth.mode === "proxy") return { redirectTo: auth.proxySignOutUrl ?? "/" };
      if (auth.mode === "none" || !auth.publicUrl) return { redirectTo: "/" };
      const name = sessionCookieName(auth);
      const id = sessionIdOf(req, name, secret);
      const found = id === undefined ? undefined : ctx.records.sessions.get(id);
      if (id !== undefined) ctx.records.sessions.delete(id);
      res.clearCookie(name, clearingOptions(auth, "/"));
      const after = new URL(authPaths.signedOut(), auth.publicUrl).href;
      const idToken = found && "session" in found ? found.session.idToken : null;
      return { redirectTo: ctx.oidc?.endSessionUrl(idToken, after)?.href ?? authPaths.signedOut() };
    });
    res.json(body);
  });

  router.get("/signed-out", (_req, res) => signedOutPage(res));

  return router;
}

function sessionIdOf(req: Request, cookieName: string, secret: string): string | undefined {
  const raw = readCookie(req, cookieName);
  return raw === undefined ? undefined : unsign(raw, secret);
}

/** `GET /api/me`: who is signed in, their roles, and whether there is anything to sign out of. */
export function meRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/me", (req, res) => {
    const body: MeResponse = toMe(userOf(req), ctx.config.auth);
    res.json(body);
  });
  return router;
}
