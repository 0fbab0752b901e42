/** Validation of a pipeline graph: steps, bindings, references, ports, parameters and cycles. */
import { componentsFromManifest } from "../catalog/from-manifest";
import { findComponent, catalog as officialCatalog } from "../catalog/index";
import type { ComponentSpec, PortSpec } from "../catalog/types";
import { STEP_NAME_PATTERN } from "../graph/ops";
import type { GraphStep, PipelineGraph } from "../graph/types";
import { isObject, stringAt } from "../graph/util";
import { findReferences, type Reference } from "../manifest/reference";
import { API_VERSION } from "../manifest/types";
import { findCycles } from "./cycles";
import { checkDocument, checkIoNames } from "./document";
import { error, type Problem, type ProblemLocation, warning } from "./problem";
import { checkValue } from "./values";

interface Ctx {
  graph: PipelineGraph;
  components: readonly ComponentSpec[];
  steps: Map<string, GraphStep>;
  specOf: Map<string, ComponentSpec | undefined>;
  inputParams: Set<string>;
  inputArtifacts: Set<string>;
  problems: Problem[];
}

function outputPort(ctx: Ctx, step: string, name: string): PortSpec | undefined {
  return ctx.specOf.get(step)?.outputs.find((p) => p.name === name);
}

/** Checks one reference found at `where`; `upstream` collects the steps it reads. */
function checkReference(
  ctx: Ctx,
  ref: Reference | undefined,
  text: string,
  where: ProblemLocation,
  upstream: string[],
): void {
  if (!ref) return;
  if (ref.kind === "input") {
    const declared = ref.io === "parameters" ? ctx.inputParams : ctx.inputArtifacts;
    if (!declared.has(ref.name))
      ctx.problems.push(
        error(
          "unknown-pipeline-input",
          `${text} reads pipeline input ${ref.io}.${ref.name}, which the pipeline does not declare`,
          where,
        ),
      );
    return;
  }
  if (ref.kind !== "step") return;
  if (!ctx.steps.has(ref.step)) {
    ctx.problems.push(error("unknown-step", `${text} reads step ${ref.step}, which does not exist`, where));
    return;
  }
  upstream.push(ref.step);
  const spec = ctx.specOf.get(ref.step);
  if (!spec) return;
  if (ref.io === "artifacts" && !spec.outputs.some((p) => p.name === ref.name)) {
    const known = spec.outputs.map((p) => p.name).join(", ") || "none";
    ctx.problems.push(
      error(
        "unknown-output",
        `${text}: step ${ref.step} (${spec.identifier}) has no output ${ref.name} (outputs: ${known})`,
        where,
      ),
    );
  } else if (ref.io === "parameters" && spec.outputParameters && !spec.outputParameters.includes(ref.name)) {
    ctx.problems.push(
      error("unknown-output", `${text}: step ${ref.step} has no output parameter ${ref.name}`, where),
    );
  }
}

function checkText(
  ctx: Ctx,
  text: unknown,
  where: ProblemLocation,
  upstream: string[],
  strict: boolean,
): void {
  if (typeof text !== "string") return;
  for (const found of findReferences(text)) {
    if (found.ref) checkReference(ctx, found.ref, found.text, where, upstream);
    else if (strict)
      ctx.problems.push(
        warning("invalid-reference", `${found.text} is not a reference PAIFlow knows`, where),
      );
  }
}

function checkArtifacts(
  ctx: Ctx,
  step: GraphStep,
  spec: ComponentSpec | undefined,
  upstream: string[],
): void {
  const fed = new Set<string>();
  step.artifacts.forEach((arg, i) => {
    const where = { step: step.name, field: `arguments.artifacts.${arg.name}` };
    if (fed.has(arg.name)) {
      ctx.problems.push(
        error("input-fed-twice", `input ${arg.name} of step ${step.name} is fed twice`, {
          step: step.name,
          field: `arguments.artifacts.${i}`,
        }),
      );
      return;
    }
    fed.add(arg.name);
    const port = spec?.inputs.find(
      (p) => p.name === arg.name || (p.repeated && arg.name.startsWith(`${p.name}_`)),
    );
    if (spec && !port) {
      const known = spec.inputs.map((p) => p.name).join(", ") || "none";
      ctx.problems.push(
        error("unknown-input", `${spec.identifier} has no input ${arg.name} (inputs: ${known})`, where),
      );
    }
    const b = arg.binding;
    const at = { ...where, field: `${where.field}.from` };
    if (b.kind === "step") {
      const text = `{{pipelines.${b.step}.outputs.artifacts.${b.output}}}`;
      checkReference(
        ctx,
        { kind: "step", step: b.step, io: "artifacts", name: b.output },
        text,
        at,
        upstream,
      );
      const out = outputPort(ctx, b.step, b.output);
      if (port && out && port.type !== "Any" && out.type !== "Any" && port.type !== out.type)
        ctx.problems.push(
          error(
            "type-mismatch",
            `${b.step}.${b.output} is a ${out.type}; input ${arg.name} of ${step.name} takes a ${port.type}`,
            at,
          ),
        );
    } else if (b.kind === "input") {
      checkReference(
        ctx,
        { kind: "input", io: "artifacts", name: b.input },
        `{{inputs.artifacts.${b.input}}}`,
        at,
        upstream,
      );
    } else if (b.kind === "ref") checkText(ctx, b.from, at, upstream, true);
  });
  for (const port of spec?.inputs ?? []) {
    if (
      port.required &&
      !fed.has(port.name) &&
      !(port.repeated && [...fed].some((n) => n.startsWith(`${port.name}_`)))
    )
      ctx.problems.push(
        error(
          "required-input",
          `input ${port.name} of step ${step.name} (${spec?.identifier}) is not connected`,
          { step: step.name, field: "arguments.artifacts" },
        ),
      );
  }
}

