/** Validation and run routes: `/api/validate` and everything under `/api/runs`. */
import { z } from "zod";
import { MAX_MANIFEST_BYTES } from "../manifest/size";
import { ProblemSchema } from "../validation/problem";
import { RunCreatorSchema } from "./auth";

// A text of at most MAX_MANIFEST_BYTES UTF-8 bytes has at most as many UTF-16 units: this bound
// never refuses a manifest the parser accepts, and the parser counts the bytes exactly.
const MAX_TEXT = MAX_MANIFEST_BYTES;

export const ValidateRequestSchema = z.object({ manifest: z.string().max(MAX_TEXT) });
export const ValidateResponseSchema = z.object({ problems: z.array(ProblemSchema) });
export type ValidateResponse = z.infer<typeof ValidateResponseSchema>;

export const AccessibilitySchema = z.enum(["PUBLIC", "PRIVATE"]);
export type Accessibility = z.infer<typeof AccessibilitySchema>;

/**
 * Which steps a run executes (PAI Designer's "Run this step", "Run to here", "Run from here"):
 * `one` the step alone, `to` the step and everything upstream of it, `from` the step and
 * everything downstream of it. Steps outside the scope that the scope needs take their outputs
 * from earlier successful runs (status `Reused`); when one has none, the run is refused (400
 * `StepOutputMissing`, `field` naming the step to run first) and nothing is submitted.
 */
const RUN_SCOPE_MODES = ["one", "to", "from"] as const;
export const RunScopeSchema = z.object({
  mode: z.enum(RUN_SCOPE_MODES),
  /** The step's `metadata.name`. */
  step: z.string().min(1).max(256),
});
export type RunScope = z.infer<typeof RunScopeSchema>;

export const CreateRunRequestSchema = z.object({
  /** The manifest as YAML text; sent to PAIFlow unchanged. */
  manifest: z.string().min(1, "manifest is empty").max(MAX_TEXT),
  name: z.string().trim().min(1).max(128).optional(),
  workspaceId: z
    .string()
    .trim()
    .regex(/^[\w-]{1,64}$/, "workspaceId must be letters, digits, '_' or '-'")
    .optional(),
  /** Run arguments as YAML or JSON text (`arguments: { parameters: [...] }`). */
  arguments: z.string().max(MAX_TEXT).optional(),
  noConfirmRequired: z.boolean().optional(),
  accessibility: AccessibilitySchema.optional(),
  /** JSON text, e.g. `{"mlflow":{"experimentId":"exp-..."}}`. */
  options: z
    .string()
    .max(64 * 1024)
    .refine(isJsonObjectText, "options must be a JSON object")
    .optional(),
  sourceId: z.string().max(256).optional(),
  /**
   * The PAI Designer draft the manifest was opened from, when it has edits not yet saved (a saved
   * draft is `sourceId`). In cloud mode a scoped run of a draft runs the saved draft (CreateJob),
   * so a scoped run with unsaved edits is refused (409 DraftUnsaved): save first.
   */
  unsavedDraftId: z.string().max(256).optional(),
  /** Only these steps (see RunScopeSchema); absent: the whole pipeline. */
  scope: RunScopeSchema.optional(),
  /**
   * Local mode: reuse the outputs of a step whose component, parameters and inputs equal those of
   * a step that succeeded before (default true). false is "Run everything again".
   */
  reuse: z.boolean().optional(),
});
export type CreateRunRequest = z.infer<typeof CreateRunRequestSchema>;

export const CreateRunResponseSchema = z.object({ pipelineRunId: z.string(), requestId: z.string() });
export type CreateRunResponse = z.infer<typeof CreateRunResponseSchema>;

/** PAIFlow run and node statuses; PAIFlow may add others, so any string is accepted. */
export const KNOWN_RUN_STATUSES = [
  "Initialized",
  "ReadyToSchedule",
  "Starting",
  "WorkflowServiceStarting",
  "Running",
  "Suspended",
  "Terminating",
  "Succeeded",
  "Failed",
  "Terminated",
  "Skipped",
  /** A step whose outputs were taken from an earlier run instead of computed (see StepStatus.reusedFrom). */
  "Reused",
  "Unknown",
] as const;
const TERMINAL_RUN_STATUSES: readonly string[] = ["Succeeded", "Failed", "Terminated", "Skipped", "Reused"];

