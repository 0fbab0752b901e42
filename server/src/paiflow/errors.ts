/**
 * One error type for everything that can go wrong calling PAIFlow, keeping PAIFlow's own Code,
 * Message and RequestId, and giving transport failures a code of their own.
 */

export class PaiflowError extends Error {
  /**
   * PAIFlow's Code (`SignatureDoesNotMatch`, `200200004`, ...), or ours when it did not answer:
   * `UpstreamUnavailable`, `UpstreamTimeout`, `UpstreamInvalidResponse`, `CredentialsUnavailable`.
   */
  readonly code: string;
  readonly requestId: string | undefined;
  /** HTTP status PAIFlow answered with; undefined when it did not answer. */
  readonly status: number | undefined;
  /** `paiflow` when PAIFlow answered with an error body, `transport` otherwise. */
  readonly source: "paiflow" | "transport";
  readonly recommend: string | undefined;
  /** The step at fault, when the (local) service names one (`Step`, e.g. with StepOutputMissing). */
  readonly step: string | undefined;

  constructor(init: {
    code: string;
    message: string;
    requestId?: string;
    status?: number;
    source: "paiflow" | "transport";
    recommend?: string;
    step?: string;
  }) {
    super(init.message);
    this.name = "PaiflowError";
    this.code = init.code;
    this.requestId = init.requestId;
    this.status = init.status;
    this.source = init.source;
    this.recommend = init.recommend;
    this.step = init.step;
  }

  /** Throttling and server-side failures, which a read may try again. */
  get transient(): boolean {
    if (this.source === "transport")
      return this.code === "UpstreamUnavailable" || this.code === "UpstreamTimeout";
    return (
      (this.status !== undefined && (this.status >= 500 || this.status === 429)) || /throttl/i.test(this.code)
    );
  }
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ECONNABORTED",
]);

interface SdkError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  statusCode?: unknown;
  data?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;

/** Turns whatever @alicloud/openapi-client threw into a PaiflowError. */
export function toPaiflowError(error: unknown, endpoint: string): PaiflowError {
  if (error instanceof PaiflowError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as SdkError;
  const data = (typeof e.data === "object" && e.data !== null ? e.data : undefined) as
    | Record<string, unknown>
    | undefined;
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;

  if (data && status !== undefined) {
    const code = text(data.Code) ?? text(data.code) ?? `HTTP${status}`;
    return new PaiflowError({
      code,
      message: text(data.Message) ?? text(data.message) ?? `PAIFlow answered HTTP ${status}`,
      requestId: text(data.RequestId) ?? text(data.requestId),
      recommend: text(data.Recommend),
      step: text(data.Step),
      status,
      source: "paiflow",
    });
  }
  if (e.name === "RequestTimeoutError" || e.code === "ETIMEDOUT" || e.code === "ESOCKETTIMEDOUT") {
    return new PaiflowError({
      code: "UpstreamTimeout",
      message: `PAIFlow at ${endpoint} did not answer in time`,
      source: "transport",
    });
  }
  if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) {
    return new PaiflowError({
      code: "UpstreamUnavailable",
      message: `Cannot reach PAIFlow at ${endpoint} (${e.code})`,
      source: "transport",
    });
  }
  if (error instanceof SyntaxError) {
    // The SDK parses every error body as JSON: an HTML page from a gateway or proxy ends here.
    return new PaiflowError({
      code: "UpstreamUnavailable",
      message: `PAIFlow at ${endpoint} answered with something that is not JSON (a gateway or proxy error page?)`,
      source: "transport",
    });
  }
  const message = text(e.message) ?? "";
  if (
    /unable to get credentials|credentials? (?:is|are) (?:not|invalid)|InvalidCredentials/i.test(message) ||
    e.code === "InvalidCredentials"
  ) {
    return new PaiflowError({
      code: "CredentialsUnavailable",
      message:
        "No Alibaba Cloud credentials could be found (environment, credentials file, RAM role); set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
      source: "transport",
    });
  }
  if (/socket hang up|network|connect/i.test(message)) {
    return new PaiflowError({
      code: "UpstreamUnavailable",
      message: `Cannot reach PAIFlow at ${endpoint}`,
      source: "transport",
    });
  }
  return new PaiflowError({
    code: "UpstreamInvalidResponse",
    message: `Unexpected failure calling PAIFlow at ${endpoint}`,
    source: "transport",
  });
}