function checkParameters(
  ctx: Ctx,
  step: GraphStep,
  spec: ComponentSpec | undefined,
  upstream: string[],
): void {
  const seen = new Set<string>();
  step.parameters.forEach((arg, i) => {
    const where = { step: step.name, field: `arguments.parameters.${arg.name}` };
    if (seen.has(arg.name)) {
      ctx.problems.push(
        error("duplicate-parameter", `parameter ${arg.name} of step ${step.name} is set twice`, {
          step: step.name,
          field: `arguments.parameters.${i}`,
        }),
      );
      return;
    }
    seen.add(arg.name);
    const b = arg.binding;
    if (b.kind === "input") {
      const text = `{{inputs.parameters.${b.input}}}`;
      checkReference(
        ctx,
        { kind: "input", io: "parameters", name: b.input },
        text,
        { ...where, field: `${where.field}.from` },
        upstream,
      );
    } else if (b.kind === "ref")
      checkText(ctx, b.from, { ...where, field: `${where.field}.from` }, upstream, true);
    else checkText(ctx, b.value, { ...where, field: `${where.field}.value` }, upstream, false);
    if (!spec || arg.name === "execution") return;
    const param = spec.parameters.find((p) => p.name === arg.name);
    if (!param) {
      if (spec.provider === "pai")
        ctx.problems.push(
          warning("unknown-parameter", `${spec.identifier} has no parameter ${arg.name}`, where),
        );
      return;
    }
    if (b.kind === "value")
      ctx.problems.push(...checkValue(b.value, param, { ...where, field: `${where.field}.value` }));
  });
  if (!spec) return;
  for (const param of spec.parameters) {
    if (param.required && !seen.has(param.name) && param.default === undefined)
      ctx.problems.push(
        error(
          "required-parameter",
          `parameter ${param.name} of step ${step.name} (${spec.identifier}) is required`,
          { step: step.name, field: "arguments.parameters" },
        ),
      );
  }
  if (spec.maxCompute && !seen.has("execution"))
    ctx.problems.push(
      warning(
        "missing-execution",
        `step ${step.name} runs on MaxCompute but its execution parameter is not set`,
        { step: step.name, field: "arguments.parameters" },
      ),
    );
}

