/**
 * Pure editing operations on a PipelineGraph: what the designer's store verbs call.
 *
 * Every operation returns a new graph and never mutates its input. Unchanged steps keep their
 * object identity, so a canvas node memoized on its step re-renders only when that step changes.
 */
import type { Parameter } from "../manifest/types";
import { freshDisplayName, freshStepName, STEP_NAME_PATTERN } from "./names";
import type { ArtifactArg, GraphStep, ParamBinding, PipelineGraph, Position } from "./types";

export * from "./clipboard";
export * from "./names";

/** A proposed data edge: an output artifact of one step into an input artifact of another. */
export interface Connection {
  source: string;
  sourceOutput: string;
  target: string;
  targetInput: string;
}

export type RefusalCode = "self" | "unknown-step" | "input-fed" | "cycle" | "type-mismatch";

/** Values a refusal's words name, by name: with `code`, what a UI needs to word it in its language. */
export type RefusalParams = Record<string, string>;

export type ConnectCheck =
  | { ok: true }
  | { ok: false; code: RefusalCode; reason: string; params: RefusalParams };

/** Data type of a step's port (`DataSet`, `Model`, ...), or undefined when not known. */
export type PortTypeOf = (step: GraphStep, port: string, side: "input" | "output") => string | undefined;

export type OpResult =
  | { ok: true; graph: PipelineGraph }
  | {
      ok: false;
      code: "invalid-step-name" | "duplicate-step-name" | "unknown-step";
      reason: string;
      params: RefusalParams;
    };

