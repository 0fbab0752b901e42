/** The shared partial-run rules (shared/src/graph/scope.ts) over a plan's steps. */
import { type RunScope, type ScopedSteps, type ScopeStep, scopeSteps, topologicalOrder } from "@pfd/shared";
import { ApiError } from "../errors";
import type { Plan, PlannedStep } from "./plan";

const asScopeStep = (step: PlannedStep): ScopeStep & { step: PlannedStep } => ({
  name: step.name,
  dependencies: step.dependencies,
  dataSources: [...step.inputs.values()].flatMap((b) => (b.kind === "step" ? [b.step] : [])),
  step,
});

/** The plan's steps, every step after the steps it depends on. */
export function topological(plan: Plan): PlannedStep[] {
  return topologicalOrder(plan.steps.map(asScopeStep)).map((s) => s.step);
}

/** The scoped run's steps; InvalidParameter when the scope names no step of the plan. */
export function planScope(plan: Plan, scope: RunScope): ScopedSteps {
  const scoped = scopeSteps(plan.steps.map(asScopeStep), scope);
  if (!scoped) {
    throw new ApiError(
      400,
      "InvalidParameter",
      `The run scope names step "${scope.step}", which is not a step of this pipeline.`,
    );
  }
  return scoped;
}
