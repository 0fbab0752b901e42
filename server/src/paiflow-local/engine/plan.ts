/**
 * Turns a submitted manifest (YAML, possibly a multi-document stream) and the run's Arguments
 * into an executable plan: steps with resolved parameters and their data edges. Structural
 * problems are refused up front with the step and field at fault; problems only a component
 * can judge (an unknown component, a bad column) fail that step when it runs.
 */
import { type Manifest, type ParsedManifest, parseManifest, parseReference, type Step } from "@pfd/shared";
import { parse as parseYaml } from "yaml";
import { ApiError } from "../errors";

export interface StepInputEdge {
  kind: "step";
  step: string;
  output: string;
}
export interface StepInputValue {
  kind: "value";
  value: unknown;
}

export interface PlannedStep {
  name: string;
  displayName?: string;
  provider?: string;
  version?: string;
  identifier?: string;
  guid?: string;
  /** Upstream step names: the declared dependencies plus every data-edge source. */
  dependencies: string[];
  params: Map<string, unknown>;
  inputs: Map<string, StepInputEdge | StepInputValue>;
  /** Set when the step uses a feature the local engine cannot run (loops, conditions). */
  unsupported?: string;
}

export interface Plan {
  identifier?: string;
  name?: string;
  provider?: string;
  version?: string;
  steps: PlannedStep[];
}

const bad = (message: string) => new ApiError(400, "InvalidParameter", `PipelineManifest: ${message}`);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseStream(text: string): { manifests: Manifest[]; parsed: ParsedManifest } {
  const parsed = parseManifest(text);
  const problem = parsed.problems.find((p) => p.severity === "error");
  if (problem || !parsed.stream) {
    const loc = problem?.location;
    const where = loc?.line ? ` at line ${loc.line}, column ${loc.col ?? 1}` : "";
    throw bad(`${problem?.message ?? "not a manifest"}${where}`);
  }
  return { manifests: parsed.stream.documents, parsed };
}

/** " (line N)" for a step or field of the entry document, when the source position is known. */
function lineOf(parsed: ParsedManifest, step: string, field?: string): string {
  const pos = parsed.locate({ step, field });
  return pos ? ` (line ${pos.line})` : "";
}

/** Run arguments: `{arguments: {parameters, artifacts}}` or `{parameters, artifacts}`, YAML or JSON. */
export function parseArguments(text: string | undefined): {
  parameters: Map<string, unknown>;
  artifacts: Map<string, unknown>;
} {
  const parameters = new Map<string, unknown>();
  const artifacts = new Map<string, unknown>();
  if (!text?.trim()) return { parameters, artifacts };
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new ApiError(
      400,
      "InvalidParameter",
      `Arguments: not YAML or JSON: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  const root = isRecord(value) && isRecord(value.arguments) ? value.arguments : value;
  if (!isRecord(root))
    throw new ApiError(400, "InvalidParameter", "Arguments: expected a mapping with parameters/artifacts");
  for (const [key, target] of [
    ["parameters", parameters],
    ["artifacts", artifacts],
  ] as const) {
    const list = root[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new ApiError(400, "InvalidParameter", `Arguments: ${key} must be a list`);
    for (const entry of list) {
      if (!isRecord(entry) || typeof entry.name !== "string") {
        throw new ApiError(400, "InvalidParameter", `Arguments: every entry of ${key} needs a name`);
      }
      target.set(entry.name, entry.value);
    }
  }
  return { parameters, artifacts };
}

/** Builds the plan of a manifest; throws ApiError(InvalidParameter) naming the step and field at fault. */
export function planManifest(text: string, argumentsText?: string): Plan {
  const { manifests: docs, parsed } = parseStream(text);
  const entry = docs[docs.length - 1] as Manifest;
  const guids = new Map(docs.slice(0, -1).map((d) => [d.metadata?.guid, d]));
  const spec = isRecord(entry.spec) ? entry.spec : undefined;
  if (!spec) throw bad("the pipeline has no spec");
  const rawSteps = spec.pipelines ?? [];
  if (!Array.isArray(rawSteps)) throw bad("spec.pipelines must be a list");
  if (rawSteps.length === 0) throw bad("spec.pipelines lists no steps");

  const args = parseArguments(argumentsText);
  const inputDefaults = new Map<string, unknown>();
  for (const p of spec.inputs?.parameters ?? []) if (p?.name) inputDefaults.set(p.name, p.value);
  const inputArtifacts = new Map<string, unknown>();
  for (const a of spec.inputs?.artifacts ?? []) if (a?.name) inputArtifacts.set(a.name, a.value);

  const names = new Set<string>();
  const steps = rawSteps.map((raw: Step, index) => {
    const name = raw?.metadata?.name;
    if (!isRecord(raw) || !isRecord(raw.metadata) || typeof name !== "string" || name === "") {
      throw bad(`step #${index + 1} has no metadata.name`);
    }
    if (names.has(name)) throw bad(`two steps are named "${name}"`);
    names.add(name);
    return planStep(raw, name, guids, args, inputDefaults, inputArtifacts, parsed);
  });

  for (const step of steps) {
    for (const dep of step.dependencies) {
      if (!names.has(dep)) {
        throw bad(
          `step "${step.name}"${lineOf(parsed, step.name, "dependencies")} depends on "${dep}", which is not a step of this pipeline`,
        );
      }
    }
  }
  checkAcyclic(steps);
  const md = entry.metadata ?? {};
  return { identifier: md.identifier, name: md.name, provider: md.provider, version: md.version, steps };
}

