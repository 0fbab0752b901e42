/** Runs a route's action and writes its audit entry: success, denied (403, 429) or failure. */
import type { Request } from "express";
import type { AuthUser } from "../auth/user";
import { PaiflowError } from "../paiflow/errors";
import { HttpError } from "../routes/errors";
import type { AuditAction, AuditEntry, AuditLog } from "./audit-log";

/** What every entry of a request shares: who, from where, which request. */
export function requestFacts(
  req: Request,
  user: AuthUser | null,
): Pick<AuditEntry, "user" | "requestId" | "ip"> {
  return {
    user: user ? { id: user.id, name: user.name } : null,
    ...(req.id !== undefined ? { requestId: String(req.id) } : {}),
    ...(req.ip ? { ip: req.ip } : {}),
  };
}

export async function audited<T>(
  audit: AuditLog,
  req: Request,
  action: AuditAction,
  target: ((result: T) => Record<string, string>) | Record<string, string> | undefined,
  run: () => Promise<T>,
): Promise<T> {
  const facts = requestFacts(req, req.user ?? null);
  const fixedTarget = typeof target === "function" ? undefined : target;
  try {
    const result = await run();
    const done = typeof target === "function" ? target(result) : fixedTarget;
    audit.write({ action, outcome: "success", ...facts, ...(done ? { target: done } : {}) });
    return result;
  } catch (error) {
    const denied = error instanceof HttpError && (error.status === 403 || error.status === 429);
    const code = error instanceof HttpError || error instanceof PaiflowError ? error.code : "Internal";
    audit.write({
      action,
      outcome: denied ? "denied" : "failure",
      ...facts,
      ...(fixedTarget ? { target: fixedTarget } : {}),
      code,
    });
    throw error;
  }
}
