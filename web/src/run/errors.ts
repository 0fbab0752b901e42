import { RunApiError } from "./api";

/** Any thrown value as a RunApiError, so every error view can show a code. */
export function asRunApiError(error: unknown): RunApiError {
  if (error instanceof RunApiError) return error;
  return new RunApiError("ClientError", error instanceof Error ? error.message : String(error), undefined);
}
