/**
 * Shapes shared by every route of the HTTP API: problems, the error envelope and its codes.
 * Both the server (to answer) and the web app (to read answers) parse with these schemas.
 */
import { z } from "zod";
import { ProblemSchema } from "../validation/problem";

/**
 * Codes the server itself gives. Errors passed through from PAIFlow keep PAIFlow's own code
 * (`SignatureDoesNotMatch`, `200200004`, ...) with `source: "paiflow"`.
 */
export const API_ERROR_CODES = [
  "InvalidRequest",
  "InvalidManifest",
  "WorkspaceRequired",
  "NotFound",
  "StepNotFound",
  "PreviewUnavailable",
  "TablesUnavailable",
  "StepOutputMissing",
  "PayloadTooLarge",
  "UnsupportedMediaType",
  "ForbiddenOrigin",
  "ForbiddenHost",
  "Unauthenticated",
  "Forbidden",
  "RateLimited",
  "UpstreamUnavailable",
  "UpstreamTimeout",
  "UpstreamInvalidResponse",
  "CredentialsUnavailable",
  "Internal",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** PAIFlow's RequestId when PAIFlow answered, so a support ticket can name the call. */
    requestId: z.string().optional(),
    /** `paiflow` when the code and message are PAIFlow's own. */
    source: z.enum(["server", "paiflow"]).optional(),
    /** HTTP status PAIFlow answered with. */
    upstreamStatus: z.number().int().optional(),
    problems: z.array(ProblemSchema).optional(),
    /** The request field at fault, for InvalidRequest; the step to run first, for StepOutputMissing. */
    field: z.string().optional(),
    /** For Unauthenticated: where the browser signs in (add `?returnTo=`); absent when it cannot. */
    signInUrl: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Reads an error envelope out of any answer body; undefined when the body is not one. */
export function parseApiError(body: unknown): ApiError["error"] | undefined {
  const parsed = ApiErrorSchema.safeParse(body);
  return parsed.success ? parsed.data.error : undefined;
}
