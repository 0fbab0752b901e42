/**
 * A run's nodes as it starts: one per step it executes. A scoped run (Options `pfd.scope`) gets
 * nodes only for the steps in its scope and for the steps outside it whose outputs it needs;
 * those are taken from earlier runs at once (status Reused), and when one has none the run is
 * refused before anything starts, naming the step to run first.
 *
 * Options (CreatePipelineRun's `Options` JSON, the local engine's own key):
 * `{"pfd": {"reuse": false, "scope": {"mode": "one" | "to" | "from", "step": "<name>"}}}`.
 */
import { RunScopeSchema } from "@pfd/shared";
import type { Component } from "./engine/component";
import { stepFingerprint } from "./engine/fingerprint";
import type { Plan } from "./engine/plan";
import { planScope } from "./engine/scope";
import { ApiError, invalidParameter } from "./errors";
import { newId } from "./ids";
import type { LocalRunOptions, NodeRecord } from "./model";
import { catalogFingerprints } from "./registry";
import { type ReuseIndex, takeOutputs } from "./reuse";
import type { Warehouse } from "./warehouse";

export const OPTIONS_KEY = "pfd";

/** The local engine's options in a run's Options JSON (already checked to be JSON). */
export function parseLocalOptions(options: string | undefined): LocalRunOptions {
  const root = options ? (JSON.parse(options) as Record<string, unknown>) : {};
  const raw = root?.[OPTIONS_KEY];
  if (raw === undefined) return { reuse: true };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw invalidParameter("Options", `"${OPTIONS_KEY}" must be an object`);
  const { reuse, scope } = raw as { reuse?: unknown; scope?: unknown };
  if (reuse !== undefined && typeof reuse !== "boolean")
    throw invalidParameter("Options", `"${OPTIONS_KEY}.reuse" must be true or false`);
  let parsedScope: LocalRunOptions["scope"];
  if (scope !== undefined) {
    const checked = RunScopeSchema.safeParse(scope);
    if (!checked.success)
      throw invalidParameter("Options", `"${OPTIONS_KEY}.scope" must be {mode: one|to|from, step: name}`);
    parsedScope = checked.data;
  }
  return { reuse: reuse !== false, ...(parsedScope ? { scope: parsedScope } : {}) };
}

export interface NodeDeps {
  components: ReadonlyMap<string, Component>;
  warehouse: Warehouse;
  reuse: ReuseIndex;
}

/** The run's nodes; `previous` keeps node ids by step name (a rerun). */
export async function planNodes(
  deps: NodeDeps,
  plan: Plan,
  local: LocalRunOptions,
  previous: NodeRecord[] = [],
): Promise<NodeRecord[]> {
  const ids = new Map(previous.map((n) => [n.Name, n.NodeId]));
  const fresh = (name: string): NodeRecord => {
    const s = plan.steps.find((x) => x.name === name);
    return {
      NodeId: ids.get(name) ?? newId("node"),
      Name: name,
      DisplayName: s?.displayName,
      Provider: s?.provider,
      Version: s?.version,
      Identifier: s?.identifier ?? s?.guid,
      Dependencies: s?.dependencies ?? [],
      Status: "ReadyToSchedule",
      Outputs: [],
    };
  };
  if (!local.scope) return plan.steps.map((s) => fresh(s.name));
  const { run, needed } = planScope(plan, local.scope);
  const taken = new Map<string, NodeRecord>();
  let catalog: Promise<Map<string, string>> | undefined;
  const at = new Date().toISOString();
  for (const name of needed) {
    const step = plan.steps.find((s) => s.name === name);
    const impl = step?.identifier ? deps.components.get(step.identifier) : undefined;
    const fingerprint =
      step &&
      (await stepFingerprint(step, impl, {
        upstream: (n) => taken.get(n)?.Fingerprint,
        catalog: () => {
          catalog ??= deps.warehouse.with(catalogFingerprints);
          return catalog;
        },
      }));
    const source = fingerprint ? await deps.reuse.find(fingerprint) : undefined;
    if (!fingerprint || !source) {
      throw new ApiError(
        400,
        "StepOutputMissing",
        `Step "${name}" has no outputs from an earlier run for its current component, parameters and inputs, and "${local.scope.step}" needs them: run "${name}" first (Run to here on "${name}").`,
        { Step: name },
      );
    }
    const node = fresh(name);
    takeOutputs(node, source, fingerprint, at);
    taken.set(name, node);
  }
  return plan.steps.flatMap((s) => taken.get(s.name) ?? (run.has(s.name) ? [fresh(s.name)] : []));
}