function planStep(
  raw: Step,
  name: string,
  guids: Map<string | undefined, Manifest>,
  args: ReturnType<typeof parseArguments>,
  inputDefaults: Map<string, unknown>,
  inputArtifacts: Map<string, unknown>,
  parsed: ParsedManifest,
): PlannedStep {
  const md = raw.metadata;
  const spec = raw.spec ?? {};
  const step: PlannedStep = {
    name,
    displayName: md.displayName,
    provider: md.provider,
    version: md.version,
    identifier: md.identifier,
    guid: md.guid,
    dependencies: [],
    params: new Map(),
    inputs: new Map(),
  };
  const inline = md.guid ? guids.get(md.guid) : undefined;
  if (md.guid && !inline && !md.identifier)
    throw bad(`step "${name}" points at component guid ${md.guid}, not in the stream`);
  if (inline) {
    step.identifier ??= inline.metadata.identifier ?? inline.metadata.name;
    for (const p of inline.spec?.inputs?.parameters ?? []) if (p?.name) step.params.set(p.name, p.value);
  }
  const container = inline?.spec?.container as { image?: string } | undefined;
  if (container)
    step.unsupported = `container components (${step.identifier}, image ${container.image ?? "?"})`;
  else if (spec.withItems || spec.withParam || spec.withSequence)
    step.unsupported = "loops (withItems/withParam/withSequence)";
  else if (spec.when) step.unsupported = `conditions (when: ${spec.when})`;
  else if (Array.isArray(spec.pipelines) && spec.pipelines.length > 0) step.unsupported = "nested pipelines";

  const deps = new Set<string>(Array.isArray(spec.dependencies) ? spec.dependencies : []);
  for (const p of spec.arguments?.parameters ?? []) {
    if (!p?.name) throw bad(`step "${name}": a parameter argument has no name`);
    if (typeof p.from === "string") {
      const ref = parseReference(p.from);
      if (ref?.kind === "input" && ref.io === "parameters") {
        step.params.set(
          p.name,
          args.parameters.has(ref.name) ? args.parameters.get(ref.name) : inputDefaults.get(ref.name),
        );
      } else {
        step.params.set(p.name, p.from);
      }
    } else {
      step.params.set(p.name, p.value);
    }
  }
  for (const a of spec.arguments?.artifacts ?? []) {
    if (!a?.name) throw bad(`step "${name}": an artifact argument has no name`);
    if (typeof a.from === "string") {
      const ref = parseReference(a.from);
      const at = lineOf(parsed, name, `arguments.artifacts.${a.name}`);
      if (ref?.kind === "step" && ref.io === "artifacts") {
        step.inputs.set(a.name, { kind: "step", step: ref.step, output: ref.name });
        deps.add(ref.step);
      } else if (ref?.kind === "input" && ref.io === "artifacts") {
        const value = args.artifacts.get(ref.name) ?? inputArtifacts.get(ref.name);
        if (value === undefined) {
          throw bad(
            `step "${name}", artifact "${a.name}"${at}: pipeline input artifact "${ref.name}" has no value in Arguments`,
          );
        }
        step.inputs.set(a.name, { kind: "value", value });
      } else {
        throw bad(`step "${name}", artifact "${a.name}"${at}: unsupported reference ${a.from}`);
      }
    } else if (a.value !== undefined) {
      step.inputs.set(a.name, { kind: "value", value: a.value });
    }
  }
  step.dependencies = [...deps];
  return step;
}

function checkAcyclic(steps: PlannedStep[]): void {
  const byName = new Map(steps.map((s) => [s.name, s]));
  const state = new Map<string, 1 | 2>();
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 2) return;
    if (state.get(name) === 1) throw bad(`the steps form a cycle: ${[...trail, name].join(" -> ")}`);
    state.set(name, 1);
    for (const dep of byName.get(name)?.dependencies ?? []) visit(dep, [...trail, name]);
    state.set(name, 2);
  };
  for (const s of steps) visit(s.name, []);
}
