/** Errors the service answers with, in PAIFlow's body shape `{RequestId, HostId, Code, Message, Recommend}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra fields of the error body (local extensions, e.g. `Step` for StepOutputMissing). */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** PAIFlow's own code for "pipeline run not found" (`200200004`). */
const RUN_NOT_FOUND = "200200004";

export const missingParameter = (name: string) =>
  new ApiError(
    400,
    "MissingParameter",
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );

export const invalidParameter = (name: string, why: string) =>
  new ApiError(400, "InvalidParameter", `The parameter "${name}" is invalid: ${why}`);

export const runNotFound = (id: string) =>
  new ApiError(404, RUN_NOT_FOUND, `The pipeline run "${id}" does not exist.`);

export const nodeNotFound = (runId: string, nodeId: string) =>
  new ApiError(404, "NodeNotFound", `The node "${nodeId}" does not exist in pipeline run "${runId}".`);

export const wrongStatus = (runId: string, status: string, action: string) =>
  new ApiError(400, "InvalidStatus", `Cannot ${action} pipeline run "${runId}" while it is ${status}.`);

/** An integer query parameter in [min, max]; the fallback when absent; InvalidParameter otherwise. */
export function intParam(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw invalidParameter(name, `must be an integer in ${min}..${max}`);
  return n;
}
