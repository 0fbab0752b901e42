/**
 * Errors as the HTTP contract spells them: `{ error: { code, message, ... } }`, never a stack.
 */
import type { ApiError, ApiErrorCode, DraftConflict, Problem } from "@pfd/shared";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import type { ZodError } from "zod";
import { PaiflowError } from "../paiflow/errors";
import type {} from "../request-log";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { problems?: Problem[]; field?: string; conflict?: DraftConflict } = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/**
 * A JSON answer with the headers `res.status(status).json(body)` sends here (the app sets no
 * ETag, replacer or spacing), written directly: Express's generic send path (content-type
 * negotiation, freshness checks) cost more than the answer itself on every run submitted.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

export function sendError(res: Response, status: number, error: ApiError["error"]): void {
  sendJson(res, status, { error });
}

/** A 400 naming the first field zod refused. */
export function invalidRequest(error: ZodError, where: "body" | "query"): HttpError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  const message = issue ? `${field ?? where}: ${issue.message}` : `invalid ${where}`;
  return new HttpError(400, "InvalidRequest", message, field ? { field } : {});
}

// Codes by which PAIFlow refuses our own signature or key: the server is misconfigured, the
// browser's request was fine, so they answer 502 rather than 4xx.
const CREDENTIAL_CODE =
  /^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidTimeStamp|SignatureNonceUsed|InvalidSecurityToken)/;

/** The HTTP status the browser gets for a PAIFlow or PaiStudio failure. */
function statusForPaiflow(error: PaiflowError): number {
  if (error.source === "transport") {
    if (error.code === "UpstreamTimeout") return 504;
    if (error.code === "CredentialsUnavailable") return 503;
    return 502;
  }
  if (CREDENTIAL_CODE.test(error.code)) return 502;
  if (error.code === "200200004" || /NotFound$/.test(error.code)) return 404;
  if (error.status === 429 || /throttl/i.test(error.code)) return 429;
  if (error.status === 403) return 403;
  if (error.status !== undefined && error.status >= 400 && error.status < 500) return 400;
  return 502;
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, { code: "NotFound", message: `No route ${req.method} ${req.path}` });
};

/** The last handler: every error becomes JSON; unexpected ones are logged with the request id. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err instanceof HttpError) {
    sendError(res, err.status, { code: err.code, message: err.message, ...err.extra });
    return;
  }
  if (err instanceof PaiflowError) {
    const status = statusForPaiflow(err);
    req.log?.warn(
      { upstream: { service: err.service, code: err.code, requestId: err.requestId, status: err.status } },
      `${err.service} call failed`,
    );
    sendError(res, status, {
      code: err.code,
      message: err.message,
      source: err.source === "transport" ? "server" : err.service === "PaiStudio" ? "paistudio" : "paiflow",
      ...(err.requestId ? { requestId: err.requestId } : {}),
      ...(err.status !== undefined ? { upstreamStatus: err.status } : {}),
      ...(err.step ? { field: err.step } : {}),
    });
    return;
  }
  const bodyError = err as { type?: string; status?: number; limit?: number };
  if (bodyError.type === "entity.too.large") {
    const limit = bodyError.limit ?? 0;
    sendError(res, 413, {
      code: "PayloadTooLarge",
      message: `Request body is larger than the ${limit < 1024 * 1024 ? `${Math.round(limit / 1024)} KB` : `${Math.round(limit / 1024 / 1024)} MB`} limit`,
    });
    return;
  }
  if (bodyError.type === "entity.parse.failed") {
    sendError(res, 400, { code: "InvalidRequest", message: "Request body is not valid JSON" });
    return;
  }
  if (bodyError.type === "encoding.unsupported" || bodyError.type === "charset.unsupported") {
    sendError(res, 415, { code: "UnsupportedMediaType", message: "Request body encoding is not supported" });
    return;
  }
  if (bodyError.status === 404) {
    sendError(res, 404, { code: "NotFound", message: `Not found: ${req.path}` });
    return;
  }
  req.log?.error({ err }, "unhandled error");
  sendError(res, 500, { code: "Internal", message: "Internal server error" });
};
