/**
 * Sends a failure an error boundary caught to the server's log (`POST /api/client-errors`) and
 * gives back the request id it was logged under, for the page to show.
 */
import {
  apiPaths,
  type ClientErrorArea,
  type ClientErrorReport,
  ClientErrorResponseSchema,
  MAX_CLIENT_STACK_CHARS,
  parseApiError,
} from "@pfd/shared";

/**
 * Logged under a request id, or not: with the server's error code or HTTP status when it
 * answered, neither when it could not be reached (the page words the reason in its language).
 */
export type ReportOutcome =
  | { ok: true; requestId: string }
  | { ok: false; code?: string; status?: number; message: string };

const clip = (s: string | null | undefined, max: number) => (s ? s.slice(0, max) : undefined);

/** The report of a thrown value, every field cut to what the contract accepts. */
export function reportOf(
  area: ClientErrorArea,
  error: unknown,
  componentStack?: string | null,
): ClientErrorReport {
  const e = error instanceof Error ? error : new Error(String(error));
  const report: ClientErrorReport = {
    area,
    name: e.name.slice(0, 200) || "Error",
    message: e.message.slice(0, 2000),
  };
  const stack = clip(e.stack, MAX_CLIENT_STACK_CHARS);
  const components = clip(componentStack, MAX_CLIENT_STACK_CHARS);
  if (stack) report.stack = stack;
  if (components) report.componentStack = components;
  return report;
}

export async function sendReport(
  report: ClientErrorReport,
  fetchImpl: typeof fetch = fetch,
): Promise<ReportOutcome> {
  try {
    const res = await fetchImpl(apiPaths.clientErrors(), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(report),
    });
    const body: unknown = await res.json().catch(() => undefined);
    const parsed = ClientErrorResponseSchema.safeParse(body);
    if (res.ok && parsed.success) return { ok: true, requestId: parsed.data.requestId };
    const error = parseApiError(body);
    return {
      ok: false,
      status: res.status,
      message: error?.message ?? `HTTP ${res.status}`,
      ...(error ? { code: error.code } : {}),
    };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
