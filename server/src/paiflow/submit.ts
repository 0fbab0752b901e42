/**
 * Turns a run request (from the browser or `pfd run`) into CreatePipelineRun's input: the
 * manifest is checked first and sent unchanged; defaults come from the configuration.
 */
import type { CreateRunRequest, Manifest, Problem } from "@pfd/shared";
import { maxComputeEndpoint, type ServerConfig } from "../config/env";
import type { CheckedManifest } from "./check";
import type { CreatePipelineRunInput } from "./types";

/** Workspace id used by the embedded PAIFlow when none is configured. */
export const LOCAL_WORKSPACE_ID = "local";

export type PreparedRun =
  | { ok: true; input: CreatePipelineRunInput; pipelineName: string }
  | { ok: false; code: "InvalidManifest"; message: string; problems: Problem[] }
  | { ok: false; code: "WorkspaceRequired" | "InvalidRequest"; message: string; field: string };

export interface RunContext {
  config: ServerConfig;
  mode: "local" | "cloud";
  now?: Date;
}

/** `checked` is the manifest's check (ManifestChecker or checkManifest). */
export function prepareRun(
  request: CreateRunRequest,
  checked: CheckedManifest,
  context: RunContext,
): PreparedRun {
  const { config, mode } = context;
  const errors = checked.problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !checked.entry) {
    return {
      ok: false,
      code: "InvalidManifest",
      message: `The manifest has ${errors.length} error${errors.length === 1 ? "" : "s"}: ${errors[0]?.message ?? "it is empty"}`,
      problems: checked.problems,
    };
  }
  const entry = checked.entry;
  const workspaceId =
    request.workspaceId ?? config.workspaceId ?? (mode === "local" ? LOCAL_WORKSPACE_ID : undefined);
  if (!workspaceId) {
    return {
      ok: false,
      code: "WorkspaceRequired",
      message: "No workspace: choose one in Run settings or set PAI_WORKSPACE_ID on the server",
      field: "workspaceId",
    };
  }
  const pipelineName = pipelineNameOf(entry);
  let args = request.arguments;
  if (args === undefined && declaresExecution(entry)) {
    if (config.maxComputeProject) args = executionArgumentsOf(config);
    else if (mode === "cloud" && !hasExecutionDefault(entry)) {
      return {
        ok: false,
        code: "InvalidRequest",
        message:
          "The pipeline needs execution_maxcompute: pass run arguments or set MAXCOMPUTE_PROJECT (and MAXCOMPUTE_ENDPOINT) on the server",
        field: "arguments",
      };
    }
  }
  const input: CreatePipelineRunInput = {
    WorkspaceId: workspaceId,
    PipelineManifest: request.manifest,
    Name: request.name ?? `${pipelineName} ${stamp(context.now ?? new Date())}`,
    NoConfirmRequired: request.noConfirmRequired ?? true,
    SourceType: "DESIGNER",
  };
  if (args !== undefined) input.Arguments = args;
  if (request.accessibility) input.Accessibility = request.accessibility;
  const options = mode === "local" ? withLocalOptions(request) : request.options;
  if (options) input.Options = options;
  if (request.sourceId) input.SourceId = request.sourceId;
  return { ok: true, input, pipelineName };
}

/**
 * The embedded engine reads reuse and scope from its own key of Options
 * (paiflow-local/run-nodes.ts); in cloud mode a scope becomes a derived manifest instead
 * (partial.ts) and reuse has no meaning.
 */
function withLocalOptions(request: CreateRunRequest): string | undefined {
  if (request.scope === undefined && request.reuse === undefined) return request.options;
  const options = request.options ? (JSON.parse(request.options) as Record<string, unknown>) : {};
  options.pfd = {
    ...(request.reuse !== undefined ? { reuse: request.reuse } : {}),
    ...(request.scope ? { scope: request.scope } : {}),
  };
  return JSON.stringify(options);
}

/** The pipeline's name as runs are named after it (`<name> <time>`). */
export function pipelineNameOf(entry: Manifest): string {
  const m = entry.metadata;
  return (
    [m.displayName, m.name, m.identifier].find((v): v is string => typeof v === "string" && v !== "") ??
    "pipeline"
  );
}

function executionInput(entry: Manifest) {
  return entry.spec.inputs?.parameters?.find((p) => p.name === "execution_maxcompute");
}

function declaresExecution(entry: Manifest): boolean {
  return executionInput(entry) !== undefined;
}

function hasExecutionDefault(entry: Manifest): boolean {
  const value = executionInput(entry)?.value;
  return value !== undefined && value !== null && value !== "";
}

/** The `execution_maxcompute` argument PAI Designer sends, from MAXCOMPUTE_PROJECT/ENDPOINT. */
export function executionArguments(config: ServerConfig): string {
  const endpoint = maxComputeEndpoint(config);
  const odpsProject = config.maxComputeProject;
  return JSON.stringify({
    arguments: {
      parameters: [
        {
          name: "execution_maxcompute",
          value: { endpoint, odpsProject, spec: { endpoint, odpsProject }, resourceType: "MaxCompute" },
        },
      ],
    },
  });
}

// Built once per project and endpoint rather than per run (it showed in the server's profile).
let lastArguments: { key: string; value: string } | undefined;

function executionArgumentsOf(config: ServerConfig): string {
  const key = `${config.maxComputeProject}\0${maxComputeEndpoint(config)}`;
  if (lastArguments?.key !== key) lastArguments = { key, value: executionArguments(config) };
  return lastArguments.value;
}

// Runs submitted within the same second share their stamp: formatting a date per run showed
// in the server's profile.
let lastSecond = Number.NaN;
let lastStamp = "";

/** `2026-01-31 14:05:09` in UTC: sortable and readable in the runs list. */
function stamp(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastStamp = date.toISOString().slice(0, 19).replace("T", " ");
  }
  return lastStamp;
}
