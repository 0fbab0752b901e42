/**
 * Which steps a scoped run executes and which earlier outputs it needs (PAI Designer's "run this
 * node", "run to here", "run from here"):
 * - `one`: the step alone; `to`: the step and every step it depends on; `from`: the step and
 *   every step that depends on it.
 * - needed: the steps outside the scope whose outputs feed a step inside it (through data edges,
 *   transitively). Their outputs must come from earlier runs. Ordering-only dependencies outside
 *   the scope are not needed: they hold nothing back.
 */
import type { RunScope } from "@pfd/shared";
import { ApiError } from "../errors";
import type { Plan, PlannedStep } from "./plan";

export interface ScopedSteps {
  /** Steps the run executes. */
  run: Set<string>;
  /** Steps outside the scope whose outputs the run takes, upstream first. */
  needed: string[];
}

/** The plan's steps, every step after the steps it depends on (the plan is known to be acyclic). */
export function topological(plan: Plan): PlannedStep[] {
  const byName = new Map(plan.steps.map((s) => [s.name, s]));
  const out: PlannedStep[] = [];
  const seen = new Set<string>();
  const visit = (step: PlannedStep) => {
    if (seen.has(step.name)) return;
    seen.add(step.name);
    for (const dep of step.dependencies) {
      const upstream = byName.get(dep);
      if (upstream) visit(upstream);
    }
    out.push(step);
  };
  for (const step of plan.steps) visit(step);
  return out;
}

/** Steps reachable from `start` by `next`, `start` included. */
function closure(start: string, next: (name: string) => Iterable<string>): Set<string> {
  const found = new Set<string>([start]);
  const queue = [start];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const other of next(name)) {
      if (!found.has(other)) {
        found.add(other);
        queue.push(other);
      }
    }
  }
  return found;
}

export function scopeSteps(plan: Plan, scope: RunScope): ScopedSteps {
  const byName = new Map(plan.steps.map((s) => [s.name, s]));
  if (!byName.has(scope.step)) {
    throw new ApiError(
      400,
      "InvalidParameter",
      `The run scope names step "${scope.step}", which is not a step of this pipeline.`,
    );
  }
  const dependents = new Map<string, string[]>();
  for (const s of plan.steps)
    for (const d of s.dependencies) dependents.set(d, [...(dependents.get(d) ?? []), s.name]);
  const run =
    scope.mode === "one"
      ? new Set([scope.step])
      : scope.mode === "to"
        ? closure(scope.step, (n) => byName.get(n)?.dependencies ?? [])
        : closure(scope.step, (n) => dependents.get(n) ?? []);
  const dataSources = (name: string) =>
    [...(byName.get(name)?.inputs.values() ?? [])].flatMap((b) => (b.kind === "step" ? [b.step] : []));
  const needed = new Set<string>();
  for (const name of run) {
    for (const source of dataSources(name)) {
      if (run.has(source)) continue;
      for (const upstream of closure(source, dataSources)) if (!run.has(upstream)) needed.add(upstream);
    }
  }
  return { run, needed: topological(plan).flatMap((s) => (needed.has(s.name) ? [s.name] : [])) };
}
