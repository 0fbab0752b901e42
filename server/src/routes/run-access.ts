/**
 * Who may see and act on a run: the rules are shared/'s (whyCannot*); what they look at is
 * the creator recorded here and the run's accessibility (ours when we started it, else PAIFlow's).
 * A refusal is 403 Forbidden with the rule's reason.
 */
import {
  type Actor,
  type RunAccess,
  type RunSummary,
  type RunVerb,
  whyCannotActOnRun,
  whyCannotRun,
  whyCannotSeeRun,
} from "@pfd/shared";
import type { RunRecord } from "../db";
import type { AppContext } from "./context";
import { HttpError } from "./errors";

const forbidden = (why: string | null) => {
  if (why !== null) throw new HttpError(403, "Forbidden", why);
};

/** The run's creator and accessibility; `paiflowAccessibility` from PAIFlow's run when at hand. */
export function accessOf(ctx: AppContext, runId: string, paiflowAccessibility?: string | null): RunAccess {
  const record = ctx.records.runs.get(runId);
  const fromPaiflow =
    paiflowAccessibility === "PUBLIC" || paiflowAccessibility === "PRIVATE" ? paiflowAccessibility : null;
  return { createdBy: record?.createdBy, accessibility: record?.accessibility ?? fromPaiflow };
}

/** A run summary with what we know of its creator (the record) added. */
export function withCreator<T extends RunSummary>(summary: T, record: RunRecord | undefined): T {
  if (!record) return summary;
  const accessibility = record.accessibility ?? summary.accessibility;
  return { ...summary, createdBy: record.createdBy, ...(accessibility ? { accessibility } : {}) };
}

export function assertMayRun(actor: Actor): void {
  forbidden(whyCannotRun(actor));
}

export function assertMaySee(actor: Actor, run: RunAccess): void {
  forbidden(whyCannotSeeRun(actor, run));
}

export function assertMayAct(actor: Actor, verb: RunVerb, run: RunAccess): void {
  forbidden(whyCannotActOnRun(actor, verb, run));
}
