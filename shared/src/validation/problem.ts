/**
 * A finding of validation: the same shape for the canvas badges, the problems list, the server
 * (400 answers, checked with the schema) and the CLI.
 */
import { z } from "zod";

const ProblemLocationSchema = z.object({
  /** `metadata.name` of the step concerned. */
  step: z.string().optional(),
  /**
   * Where in the step (or, without `step`, in the pipeline document): a dotted path whose list
   * entries are named, e.g. `arguments.parameters.fraction`, `arguments.artifacts.inputTable`,
   * `dependencies`, `metadata.name`, `inputs.parameters.execution_maxcompute`.
   */
  field: z.string().optional(),
  /** 1-based, when the problem comes from text. */
  line: z.number().int().optional(),
  col: z.number().int().optional(),
  /** Index of the document in a multi-document stream, when it is not the entry pipeline. */
  document: z.number().int().optional(),
});
export type ProblemLocation = z.infer<typeof ProblemLocationSchema>;

/**
 * The values a message interpolates, by name (`step`, `param`, `value`, `range`, ...): with
 * `code`, all a UI needs to word the message in another language. Lists are joined with ", ".
 */
const ProblemParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
type ProblemParams = z.infer<typeof ProblemParamsSchema>;
// Selectors a message chooses its wording by (`missing`, `io`, `via`, ...) are always given, so a
// translation can `select` on them without guessing at an absent value.

/**
 * Every code validation and reading give: a UI words each from its `params` (a test checks the
 * web app has a message for each), and the CLI prints it beside the English message.
 */
export const PROBLEM_CODES = [
  "yaml-syntax",
  "duplicate-key",
  "yaml-alias-limit",
  "not-a-manifest",
  "empty",
  "too-large",
  "internal-error",
  "unreadable",
  "read-error",
  "api-version",
  "missing-metadata",
  "invalid-spec",
  "missing-name",
  "duplicate-name",
  "missing-step-name",
  "duplicate-step-name",
  "invalid-step-name",
  "missing-component",
  "unknown-component",
  "unknown-step",
  "unknown-pipeline-input",
  "unknown-output",
  "invalid-reference",
  "input-fed-twice",
  "unknown-input",
  "type-mismatch",
  "required-input",
  "duplicate-parameter",
  "unknown-parameter",
  "required-parameter",
  "missing-execution",
  "value-type",
  "value-not-allowed",
  "value-out-of-range",
  "cycle",
  "unknown-column",
  "column-type",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const ProblemSchema = z.object({
  severity: z.enum(["error", "warning"]),
  /** Stable kebab-case id, e.g. `yaml-syntax`, `unknown-step`, `cycle` (PROBLEM_CODES). */
  code: z.string(),
  /** English, for logs, the CLI and until the UI words it from `code` and `params`. */
  message: z.string(),
  location: ProblemLocationSchema,
  params: ProblemParamsSchema.optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

function problem(
  severity: Problem["severity"],
  code: ProblemCode,
  message: string,
  location: ProblemLocation,
  params: ProblemParams | undefined,
): Problem {
  return params === undefined
    ? { severity, code, message, location }
    : { severity, code, message, location, params };
}

/** Builds an error problem. */
export function error(
  code: ProblemCode,
  message: string,
  location: ProblemLocation = {},
  params?: ProblemParams,
): Problem {
  return problem("error", code, message, location, params);
}

/** Builds a warning problem. */
export function warning(
  code: ProblemCode,
  message: string,
  location: ProblemLocation = {},
  params?: ProblemParams,
): Problem {
  return problem("warning", code, message, location, params);
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
