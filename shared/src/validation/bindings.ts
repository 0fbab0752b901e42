/** Checks of a step's bindings: references, ports and parameters against the step's component. */
import type { ComponentSpec, PortSpec } from "../catalog/types";
import type { GraphStep, PipelineGraph } from "../graph/types";
import { findReferences, type Reference } from "../manifest/reference";
import { error, type Problem, type ProblemLocation, warning } from "./problem";
import { checkValue } from "./values";

/** What the checks of one graph share. */
export interface Ctx {
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
          { reference: text, io: ref.io, input: ref.name },
        ),
      );
    return;
  }
  if (ref.kind !== "step") return;
  if (!ctx.steps.has(ref.step)) {
    ctx.problems.push(
      error("unknown-step", `${text} reads step ${ref.step}, which does not exist`, where, {
        reference: text,
        target: ref.step,
        via: "reference",
      }),
    );
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
        {
          reference: text,
          target: ref.step,
          component: spec.identifier,
          output: ref.name,
          known,
          io: "artifacts",
        },
      ),
    );
  } else if (ref.io === "parameters" && spec.outputParameters && !spec.outputParameters.includes(ref.name)) {
    ctx.problems.push(
      error("unknown-output", `${text}: step ${ref.step} has no output parameter ${ref.name}`, where, {
        reference: text,
        target: ref.step,
        output: ref.name,
        io: "parameters",
      }),
    );
  }
}

export function checkText(
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
        warning("invalid-reference", `${found.text} is not a reference PAIFlow knows`, where, {
          reference: found.text,
        }),
      );
  }
}

export function checkArtifacts(
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
        error(
          "input-fed-twice",
          `input ${arg.name} of step ${step.name} is fed twice`,
          { step: step.name, field: `arguments.artifacts.${i}` },
          { step: step.name, input: arg.name },
        ),
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
        error("unknown-input", `${spec.identifier} has no input ${arg.name} (inputs: ${known})`, where, {
          step: step.name,
          component: spec.identifier,
          input: arg.name,
          known,
        }),
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
            {
              source: b.step,
              output: b.output,
              outputType: out.type,
              step: step.name,
              input: arg.name,
              inputType: port.type,
            },
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
          { step: step.name, component: spec?.identifier ?? "", input: port.name },
        ),
      );
  }
}

export function checkParameters(
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
        error(
          "duplicate-parameter",
          `parameter ${arg.name} of step ${step.name} is set twice`,
          { step: step.name, field: `arguments.parameters.${i}` },
          { step: step.name, param: arg.name },
        ),
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
          warning("unknown-parameter", `${spec.identifier} has no parameter ${arg.name}`, where, {
            step: step.name,
            component: spec.identifier,
            param: arg.name,
          }),
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
          { step: step.name, component: spec.identifier, param: param.name },
        ),
      );
  }
  if (spec.maxCompute && !seen.has("execution"))
    ctx.problems.push(
      warning(
        "missing-execution",
        `step ${step.name} runs on MaxCompute but its execution parameter is not set`,
        { step: step.name, field: "arguments.parameters" },
        { step: step.name },
      ),
    );
}
