/**
 * Partial runs (PAI Designer's "run this node", "run to here", "run from here"): which steps a
 * scoped run executes, and which steps outside it must lend their outputs from an earlier run.
 * The embedded engine and the server (cloud mode) both decide with these rules.
 */
import type { RunScope } from "../api/runs";

/** What the rules need to know of a step. */
export interface ScopeStep {
  name: string;
  /** Every step it waits for: declared dependencies and data-edge sources. */
  dependencies: readonly string[];
  /** The steps whose outputs it reads (data edges only). */
  dataSources: readonly string[];
}

export interface ScopedSteps {
  /** Steps the run executes: `one` the step, `to` it and everything it depends on, `from` it and everything depending on it. */
  run: Set<string>;
  /**
   * Steps outside the scope whose outputs the scope reads, directly or through each other (data
   * edges only: an ordering-only dependency outside the scope holds nothing back), upstream first.
   */
  needed: string[];
  /** The needed steps that feed a step of the scope directly: where a derived manifest is cut. */
  frontier: string[];
}

/**
 * The steps in an order where every step comes after the steps it depends on; steps in a cycle
 * (which a valid pipeline has none of) come last, in their given order. Iterative: a 5,000-step
 * chain cannot overflow the stack.
 */
export function topologicalOrder<S extends ScopeStep>(steps: readonly S[]): S[] {
  const byName = new Map(steps.map((s) => [s.name, s]));
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const s of steps) {
    const deps = [...new Set(s.dependencies)].filter((d) => byName.has(d) && d !== s.name);
    waiting.set(s.name, deps.length);
    for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), s.name]);
  }
  const ready = steps.filter((s) => waiting.get(s.name) === 0).map((s) => s.name);
  const out: S[] = [];
  for (let i = 0; i < ready.length; i++) {
    const name = ready[i] as string;
    out.push(byName.get(name) as S);
    for (const next of dependents.get(name) ?? []) {
      const left = (waiting.get(next) ?? 0) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (out.length < steps.length) {
    const placed = new Set(out.map((s) => s.name));
    out.push(...steps.filter((s) => !placed.has(s.name)));
  }
  return out;
}

/** Steps reachable from `start` by `next`, `start` included. */
function closure(start: string, next: (name: string) => readonly string[]): Set<string> {
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

/** The scoped run's steps; undefined when the scope names a step the pipeline does not have. */
export function scopeSteps(steps: readonly ScopeStep[], scope: RunScope): ScopedSteps | undefined {
  const byName = new Map(steps.map((s) => [s.name, s]));
  if (!byName.has(scope.step)) return undefined;
  const dependents = new Map<string, string[]>();
  for (const s of steps)
    for (const d of s.dependencies) dependents.set(d, [...(dependents.get(d) ?? []), s.name]);
  const run =
    scope.mode === "one"
      ? new Set([scope.step])
      : scope.mode === "to"
        ? closure(scope.step, (n) => byName.get(n)?.dependencies ?? [])
        : closure(scope.step, (n) => dependents.get(n) ?? []);
  const sources = (name: string) => byName.get(name)?.dataSources ?? [];
  const needed = new Set<string>();
  const frontier = new Set<string>();
  for (const name of run) {
    for (const source of sources(name)) {
      if (run.has(source)) continue;
      frontier.add(source);
      for (const upstream of closure(source, sources)) if (!run.has(upstream)) needed.add(upstream);
    }
  }
  const order = topologicalOrder(steps).map((s) => s.name);
  return { run, needed: order.filter((n) => needed.has(n)), frontier: order.filter((n) => frontier.has(n)) };
}
