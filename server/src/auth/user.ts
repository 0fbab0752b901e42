/** The signed-in user as route handlers see it, and how roles follow from groups. */
import type { MeResponse, Role, RunCreator } from "@pfd/shared";
import type { AuthConfig } from "../config/auth";
import type { SessionUser } from "../db";

export interface AuthUser extends SessionUser {
  /** From the groups and AUTH_ADMIN_GROUPS / AUTH_RUNNER_GROUPS, worked out on every request. */
  roles: Role[];
}

/** AUTH_MODE=none: the one person at this machine may do everything. */
export const LOCAL_USER: AuthUser = Object.freeze({
  id: "local",
  name: "local",
  email: null,
  groups: [],
  roles: ["admin"],
}) as AuthUser;

/**
 * With neither AUTH_ADMIN_GROUPS nor AUTH_RUNNER_GROUPS set, everyone signed in is a runner;
 * with either set, membership decides and anyone else is a viewer.
 */
function rolesOf(groups: readonly string[], auth: Pick<AuthConfig, "adminGroups" | "runnerGroups">): Role[] {
  if (auth.adminGroups.length === 0 && auth.runnerGroups.length === 0) return ["runner"];
  const roles: Role[] = [];
  if (groups.some((g) => auth.adminGroups.includes(g))) roles.push("admin");
  if (groups.some((g) => auth.runnerGroups.includes(g))) roles.push("runner");
  return roles.length > 0 ? roles : ["viewer"];
}

export function withRoles(user: SessionUser, auth: AuthConfig): AuthUser {
  return { ...user, roles: rolesOf(user.groups, auth) };
}

export function creatorOf(user: AuthUser): RunCreator {
  return { id: user.id, name: user.name };
}

export function toMe(user: AuthUser, auth: AuthConfig): MeResponse {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles,
    authMode: auth.mode,
    canSignOut: auth.mode === "oidc" || (auth.mode === "proxy" && auth.proxySignOutUrl !== undefined),
  };
}
