/**
 * Who is signed in and what each role may do: `GET /api/me`, `POST /auth/logout`, and the rules
 * the server enforces (403 Forbidden) and the web app follows (disabled buttons, their titles).
 */
import { z } from "zod";

/** viewer: design, validate, import/export, see runs. runner: also run, and act on their own runs. admin: anyone's runs. */
const RoleSchema = z.enum(["viewer", "runner", "admin"]);
export type Role = z.infer<typeof RoleSchema>;

const AuthModeSchema = z.enum(["none", "oidc", "proxy"]);
export type AuthMode = z.infer<typeof AuthModeSchema>;

export const MeResponseSchema = z.object({
  /** Stable id: the OpenID `sub`, the proxy's X-Forwarded-User, or `local` without sign-in. */
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  roles: z.array(RoleSchema),
  authMode: AuthModeSchema,
  /** False when there is nothing to sign out of (no sign-in, or a proxy without a sign-out URL). */
  canSignOut: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** Where the browser goes after `POST /auth/logout`: the issuer's logout page, or a page of ours. */
export const SignOutResponseSchema = z.object({ redirectTo: z.string() });
export type SignOutResponse = z.infer<typeof SignOutResponseSchema>;

/** Who started a run, as recorded by the server that created it. */
export const RunCreatorSchema = z.object({ id: z.string(), name: z.string() });
export type RunCreator = z.infer<typeof RunCreatorSchema>;

/** The part of a user the rules look at. */
export interface Actor {
  id: string;
  roles: readonly Role[];
}

/** The part of a run the rules look at; a run started outside this server has no known creator. */
export interface RunAccess {
  createdBy?: RunCreator | undefined;
  accessibility?: "PUBLIC" | "PRIVATE" | null | undefined;
}

export type RunVerb = "terminate" | "rerun" | "start";

const isAdmin = (actor: Actor) => actor.roles.includes("admin");
const mayRun = (actor: Actor) => isAdmin(actor) || actor.roles.includes("runner");

/** The role that decides what this user may do (a runner who is also an admin is an admin). */
export function effectiveRole(actor: Actor): Role {
  return isAdmin(actor) ? "admin" : mayRun(actor) ? "runner" : "viewer";
}

/**
 * A refusal by the rules, as data: with `code` and `params`, what a UI needs to word it in its
 * language (the server and CLI say it in English with `denialText`).
 */
export type Denial =
  | { code: "viewer-may-not-run"; params: Record<string, never> }
  | { code: "private-to-creator"; params: { creator: string } }
  | { code: "private-to-admins"; params: Record<string, never> }
  | { code: "viewer-may-not-act"; params: { verb: RunVerb } }
  | { code: "creator-or-admin"; params: { verb: RunVerb; creator: string } }
  | { code: "admin-only"; params: { verb: RunVerb } };

/** Why this user may not start runs, or null when they may. */
export function runDenial(actor: Actor): Denial | null {
  return mayRun(actor) ? null : { code: "viewer-may-not-run", params: {} };
}

/**
 * Why this user may not see a run (its details, logs, outputs, previews, manifest), or null.
 * A PRIVATE run is seen by its creator and admins; any other run by every signed-in user.
 */
function seeDenial(actor: Actor, run: RunAccess): Denial | null {
  if (run.accessibility !== "PRIVATE" || isAdmin(actor) || run.createdBy?.id === actor.id) return null;
  return run.createdBy
    ? { code: "private-to-creator", params: { creator: run.createdBy.name } }
    : { code: "private-to-admins", params: {} };
}

/** Why this user may not terminate, rerun or start a run, or null: runners act on their own runs, admins on any. */
export function actDenial(actor: Actor, verb: RunVerb, run: RunAccess): Denial | null {
  if (isAdmin(actor)) return null;
  if (!mayRun(actor)) return { code: "viewer-may-not-act", params: { verb } };
  if (run.createdBy?.id === actor.id) return null;
  return run.createdBy
    ? { code: "creator-or-admin", params: { verb, creator: run.createdBy.name } }
    : { code: "admin-only", params: { verb } };
}

/** A denial in English, as the server's 403 answers and the CLI say it. */
function denialText(d: Denial): string {
  switch (d.code) {
    case "viewer-may-not-run":
      return "Your role (viewer) may design pipelines and look at runs, not start runs";
    case "private-to-creator":
      return `This run is private to ${d.params.creator} (who started it) and admins`;
    case "private-to-admins":
      return "This run is private: only admins may see it";
    case "viewer-may-not-act":
      return `Your role (viewer) may not ${d.params.verb} runs`;
    case "creator-or-admin":
      return `Only ${d.params.creator} (who started this run) or an admin may ${d.params.verb} it`;
    case "admin-only":
      return `Only an admin may ${d.params.verb} a run started outside the designer`;
  }
}

const text = (d: Denial | null) => (d ? denialText(d) : null);

/** Why this user may not start runs, or null when they may. */
export function whyCannotRun(actor: Actor): string | null {
  return text(runDenial(actor));
}

/** Why this user may not see a run, in English, or null (see `seeDenial`). */
export function whyCannotSeeRun(actor: Actor, run: RunAccess): string | null {
  return text(seeDenial(actor, run));
}

/** Why this user may not act on a run, in English, or null (see `actDenial`). */
export function whyCannotActOnRun(actor: Actor, verb: RunVerb, run: RunAccess): string | null {
  return text(actDenial(actor, verb, run));
}
