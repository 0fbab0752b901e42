/**
 * `POST /api/client-errors`: a failure the web app caught in one of its areas (an error
 * boundary), reported so the server's log holds it under the report's request id, which the page
 * shows to the user. Every field is bounded; the whole body too (MAX_CLIENT_ERROR_BYTES).
 */
import { z } from "zod";

/** The parts of the page that report their failures. */
export const CLIENT_ERROR_AREAS = ["canvas", "inspector", "yaml", "run"] as const;
export type ClientErrorArea = (typeof CLIENT_ERROR_AREAS)[number];

/** Largest report body the server reads; a larger one is refused with 413. */
export const MAX_CLIENT_ERROR_BYTES = 16 * 1024;

/** Longest stack kept: more than a screenful says nothing new and only fills the log. */
export const MAX_CLIENT_STACK_CHARS = 4000;

export const ClientErrorReportSchema = z.object({
  area: z.enum(CLIENT_ERROR_AREAS),
  /** The error's name (`TypeError`) and message. */
  name: z.string().max(200),
  message: z.string().max(2000),
  stack: z.string().max(MAX_CLIENT_STACK_CHARS).optional(),
  /** React's component stack: which components the failure went through. */
  componentStack: z.string().max(MAX_CLIENT_STACK_CHARS).optional(),
  /** The app's version (build), when known. */
  version: z.string().max(64).optional(),
});
export type ClientErrorReport = z.infer<typeof ClientErrorReportSchema>;

export const ClientErrorResponseSchema = z.object({
  /** The report's request id: the server logged the failure under it. */
  requestId: z.string(),
});
export type ClientErrorResponse = z.infer<typeof ClientErrorResponseSchema>;
