/** Validation of a pipeline graph: documents, steps, names, components and cycles (bindings in bindings.ts). */
import type { SchemasResponse } from "../api/schemas";
import { componentsFromManifest } from "../catalog/from-manifest";
import { componentLookup, catalog as officialCatalog } from "../catalog/index";
import type { ComponentSpec } from "../catalog/types";
import { STEP_NAME_PATTERN } from "../graph/ops";
import type { GraphStep, PipelineGraph } from "../graph/types";
import { isObject, stringAt } from "../graph/util";
import { API_VERSION } from "../manifest/types";
import { type Ctx, checkArtifacts, checkParameters, checkText } from "./bindings";
import { checkColumns } from "./columns";
import { findCycles } from "./cycles";
import { checkDocument, checkIoNames } from "./document";
import { error, type Problem, warning } from "./problem";

function checkStep(ctx: Ctx, step: GraphStep, index: number, names: Set<string>): string[] {
  const upstream: string[] = [];
  const loc = { step: step.name };
  if (isObject(step.raw) && step.raw.apiVersion !== undefined && step.raw.apiVersion !== API_VERSION)
    ctx.problems.push(
      error(
        "api-version",
        `step ${step.name} has apiVersion ${JSON.stringify(step.raw.apiVersion)}; expected "${API_VERSION}"`,
        { ...loc, field: "apiVersion" },
        {
          step: step.name,
          value: JSON.stringify(step.raw.apiVersion),
          expected: API_VERSION,
          missing: false,
          onStep: true,
        },
      ),
    );
  if (step.name === "") {
    ctx.problems.push(
      error(
        "missing-step-name",
        `step ${index + 1} has no metadata.name`,
        { field: `pipelines.${index}` },
        { index: index + 1 },
      ),
    );
  } else {
    if (names.has(step.name))
      ctx.problems.push(
        error(
          "duplicate-step-name",
          `step name ${step.name} is used twice`,
          { ...loc, field: `pipelines.${index}.metadata.name` },
          { step: step.name },
        ),
      );
    if (!STEP_NAME_PATTERN.test(step.name))
      ctx.problems.push(
        error(
          "invalid-step-name",
          `step name ${JSON.stringify(step.name)} is invalid: use a letter or _, then letters, digits, _ or - (at most 128)`,
          { ...loc, field: "metadata.name" },
          { step: step.name },
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
        { step: step.name },
      ),
    );
  } else if (!spec) {
    const inline = ref.guid !== undefined && ref.identifier === undefined;
    const component = inline
      ? (ref.guid as string)
      : [ref.provider, ref.identifier, ref.version].filter(Boolean).join("/");
    ctx.problems.push(
      warning(
        "unknown-component",
        `${inline ? "inline component" : "component"} ${component} of step ${step.name} is not in the catalog; its ports come from the pipeline`,
        { ...loc, field: "metadata.identifier" },
        { step: step.name, component, inline },
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
        error(
          "unknown-step",
          `step ${step.name} depends on ${dep}, which does not exist`,
          { ...loc, field: "dependencies" },
          { step: step.name, target: dep, via: "dependency" },
        ),
      );
  }
  return upstream;
}

export interface ValidateOptions {
  /** Design-time schemas: column parameters are checked against them (`unknown-column`, `column-type`). */
  schemas?: SchemasResponse | undefined;
}

/** Validates a graph against a catalog (the official one by default) plus the stream's inline components; never throws. */
export function validateGraph(
  graph: PipelineGraph,
  components: readonly ComponentSpec[] = officialCatalog,
  options: ValidateOptions = {},
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
  const lookup = componentLookup(all);
  for (const step of graph.steps) {
    if (!ctx.steps.has(step.name)) ctx.steps.set(step.name, step);
    if (!ctx.specOf.has(step.name)) ctx.specOf.set(step.name, lookup.of(step.component));
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
      error(
        "cycle",
        `steps form a cycle through data edges and dependencies: ${path}`,
        { step: cycle[0] as string, field: "dependencies" },
        { path },
      ),
    );
  }
  if (options.schemas)
    ctx.problems.push(...checkColumns(graph.steps, (s) => ctx.specOf.get(s.name), options.schemas));
  return ctx.problems;
}
