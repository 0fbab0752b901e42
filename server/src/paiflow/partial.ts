/**
 * Partial runs in cloud mode, for a pipeline without a saved draft (a saved draft's partial runs
 * use PaiStudio's CreateJob, paistudio/jobs.ts, which checks its scope here too): a derived manifest holding only the steps of the scope, whose inputs from steps
 * outside it read what those steps wrote in this pipeline's latest run where they succeeded
 * (the artifact value ListPipelineRunNodeOutputs gives), submitted with CreatePipelineRun as
 * usual. The steps whose outputs were taken are written in the derived manifest's annotations
 * (REUSED_ANNOTATION), so the run's detail can show them as Reused.
 *
 * "This pipeline's runs": the runs with the same SourceId when the request has one, else the
 * runs named after the pipeline (the server names runs `<pipeline> <time>`), newest first.
 */
import {
  type CreateRunRequest,
  type Manifest,
  parseManifest,
  parseReference,
  type ReusedFrom,
  type RunScope,
  type ScopeStep,
  type Step,
  type StepStatus,
  scopeSteps,
  serializeManifest,
} from "@pfd/shared";
import type { PaiflowClient } from "./client";
import { rootNode } from "./follow";
import { stepsOf } from "./map";

/** The derived manifest's annotation listing the steps whose outputs were taken: JSON of `{step: ReusedFrom}`. */
export const REUSED_ANNOTATION = "pfd.reused";

/** Earlier runs looked at for a step's outputs, newest first. */
const RUNS_SEARCHED = 20;

interface ArtifactArgument {
  name?: string;
  from?: string;
  value?: unknown;
  [key: string]: unknown;
}

const artifactsOf = (step: Step) =>
  ((step.spec as { arguments?: { artifacts?: ArtifactArgument[] } } | undefined)?.arguments?.artifacts ??
    []) as ArtifactArgument[];

function asScopeStep(step: Step): ScopeStep {
  const dataSources = artifactsOf(step).flatMap((a) => {
    const ref = typeof a.from === "string" ? parseReference(a.from) : undefined;
    return ref?.kind === "step" ? [ref.step] : [];
  });
  const declared = (step.spec as { dependencies?: unknown } | undefined)?.dependencies;
  const dependencies = [...(Array.isArray(declared) ? declared.map(String) : []), ...dataSources];
  return { name: step.metadata.name as string, dependencies, dataSources };
}

/** The latest output artifacts of `step` in this pipeline's runs, with where they came from. */
async function latestOutputs(
  client: PaiflowClient,
  step: string,
  runs: { PipelineRunId: string; NodeId?: string | null }[],
): Promise<{ from: ReusedFrom; values: Map<string, unknown> } | undefined> {
  for (const run of runs) {
    if (!run.NodeId) continue;
    const node = stepsOf(await rootNode(client, run.PipelineRunId, run.NodeId)).find(
      (s) => s.stepName === step && s.status === "Succeeded",
    );
    if (!node) continue;
    const outputs = await client.listPipelineRunNodeOutputs(run.PipelineRunId, node.nodeId, { depth: 1 });
    const values = new Map(
      (outputs.Outputs ?? []).map((o) => [o.Name, (o.Info as { value?: unknown } | undefined)?.value]),
    );
    return { from: { pipelineRunId: run.PipelineRunId, stepName: step, nodeId: node.nodeId }, values };
  }
  return undefined;
}

export type DerivedManifest =
  | { ok: true; manifest: string }
  | { ok: false; code: "StepOutputMissing" | "InvalidRequest"; message: string; field: string };

/** Refusals raised while cutting the manifest, turned into the result. */
class Refusal extends Error {
  constructor(readonly result: Extract<DerivedManifest, { ok: false }>) {
    super(result.message);
  }
}

const missing = (step: string, message: string) =>
  new Refusal({ ok: false, code: "StepOutputMissing", message, field: step });

/**
 * The manifest to submit for a scoped run in cloud mode, or why not: StepOutputMissing naming
 * the step to run first when one the scope needs has no earlier outputs.
 */
