/**
 * The signed-in user on the request: `req.user`, set by requireSignIn() before any /api route
 * but /api/health. Handlers call userOf(req), which is typed and never undefined there.
 */
import type { Request } from "express";
import { HttpError } from "../routes/errors";
import type { AuthUser } from "./user";

declare module "express-serve-static-core" {
  interface Request {
    /** Set by requireSignIn(); LOCAL_USER with AUTH_MODE=none. */
    user?: AuthUser;
  }
}

/** The user of a request that passed requireSignIn(); a 401 if called elsewhere by mistake. */
export function userOf(req: Request): AuthUser {
  if (!req.user) throw new HttpError(401, "Unauthenticated", "Sign in first");
  return req.user;
}
