/**
 * A step's fingerprint: what its outputs are a function of. Two steps with equal fingerprints
 * produce the same outputs (components are deterministic: Split and Random Forest are seeded),
 * so a later run may take the earlier step's outputs instead of computing them again.
 *
 * It covers the component (provider, identifier, version), every parameter value but
 * `execution` (MaxCompute settings, meaningless locally), for each input the fingerprint of what
 * feeds it (an upstream step's fingerprint and output name, or a catalog table's version and
 * partition), the catalog tables the step reads by name (Read Table), and ENGINE_VERSION, which
 * changes when a component's results change so that old outputs are never served after an upgrade.
 */
import { createHash } from "node:crypto";
import { tableOfValue } from "../catalog";
import type { Component } from "./component";
import type { PlannedStep } from "./plan";

const ENGINE_VERSION = "2";

/** Parameters that do not change a step's outputs locally. */
const IGNORED_PARAMS = new Set(["execution"]);

/** A parameter value as components read it (StepContext.param): strings, objects as JSON. */
export function paramText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export interface FingerprintInputs {
  /** Fingerprints of the steps already known (upstream of this one), by step name. */
  upstream: (step: string) => string | undefined;
  /** The catalog's fingerprints (registry.ts), loaded only when the step reads the catalog. */
  catalog: () => Promise<Map<string, string>>;
}

/** True when the step reads a catalog table (by parameter or by a literal input): its fingerprint needs the catalog's. */
function readsCatalog(step: PlannedStep, component: Component): boolean {
  const param = (name: string) => paramText(step.params.get(name));
  return (
    (component.catalogReads?.(param).length ?? 0) > 0 ||
    [...step.inputs.values()].some((b) => b.kind === "value")
  );
}

/**
 * The step's fingerprint, or undefined when its outputs must not be reused: a component with
 * side effects (Write Table), or an input that is not known.
 */
export async function stepFingerprint(
  step: PlannedStep,
  component: Component | undefined,
  known: FingerprintInputs,
): Promise<string | undefined> {
  if (!component || component.sideEffects || step.unsupported) return undefined;
  const param = (name: string) => paramText(step.params.get(name));
  const catalog = readsCatalog(step, component) ? await known.catalog() : new Map<string, string>();
  const params = [...step.params.keys()]
    .filter((name) => !IGNORED_PARAMS.has(name))
    .sort()
    .map((name) => [name, param(name) ?? null]);
  const inputs: [string, string][] = [];
  for (const [name, binding] of [...step.inputs].sort(([a], [b]) => a.localeCompare(b))) {
    if (binding.kind === "step") {
      const upstream = known.upstream(binding.step);
      if (upstream === undefined) return undefined;
      inputs.push([name, `${upstream}#${binding.output}`]);
    } else {
      const table = tableOfValue(binding.value);
      const version = table && catalog.get(table.name);
      if (!version) return undefined;
      inputs.push([name, `${version}/${table.partition ?? ""}`]);
    }
  }
  const reads: [string, string][] = [];
  for (const name of component.catalogReads?.(param) ?? []) {
    // A table that does not exist fails the step; nothing to reuse.
    const version = catalog.get(name);
    if (!version) return undefined;
    reads.push([name, version]);
  }
  const identity = `${step.provider ?? ""}/${step.identifier ?? ""}@${step.version ?? ""}`;
  return createHash("sha256")
    .update(JSON.stringify({ v: ENGINE_VERSION, c: identity, p: params, i: inputs, r: reads }))
    .digest("base64url");
}