export async function deriveScopedManifest(
  client: PaiflowClient,
  request: CreateRunRequest & { scope: RunScope },
  where: { workspaceId?: string; pipelineName: string },
): Promise<DerivedManifest> {
  try {
    return { ok: true, manifest: await derive(client, request, where) };
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/** What a scoped run needs: the manifest's steps, the scope, and the outputs taken for it. */
interface ScopePlan {
  stream: NonNullable<ReturnType<typeof parseManifest>["stream"]>;
  entry: Manifest;
  steps: Step[];
  scoped: NonNullable<ReturnType<typeof scopeSteps>>;
  taken: Map<string, { from: ReusedFrom; values: Map<string, unknown> }>;
}

/** The scope's steps and, for each step outside it that it needs, the latest outputs; or a Refusal. */
async function planScope(
  client: PaiflowClient,
  request: CreateRunRequest & { scope: RunScope },
  where: { workspaceId?: string; pipelineName: string },
): Promise<ScopePlan> {
  const stream = parseManifest(request.manifest).stream;
  const entry = stream?.documents.at(-1) as Manifest | undefined;
  const steps = (entry?.spec.pipelines ?? []) as Step[];
  const scoped = scopeSteps(steps.map(asScopeStep), request.scope);
  if (!stream || !entry || !scoped) {
    throw new Refusal({
      ok: false,
      code: "InvalidRequest",
      message: `scope.step: "${request.scope.step}" is not a step of this pipeline`,
      field: "scope.step",
    });
  }
  const listed = await client.listPipelineRuns({
    WorkspaceId: where.workspaceId,
    PageSize: RUNS_SEARCHED,
    ...(request.sourceId ? { SourceId: request.sourceId } : { Name: where.pipelineName }),
  });
  const runs = listed.PipelineRuns ?? [];
  const taken = new Map<string, { from: ReusedFrom; values: Map<string, unknown> }>();
  for (const name of scoped.frontier) {
    const found = await latestOutputs(client, name, runs);
    if (!found) {
      throw missing(
        name,
        `Step "${name}" has not succeeded in an earlier run of this pipeline, and "${request.scope.step}" needs its outputs: run "${name}" first (Run to here on "${name}").`,
      );
    }
    taken.set(name, found);
  }
  return { stream, entry, steps, scoped, taken };
}

export type ScopeCheck =
  | { ok: true; reused: Record<string, ReusedFrom> }
  | Extract<DerivedManifest, { ok: false }>;

/**
 * For a run PAI scopes itself (a draft's CreateJob): whether every step outside the scope that it
 * needs has earlier outputs, and which steps will be reused, from where.
 */
export async function checkScope(
  client: PaiflowClient,
  request: CreateRunRequest & { scope: RunScope },
  where: { workspaceId?: string; pipelineName: string },
): Promise<ScopeCheck> {
  try {
    const { taken } = await planScope(client, request, where);
    return { ok: true, reused: Object.fromEntries([...taken].map(([name, t]) => [name, t.from])) };
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/** The manifest text with the steps reused for it written in its annotations (see reusedSteps). */
export function withReusedAnnotation(manifest: string, reused: Record<string, ReusedFrom>): string {
  const stream = parseManifest(manifest).stream;
  const entry = stream?.documents.at(-1) as Manifest | undefined;
  if (!stream || !entry) return manifest;
  return serializeManifest({ documents: [...stream.documents.slice(0, -1), annotate(entry, reused)] });
}

function annotate(entry: Manifest, reused: Record<string, ReusedFrom>): Manifest {
  return {
    ...entry,
    metadata: {
      ...entry.metadata,
      annotations: { ...(entry.metadata.annotations ?? {}), [REUSED_ANNOTATION]: JSON.stringify(reused) },
    },
  };
}

async function derive(
  client: PaiflowClient,
  request: CreateRunRequest & { scope: RunScope },
  where: { workspaceId?: string; pipelineName: string },
): Promise<string> {
  const { stream, entry, steps, scoped, taken } = await planScope(client, request, where);
  const cut = (artifact: ArtifactArgument): ArtifactArgument => {
    const ref = typeof artifact.from === "string" ? parseReference(artifact.from) : undefined;
    if (ref?.kind !== "step" || scoped.run.has(ref.step)) return artifact;
    const value = taken.get(ref.step)?.values.get(ref.name);
    if (value === undefined) {
      throw missing(
        ref.step,
        `Step "${ref.step}" left no output "${ref.name}" in run ${taken.get(ref.step)?.from.pipelineRunId}: run "${ref.step}" first.`,
      );
    }
    const { from: _from, ...rest } = artifact;
    return { ...rest, value };
  };
  const kept = steps
    .filter((s) => scoped.run.has(s.metadata.name as string))
    .map((s) => {
      const spec = (s.spec ?? {}) as Record<string, unknown> & {
        arguments?: Record<string, unknown>;
        dependencies?: unknown;
      };
      const deps = Array.isArray(spec.dependencies)
        ? spec.dependencies.filter((d) => scoped.run.has(String(d)))
        : spec.dependencies;
      return {
        ...s,
        spec: {
          ...spec,
          ...(deps !== undefined ? { dependencies: deps } : {}),
          arguments: { ...spec.arguments, artifacts: artifactsOf(s).map(cut) },
        },
      } as Step;
    });
  const reused = Object.fromEntries([...taken].map(([name, t]) => [name, t.from]));
  const derived: Manifest = { ...annotate(entry, reused), spec: { ...entry.spec, pipelines: kept } };
  return serializeManifest({ documents: [...stream.documents.slice(0, -1), derived] });
}

/** The Reused steps a derived manifest records (none for any other manifest). */
export function reusedSteps(manifest: string | undefined): StepStatus[] {
  if (!manifest?.includes(REUSED_ANNOTATION)) return [];
  const entry = parseManifest(manifest).stream?.documents.at(-1);
  const raw = (entry?.metadata.annotations as Record<string, unknown> | undefined)?.[REUSED_ANNOTATION];
  if (typeof raw !== "string") return [];
  try {
    const reused = JSON.parse(raw) as Record<string, ReusedFrom>;
    return Object.entries(reused).map(([stepName, from]) => ({
      stepName,
      nodeId: from.nodeId ?? "",
      status: "Reused",
      startedAt: null,
      finishedAt: null,
      reusedFrom: from,
    }));
  } catch {
    return [];
  }
}
