/**
 * Run settings: what "Run" sends besides the manifest, remembered per pipeline.
 *
 * Settings are the analyst's, not the pipeline's: they live in the browser's localStorage under
 * the pipeline's local id and never enter the manifest. Reading repairs what it can (a field
 * of the wrong type falls back to its default) so an old or hand-edited entry never blocks a run.
 */
import type { CreateRunRequest, HealthResponse, RunScope } from "@pfd/shared";
import type { MessageId } from "../i18n/messages";

export interface RunSettings {
  /** Empty: the server's default workspace. */
  workspaceId: string;
  /** Empty: the server names the run after the pipeline and the time. */
  runName: string;
  /** Cloud mode: with a project, Run sends the `execution_maxcompute` argument. */
  maxComputeProject: string;
  /** Empty: the region's public MaxCompute endpoint. */
  maxComputeEndpoint: string;
  accessibility: "PUBLIC" | "PRIVATE";
  /** Sent as `Options: {"mlflow":{"experimentId":...}}`. */
  mlflowExperimentId: string;
  /** Create the run Initialized, without starting it (`NoConfirmRequired: false`). */
  createWithoutStarting: boolean;
  /** Run every step again: no step reuses an earlier run's outputs (`reuse: false`; local mode). */
  runEverythingAgain: boolean;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = {
  workspaceId: "",
  runName: "",
  maxComputeProject: "",
  maxComputeEndpoint: "",
  accessibility: "PUBLIC",
  mlflowExperimentId: "",
  createWithoutStarting: false,
  runEverythingAgain: false,
};

/** Each setting's label: the dialog's, and how a refused Run names the settings at fault. */
export const FIELD_LABELS: Record<keyof RunSettings, MessageId> = {
  workspaceId: "settings.workspaceId",
  runName: "settings.runName",
  maxComputeProject: "settings.maxComputeProject",
  maxComputeEndpoint: "settings.maxComputeEndpoint",
  accessibility: "settings.accessibility",
  mlflowExperimentId: "settings.mlflowExperimentId",
  createWithoutStarting: "settings.createWithoutStarting",
  runEverythingAgain: "settings.runEverythingAgain",
};

const PREFIX = "pfd.run-settings.";

/** The remembered settings of a pipeline, or the defaults. */
export function loadRunSettings(storage: Storage, pipelineKey: string): RunSettings {
  let stored: unknown;
  try {
    stored = JSON.parse(storage.getItem(PREFIX + pipelineKey) ?? "null");
  } catch {
    stored = null;
  }
  const out = { ...DEFAULT_RUN_SETTINGS };
  if (typeof stored !== "object" || stored === null) return out;
  const s = stored as Record<string, unknown>;
  for (const key of [
    "workspaceId",
    "runName",
    "maxComputeProject",
    "maxComputeEndpoint",
    "mlflowExperimentId",
  ] as const) {
    if (typeof s[key] === "string") out[key] = s[key];
  }
  if (s.accessibility === "PUBLIC" || s.accessibility === "PRIVATE") out.accessibility = s.accessibility;
  if (typeof s.createWithoutStarting === "boolean") out.createWithoutStarting = s.createWithoutStarting;
  if (typeof s.runEverythingAgain === "boolean") out.runEverythingAgain = s.runEverythingAgain;
  return out;
}

export function saveRunSettings(storage: Storage, pipelineKey: string, settings: RunSettings): void {
  storage.setItem(PREFIX + pipelineKey, JSON.stringify(settings));
}

/** A settings problem, by field, for the dialog to show inline (a message, worded in the page's language). */
export type SettingsProblems = Partial<Record<keyof RunSettings, MessageId>>;

const WORKSPACE_ID = /^[\w-]{1,64}$/;
const EXPERIMENT_ID = /^[\w.-]{1,128}$/;

/** What the server would refuse, said before sending. */
export function checkRunSettings(settings: RunSettings): SettingsProblems {
  const problems: SettingsProblems = {};
  const ws = settings.workspaceId.trim();
  if (ws && !WORKSPACE_ID.test(ws)) problems.workspaceId = "settings.invalidWorkspace";
  if (settings.runName.trim().length > 128) problems.runName = "settings.invalidRunName";
  const exp = settings.mlflowExperimentId.trim();
  if (exp && !EXPERIMENT_ID.test(exp)) problems.mlflowExperimentId = "settings.invalidExperiment";
  const endpoint = settings.maxComputeEndpoint.trim();
  if (endpoint && !/^https?:\/\/\S+$/.test(endpoint))
    problems.maxComputeEndpoint = "settings.invalidEndpoint";
  if (endpoint && !settings.maxComputeProject.trim()) problems.maxComputeProject = "settings.projectNeeded";
  return problems;
}

/** The public MaxCompute endpoint of a region, as PAI Designer fills it in. */
export function defaultMaxComputeEndpoint(region: string): string {
  return `http://service.${region}.maxcompute.aliyun.com/api`;
}

/** The `POST /api/runs` body for a manifest and the remembered settings; `scope`: only those steps. */
export function buildCreateRunRequest(
  manifest: string,
  settings: RunSettings,
  health: Pick<HealthResponse, "mode" | "region"> | undefined,
  scope?: RunScope,
): CreateRunRequest {
  const request: CreateRunRequest = { manifest, noConfirmRequired: !settings.createWithoutStarting };
  if (scope) request.scope = scope;
  if (settings.runEverythingAgain) request.reuse = false;
  const name = settings.runName.trim();
  if (name) request.name = name;
  const ws = settings.workspaceId.trim();
  if (ws) request.workspaceId = ws;
  if (settings.accessibility !== "PUBLIC") request.accessibility = settings.accessibility;
  const exp = settings.mlflowExperimentId.trim();
  if (exp) request.options = JSON.stringify({ mlflow: { experimentId: exp } });
  const project = settings.maxComputeProject.trim();
  // The local engine ignores MaxCompute; only the cloud needs to be told where to compute.
  if (project && health?.mode === "cloud") {
    const endpoint = settings.maxComputeEndpoint.trim() || defaultMaxComputeEndpoint(health.region);
    const value = {
      endpoint,
      odpsProject: project,
      spec: { endpoint, odpsProject: project },
      resourceType: "MaxCompute",
    };
    request.arguments = JSON.stringify({
      arguments: { parameters: [{ name: "execution_maxcompute", value }] },
    });
  }
  return request;
}
