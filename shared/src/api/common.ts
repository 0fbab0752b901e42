/**
 * Shapes shared by every route of the HTTP API: problems, the error envelope and its codes.
 * Both the server (to answer) and the web app (to read answers) parse with these schemas.
 */
import { z } from "zod";
import { ProblemSchema } from "../validation/problem";

/**
 * Codes the server itself gives. Errors passed through from PAI keep the service's own code
 * (`SignatureDoesNotMatch`, `200200004`, ...) with `source: "paiflow"` or `"paistudio"`.
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
  "DraftUnsaved",
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
  "DraftConflict",
  "DraftTooLarge",
  "InvalidDraft",
  "Internal",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** In a 409 DraftConflict: the draft as it is now, so the user learns who changed it and when. */
const DraftConflictSchema = z.object({
  version: z.number().int(),
  modifiedAt: z.string().nullable(),
  /** The designer user who saved that version, when it was saved through this server by a signed-in user. */
  savedBy: z.string().nullable(),
  /** That version was saved through this designer's server (another tab or user), not in PAI's console. */
  throughDesigner: z.boolean(),
});
export type DraftConflict = z.infer<typeof DraftConflictSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** PAI's RequestId when PAIFlow or PaiStudio answered, so a support ticket can name the call. */
    requestId: z.string().optional(),
    /** `paiflow` / `paistudio` when the code and message are that PAI service's own. */
    source: z.enum(["server", "paiflow", "paistudio"]).optional(),
    /** HTTP status PAI answered with. */
    upstreamStatus: z.number().int().optional(),
    problems: z.array(ProblemSchema).optional(),
    /** The request field at fault, for InvalidRequest; the step to run first, for StepOutputMissing. */
    field: z.string().optional(),
    /** The draft as it is now, for DraftConflict. */
    conflict: DraftConflictSchema.optional(),
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