function checkStep(ctx: Ctx, step: GraphStep, index: number, names: Set<string>): string[] {
  const upstream: string[] = [];
  const loc = { step: step.name };
  if (isObject(step.raw) && step.raw.apiVersion !== undefined && step.raw.apiVersion !== API_VERSION)
    ctx.problems.push(
      error(
        "api-version",
        `step ${step.name} has apiVersion ${JSON.stringify(step.raw.apiVersion)}; expected "${API_VERSION}"`,
        { ...loc, field: "apiVersion" },
      ),
    );
  if (step.name === "") {
    ctx.problems.push(
      error("missing-step-name", `step ${index + 1} has no metadata.name`, { field: `pipelines.${index}` }),
    );
  } else {
    if (names.has(step.name))
      ctx.problems.push(
        error("duplicate-step-name", `step name ${step.name} is used twice`, {
          ...loc,
          field: `pipelines.${index}.metadata.name`,
        }),
      );
    if (!STEP_NAME_PATTERN.test(step.name))
      ctx.problems.push(
        error(
          "invalid-step-name",
          `step name ${JSON.stringify(step.name)} is invalid: use a letter or _, then letters, digits, _ or - (at most 128)`,
          { ...loc, field: "metadata.name" },
        ),
      );
  }
  names.add(step.name);
  const ref = step.component;
  const spec = ctx.specOf.get(step.name);
  if (ref.identifier === undefined && ref.guid === undefined) {
    ctx.problems.push(
      error(
        "missing-component",
        `step ${step.name} names no component (metadata.identifier or metadata.guid)`,
        { ...loc, field: "metadata" },
      ),
    );
  } else if (!spec) {
    const what =
      ref.guid !== undefined && ref.identifier === undefined
        ? `inline component ${ref.guid}`
        : `component ${[ref.provider, ref.identifier, ref.version].filter(Boolean).join("/")}`;
    ctx.problems.push(
      warning(
        "unknown-component",
        `${what} of step ${step.name} is not in the catalog; its ports come from the pipeline`,
        { ...loc, field: "metadata.identifier" },
      ),
    );
  }
  checkArtifacts(ctx, step, spec, upstream);
  checkParameters(ctx, step, spec, upstream);
  const rawSpec = isObject(step.raw) && isObject(step.raw.spec) ? step.raw.spec : undefined;
  checkText(ctx, rawSpec?.when, { ...loc, field: "when" }, upstream, true);
  checkText(ctx, rawSpec?.withParam, { ...loc, field: "withParam" }, upstream, true);
  for (const dep of step.dependencies) {
    if (ctx.steps.has(dep)) upstream.push(dep);
    else
      ctx.problems.push(
        error("unknown-step", `step ${step.name} depends on ${dep}, which does not exist`, {
          ...loc,
          field: "dependencies",
        }),
      );
  }
  return upstream;
}

/** Validates a graph against a catalog (the official one by default) plus the stream's inline components; never throws. */
export function validateGraph(
  graph: PipelineGraph,
  components: readonly ComponentSpec[] = officialCatalog,
): Problem[] {
  const all =
    graph.components.length > 0
      ? [...componentsFromManifest({ documents: graph.components }), ...components]
      : components;
  const ctx: Ctx = {
    graph,
    components: all,
    steps: new Map(),
    specOf: new Map(),
    inputParams: new Set(
      graph.inputs.parameters.map((p) => stringAt(p, "name")).filter((n): n is string => n !== undefined),
    ),
    inputArtifacts: new Set(
      graph.inputs.artifacts.map((p) => stringAt(p, "name")).filter((n): n is string => n !== undefined),
    ),
    problems: [],
  };
  graph.components.forEach((doc, i) => {
    ctx.problems.push(...checkDocument(doc, i, false));
  });
  ctx.problems.push(...checkDocument(graph.raw, undefined, true));
  ctx.problems.push(
    ...checkIoNames(graph.inputs.parameters, "inputs.parameters"),
    ...checkIoNames(graph.inputs.artifacts, "inputs.artifacts"),
  );
  ctx.problems.push(
    ...checkIoNames(graph.outputs.parameters, "outputs.parameters"),
    ...checkIoNames(graph.outputs.artifacts, "outputs.artifacts"),
  );
  const keyCache = new Map<string, ComponentSpec | undefined>();
  for (const step of graph.steps) {
    if (!ctx.steps.has(step.name)) ctx.steps.set(step.name, step);
    const key = `${step.component.guid}|${step.component.provider}|${step.component.identifier}|${step.component.version}`;
    if (!keyCache.has(key)) keyCache.set(key, findComponent(all, step.component));
    if (!ctx.specOf.has(step.name)) ctx.specOf.set(step.name, keyCache.get(key));
  }
  const names = new Set<string>();
  const upstream = new Map<string, string[]>();
  graph.steps.forEach((step, i) => {
    const ups = checkStep(ctx, step, i, names);
    const prev = upstream.get(step.name);
    upstream.set(step.name, prev ? [...prev, ...ups] : ups);
  });
  for (const [io, list] of [
    ["artifacts", graph.outputs.artifacts],
    ["parameters", graph.outputs.parameters],
  ] as const) {
    for (const out of list)
      checkText(
        ctx,
        isObject(out) ? out.from : undefined,
        { field: `outputs.${io}.${stringAt(out, "name") ?? ""}` },
        [],
        true,
      );
  }
  for (const cycle of findCycles([...ctx.steps.keys()], (n) => upstream.get(n) ?? [])) {
    const path = [...cycle, cycle[0]].join(" -> ");
    ctx.problems.push(
      error("cycle", `steps form a cycle through data edges and dependencies: ${path}`, {
        step: cycle[0] as string,
        field: "dependencies",
      }),
    );
  }
  return ctx.problems;
}