const STEP_REF = /\{\{\s*pipelines\.([^.\s}]+)\./g;

function replaceStep(graph: PipelineGraph, name: string, update: (s: GraphStep) => GraphStep): PipelineGraph {
  let changed = false;
  const steps = graph.steps.map((s) => {
    if (s.name !== name) return s;
    const next = update(s);
    changed ||= next !== s;
    return next;
  });
  return changed ? { ...graph, steps } : graph;
}

/**
 * Add a step made from `proto` (see `addComponentStep`) with a fresh step name based on its name or
 * component identifier and the display name `<displayBaseName>-<n>`.
 */
export function addStep(
  graph: PipelineGraph,
  proto: GraphStep,
  displayBaseName: string,
  position?: Position,
): { graph: PipelineGraph; name: string } {
  const names = graph.steps.map((s) => s.name);
  const name = freshStepName(names, proto.component.identifier ?? proto.name ?? "step");
  const displayName = freshDisplayName(
    graph.steps.map((s) => s.displayName),
    displayBaseName,
  );
  const step: GraphStep = { ...proto, name, displayName };
  if (position) step.position = { ...position };
  return { graph: { ...graph, steps: [...graph.steps, step] }, name };
}

/** Steps directly upstream of `step`: its dependencies and the sources of its data edges. */
function upstreamOf(step: GraphStep): string[] {
  const up = [...step.dependencies];
  for (const a of step.artifacts) if (a.binding.kind === "step") up.push(a.binding.step);
  return up;
}

/** Whether `from` is `to` or lies upstream of it. */
function reaches(graph: PipelineGraph, to: string, from: string): boolean {
  const byName = new Map(graph.steps.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const stack = [to];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    if (cur === from) return true;
    if (seen.has(cur)) continue;
    seen.add(cur);
    const step = byName.get(cur);
    if (step) stack.push(...upstreamOf(step));
  }
  return false;
}

/**
 * Whether a data edge may be drawn, and if not, why (the same rules validation applies). A cycle
 * or a type mismatch is reported before "already fed": replacing the current source would not help.
 */
export function canConnect(graph: PipelineGraph, c: Connection, portType?: PortTypeOf): ConnectCheck {
  if (c.source === c.target) {
    return { ok: false, code: "self", reason: "A step cannot feed itself.", params: {} };
  }
  const source = graph.steps.find((s) => s.name === c.source);
  const target = graph.steps.find((s) => s.name === c.target);
  if (!source || !target) {
    return {
      ok: false,
      code: "unknown-step",
      reason: `Step "${source ? c.target : c.source}" does not exist.`,
      params: { step: source ? c.target : c.source },
    };
  }
  if (reaches(graph, c.source, c.target)) {
    const params = { target: target.displayName ?? target.name, source: source.displayName ?? source.name };
    return {
      ok: false,
      code: "cycle",
      reason: `Connecting would make a cycle: ${params.target} already runs before ${params.source}.`,
      params,
    };
  }
  const out = portType?.(source, c.sourceOutput, "output");
  const inp = portType?.(target, c.targetInput, "input");
  if (out && inp && out !== inp && out !== "Any" && inp !== "Any") {
    return {
      ok: false,
      code: "type-mismatch",
      reason: `Type mismatch: "${c.sourceOutput}" is ${out} but "${c.targetInput}" takes ${inp}.`,
      params: { output: c.sourceOutput, outputType: out, input: c.targetInput, inputType: inp },
    };
  }
  const fed = target.artifacts.find((a) => a.name === c.targetInput);
  if (fed) {
    // Empty when the input holds a value or a reference rather than another step's output.
    const from = fed.binding.kind === "step" ? `${fed.binding.step}.${fed.binding.output}` : "";
    const by = fed.binding.kind === "step" ? "step" : "value";
    const params = { input: c.targetInput, target: target.displayName ?? target.name, from, by };
    return {
      ok: false,
      code: "input-fed",
      reason: `Input "${params.input}" of ${params.target} is already fed by ${from || "another value"}.`,
      params,
    };
  }
  return { ok: true };
}

/** Draw a data edge: bind the target input and list the source among its dependencies. */
export function connect(graph: PipelineGraph, c: Connection): PipelineGraph {
  return replaceStep(graph, c.target, (t) => ({
    ...t,
    artifacts: [
      ...t.artifacts.filter((a) => a.name !== c.targetInput),
      { name: c.targetInput, binding: { kind: "step", step: c.source, output: c.sourceOutput } },
    ],
    dependencies: t.dependencies.includes(c.source) ? t.dependencies : [...t.dependencies, c.source],
  }));
}

/** Remove the data edge into `target.targetInput`; the dependency goes when no edge from that source remains. */
export function disconnect(graph: PipelineGraph, target: string, targetInput: string): PipelineGraph {
  return replaceStep(graph, target, (t) => {
    const edge = t.artifacts.find((a) => a.name === targetInput);
    if (edge?.binding.kind !== "step") return t;
    const source = edge.binding.step;
    const artifacts = t.artifacts.filter((a) => a !== edge);
    const stillFed = artifacts.some((a) => a.binding.kind === "step" && a.binding.step === source);
    return {
      ...t,
      artifacts,
      dependencies: stillFed ? t.dependencies : t.dependencies.filter((d) => d !== source),
    };
  });
}

/** Remove steps with every data edge and dependency that touched them. */
export function removeSteps(graph: PipelineGraph, names: Iterable<string>): PipelineGraph {
  const gone = new Set(names);
  if (gone.size === 0) return graph;
  const steps: GraphStep[] = [];
  for (const s of graph.steps) {
    if (gone.has(s.name)) continue;
    const artifacts = s.artifacts.filter((a) => !(a.binding.kind === "step" && gone.has(a.binding.step)));
    const dependencies = s.dependencies.filter((d) => !gone.has(d));
    const touched = artifacts.length !== s.artifacts.length || dependencies.length !== s.dependencies.length;
    steps.push(touched ? { ...s, artifacts, dependencies } : s);
  }
  return { ...graph, steps };
}

function renameRefs(text: string, from: string, to: string): string {
  return text.replace(STEP_REF, (whole, name: string) => (name === from ? whole.replace(from, to) : whole));
}

function renameInValue<T>(value: T, from: string, to: string): T {
  if (typeof value === "string") return renameRefs(value, from, to) as T;
  if (Array.isArray(value)) return value.map((v) => renameInValue(v, from, to)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameInValue(v, from, to)])) as T;
  }
  return value;
}

/** Rename a step, rewriting every reference to it: data edges, dependencies, `from`s, `when`s, outputs. */
export function renameStep(graph: PipelineGraph, from: string, to: string): OpResult {
  if (from === to) return { ok: true, graph };
  if (!STEP_NAME_PATTERN.test(to)) {
    return {
      ok: false,
      code: "invalid-step-name",
      reason: `"${to}" is not a valid step name: start with a letter or "_", then letters, digits, "_" or "-".`,
      params: { name: to },
    };
  }
  if (graph.steps.some((s) => s.name === to))
    return {
      ok: false,
      code: "duplicate-step-name",
      reason: `A step named "${to}" already exists.`,
      params: { name: to },
    };
  if (!graph.steps.some((s) => s.name === from))
    return { ok: false, code: "unknown-step", reason: `No step named "${from}".`, params: { step: from } };
  const steps = graph.steps.map((s) => {
    const self = s.name === from;
    const refersTo =
      s.dependencies.includes(from) || JSON.stringify([s.parameters, s.artifacts, s.raw.spec]).includes(from);
    if (!self && !refersTo) return s;
    const artifacts = s.artifacts.map((a): ArtifactArg => {
      const b = a.binding;
      if (b.kind === "step" && b.step === from) return { ...a, binding: { ...b, step: to } };
      if (b.kind === "ref") return { ...a, binding: { kind: "ref", from: renameRefs(b.from, from, to) } };
      return a;
    });
    const parameters = s.parameters.map((p) =>
      p.binding.kind === "ref"
        ? { ...p, binding: { kind: "ref" as const, from: renameRefs(p.binding.from, from, to) } }
        : p,
    );
    const spec = s.raw.spec;
    const raw =
      spec && (spec.when !== undefined || spec.withParam !== undefined)
        ? {
            ...s.raw,
            spec: {
              ...spec,
              ...(typeof spec.when === "string" ? { when: renameRefs(spec.when, from, to) } : {}),
              ...(typeof spec.withParam === "string"
                ? { withParam: renameRefs(spec.withParam, from, to) }
                : {}),
            },
          }
        : s.raw;
    return {
      ...s,
      name: self ? to : s.name,
      artifacts,
      parameters,
      dependencies: s.dependencies.map((d) => (d === from ? to : d)),
      raw,
    };
  });
  const outputs = renameInValue(graph.outputs, from, to);
  return { ok: true, graph: { ...graph, steps, outputs } };
}

