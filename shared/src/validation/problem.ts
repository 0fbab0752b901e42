/** A finding of validation: the same shape for the canvas badges, the problems list, the server and the CLI. */
export interface ProblemLocation {
  /** `metadata.name` of the step concerned. */
  step?: string;
  /**
   * Where in the step (or, without `step`, in the pipeline document): a dotted path whose list
   * entries are named, e.g. `arguments.parameters.fraction`, `arguments.artifacts.inputTable`,
   * `dependencies`, `metadata.name`, `inputs.parameters.execution_maxcompute`.
   */
  field?: string;
  /** 1-based, when the problem comes from text. */
  line?: number;
  col?: number;
  /** Index of the document in a multi-document stream, when it is not the entry pipeline. */
  document?: number;
}

export interface Problem {
  severity: "error" | "warning";
  /** Stable kebab-case id, e.g. `yaml-syntax`, `unknown-step`, `cycle`. */
  code: string;
  message: string;
  location: ProblemLocation;
}

/** Builds an error problem. */
export function error(code: string, message: string, location: ProblemLocation = {}): Problem {
  return { severity: "error", code, message, location };
}

/** Builds a warning problem. */
export function warning(code: string, message: string, location: ProblemLocation = {}): Problem {
  return { severity: "warning", code, message, location };
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
