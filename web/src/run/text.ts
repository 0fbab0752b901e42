/** Run statuses and errors in words, in the page's language; PAIFlow's own words stay as they are. */
import type { Translator } from "../i18n";
import type { RunApiError } from "./api";

/** The label of a PAIFlow status (`Waiting` for ReadyToSchedule, 等待中 in zh); an unheard-of word as it is. */
export function statusText(t: Translator, status: string | undefined): string {
  if (status === undefined) return t("status.notRun");
  return t.maybe(`status.${status}`) ?? status;
}

/** Codes the embedded (local) PAIFlow gives with the contract's meaning: worded as the server's own. */
const SHARED_CODES: ReadonlySet<string> = new Set(["StepOutputMissing"]);

/**
 * What went wrong, from the error's code: the server's own codes and the client's are worded
 * here; PAIFlow's codes are PAIFlow's, so its message says the rest (see `errorDetail`).
 */
export function errorHeadline(t: Translator, error: RunApiError): string {
  if (error.details.source === "paiflow" && !SHARED_CODES.has(error.code)) return t("apiError.paiflow");
  return t.maybe(`apiError.${error.code}`, { field: error.details.field ?? "none" }) ?? error.message;
}

/** The error's own message when the headline does not already say it (a detail for support). */
export function errorDetail(t: Translator, error: RunApiError): string | undefined {
  const headline = errorHeadline(t, error);
  return headline === error.message ? undefined : error.message;
}