/** Set a step's display name (the canvas label). */
export function setDisplayName(graph: PipelineGraph, step: string, displayName: string): PipelineGraph {
  return replaceStep(graph, step, (s) => (s.displayName === displayName ? s : { ...s, displayName }));
}

/** Give a parameter a binding, or remove its argument (component default applies) with `undefined`. */
export function setParameterBinding(
  graph: PipelineGraph,
  step: string,
  param: string,
  binding: ParamBinding | undefined,
): PipelineGraph {
  return replaceStep(graph, step, (s) => {
    const i = s.parameters.findIndex((p) => p.name === param);
    if (binding === undefined) {
      return i < 0 ? s : { ...s, parameters: s.parameters.filter((_, j) => j !== i) };
    }
    const parameters = [...s.parameters];
    const existing = parameters[i];
    if (existing) parameters[i] = { ...existing, binding };
    else if (parameters.at(-1)?.name === "execution") {
      // PAI Designer writes `execution` last; new arguments go before it so exports match Designer's.
      parameters.splice(parameters.length - 1, 0, { name: param, binding });
    } else parameters.push({ name: param, binding });
    return { ...s, parameters };
  });
}

/** Set a parameter's literal value; `undefined` or `""` removes the argument so the default applies. */
export function setParameter(
  graph: PipelineGraph,
  step: string,
  param: string,
  value: unknown,
): PipelineGraph {
  const unset = value === undefined || value === "";
  return setParameterBinding(graph, step, param, unset ? undefined : { kind: "value", value });
}

/**
 * Bind a step parameter to the pipeline input parameter `input` (`from: {{inputs.parameters.X}}`),
 * declaring that input with `declare` when the pipeline lacks it.
 */
export function bindParameterToInput(
  graph: PipelineGraph,
  step: string,
  param: string,
  input: string,
  declare: Omit<Parameter, "name"> = { type: "String" },
): PipelineGraph {
  const bound = setParameterBinding(graph, step, param, { kind: "input", input });
  return ensurePipelineInput(bound, { name: input, ...declare });
}

/** Declare a pipeline input parameter unless one of that name exists. */
function ensurePipelineInput(graph: PipelineGraph, param: Parameter): PipelineGraph {
  if (graph.inputs.parameters.some((p) => p.name === param.name)) return graph;
  return { ...graph, inputs: { ...graph.inputs, parameters: [...graph.inputs.parameters, param] } };
}

/** Move steps to new canvas positions. */
export function moveSteps(graph: PipelineGraph, positions: ReadonlyMap<string, Position>): PipelineGraph {
  if (positions.size === 0) return graph;
  let changed = false;
  const steps = graph.steps.map((s) => {
    const p = positions.get(s.name);
    if (!p || (s.position && s.position.x === p.x && s.position.y === p.y)) return s;
    changed = true;
    return { ...s, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...graph, steps } : graph;
}

/** Set fields of the pipeline's metadata (name, identifier, version, provider, ...); `""` removes one. */
export function setPipelineMetadata(graph: PipelineGraph, patch: Record<string, string>): PipelineGraph {
  const metadata = { ...graph.metadata };
  for (const [k, v] of Object.entries(patch)) {
    if (v === "") delete metadata[k];
    else metadata[k] = v;
  }
  return { ...graph, metadata };
}

type IoSide = "inputs" | "outputs";
type IoKind = "parameters" | "artifacts";

/** Replace the pipeline's input or output parameters or artifacts (the inspector edits whole lists). */
export function setPipelineIo<K extends IoKind>(
  graph: PipelineGraph,
  side: IoSide,
  kind: K,
  list: PipelineGraph[IoSide][K],
): PipelineGraph {
  return { ...graph, [side]: { ...graph[side], [kind]: list } };
}
