import { API_ERROR_CODES } from "@pfd/shared";
import { type MessageId, type Msg, msg } from "../i18n";
import { CLIENT_ERROR_CODES, RunApiError } from "./api";

/** Any thrown value as a RunApiError, so every error view can show a code. */
export function asRunApiError(error: unknown): RunApiError {
  if (error instanceof RunApiError) return error;
  return new RunApiError("ClientError", error instanceof Error ? error.message : String(error), undefined);
}

/** Codes the catalogs word (a test checks each has its `apiError.` message). */
const WORDED = new Set<string>([...API_ERROR_CODES, ...Object.values(CLIENT_ERROR_CODES)]);

/**
 * An error for a one-line notice, in the page's language: the server's and the client's codes
 * worded from the code, PAI's own answer in PAI's words; always with the code and PAI's request id.
 */
export function errorMsg(error: unknown): Msg {
  const e = asRunApiError(error);
  const { source, requestId, field } = e.details;
  const what: Msg | string =
    source === "paiflow" || source === "paistudio"
      ? msg("apiError.upstreamSaid", { service: source, message: e.message })
      : WORDED.has(e.code)
        ? msg(`apiError.${e.code}` as MessageId, { field: field ?? "none" })
        : e.message;
  return msg("error.inline", { what, code: e.code, requestId: requestId ?? "none" });
}