/** True when a run or node in this status will not change any more. */
export function isTerminalStatus(status: string): boolean {
  return TERMINAL_RUN_STATUSES.includes(status);
}

const Timestamp = z.string().nullable();

export const RunSummarySchema = z.object({
  pipelineRunId: z.string(),
  name: z.string(),
  status: z.string(),
  startedAt: Timestamp,
  finishedAt: Timestamp,
  durationSec: z.number().nullable(),
  createdAt: Timestamp,
  workspaceId: z.string().nullable(),
  sourceType: z.string().nullable(),
  /** Who started the run through this server; absent when unknown (started elsewhere). */
  createdBy: RunCreatorSchema.optional(),
  /** PRIVATE runs are seen only by their creator and admins; absent when unknown. */
  accessibility: AccessibilitySchema.optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const ListRunsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.string().max(64).optional(),
  name: z.string().max(128).optional(),
  workspaceId: z.string().max(64).optional(),
  /** Only the runs the signed-in user started. */
  mine: z.stringbool().optional(),
});

export const ListRunsResponseSchema = z.object({
  runs: z.array(RunSummarySchema),
  totalCount: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Runs of this page left out because they are private to someone else. */
  hiddenCount: z.number().int().optional(),
});
export type ListRunsResponse = z.infer<typeof ListRunsResponseSchema>;

/** Where a `Reused` step's outputs (and its logs and previews) come from. */
export const ReusedFromSchema = z.object({
  pipelineRunId: z.string(),
  /** The step's name in that run. */
  stepName: z.string(),
  /** The step's node id in that run, when known: its logs, outputs and previews live there. */
  nodeId: z.string().nullable(),
});
export type ReusedFrom = z.infer<typeof ReusedFromSchema>;

export const StepStatusSchema = z.object({
  /** The manifest step name (`metadata.name`). */
  stepName: z.string(),
  nodeId: z.string(),
  status: z.string(),
  startedAt: Timestamp,
  finishedAt: Timestamp,
  /** Set when status is `Reused`. */
  reusedFrom: ReusedFromSchema.optional(),
});
export type StepStatus = z.infer<typeof StepStatusSchema>;

export const RunDetailSchema = RunSummarySchema.extend({
  /** PAIFlow's failure text, null when there is none. */
  message: z.string().nullable(),
  /** Link to the run in the PAI console (cloud mode only). */
  consoleUrl: z.string().optional(),
  steps: z.array(StepStatusSchema),
});
export type RunDetail = z.infer<typeof RunDetailSchema>;

export const RunManifestResponseSchema = z.object({
  pipelineRunId: z.string(),
  /** The manifest that ran, as YAML text. */
  manifest: z.string(),
});
export type RunManifestResponse = z.infer<typeof RunManifestResponseSchema>;

export const RunActionResponseSchema = z.object({ pipelineRunId: z.string(), requestId: z.string() });
export type RunActionResponse = z.infer<typeof RunActionResponseSchema>;

export const StepLogsQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
});

export const StepLogsResponseSchema = z.object({
  logs: z.array(z.string()),
  totalCount: z.number().int(),
  /** Where the next page starts (`offset` for the next call). */
  nextOffset: z.number().int(),
});
export type StepLogsResponse = z.infer<typeof StepLogsResponseSchema>;

export const StepOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  nodeId: z.string().nullable(),
  producer: z.string().nullable(),
  createdAt: Timestamp,
  /** PAIFlow's artifact info (`metadata`, `value`), passed on as is. */
  info: z.unknown(),
});
export type StepOutput = z.infer<typeof StepOutputSchema>;

export const StepOutputsResponseSchema = z.object({ outputs: z.array(StepOutputSchema) });
export type StepOutputsResponse = z.infer<typeof StepOutputsResponseSchema>;

export const PreviewQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const PreviewResponseSchema = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  /** Rows as arrays, in the order of `columns`. */
  rows: z.array(z.array(z.unknown())),
  totalCount: z.number().int(),
});
export type PreviewResponse = z.infer<typeof PreviewResponseSchema>;

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
