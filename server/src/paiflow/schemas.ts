/**
 * Design-time schemas for the web (`POST /api/schemas`), by mode:
 * - local: the embedded engine derives every step's schemas (paiflow-local/design.ts);
 * - cloud: what the PAI workspace tells (CloudSchemaSource): a read table's columns
 *   (GetMCTableSchema), a saved draft's node input columns (GetNodeInputSchema), else the columns
 *   of the tables the latest run wrote; anything else is unknown with the reason, so fields stay
 *   free text and nothing is refused.
 */
import { createHash } from "node:crypto";
import {
  type Column,
  type ComponentSpec,
  componentLookup,
  type Manifest,
  type PortSchema,
  parseManifest,
  parseReference,
  type SchemasRequest,
  type SchemasResponse,
  type Step,
  type StepSchema,
} from "@pfd/shared";
import type { PaiflowClient } from "./client";
import { pipelineNameOf } from "./submit";

export async function localSchemas(client: PaiflowClient, request: SchemasRequest): Promise<SchemasResponse> {
  try {
    const result = await client.describeSchemas(request.manifest, request.arguments);
    return {
      version: result.Version,
      source: "engine",
      steps: result.Steps,
      ...(result.Reason ? { reason: result.Reason } : {}),
    };
  } catch (error) {
    // Schema work never blocks editing: no answer is an answer with the reason.
    return {
      version: versionOf(request),
      source: "engine",
      steps: {},
      reason: `the local engine could not work out the schemas: ${(error as Error).message}`,
    };
  }
}

/**
 * What cloud mode can learn of columns, from the PAI workspace (paistudio/design.ts). Each call
 * rejects with an Error whose message is the reason shown to the user.
 */
export interface CloudSchemaSource {
  /** A MaxCompute table's columns (`project.table`): GetMCTableSchema. */
  tableColumns(name: string): Promise<Column[]>;
  /** The columns reaching a saved draft's node on one input port: GetNodeInputSchema. */
  nodeInputColumns(draftId: string, node: string, port: string): Promise<Column[]>;
  /** The table a step's output holds in the latest run of this pipeline; undefined when none ran. */
  latestOutputTable(
    where: { sourceId?: string; pipelineName: string },
    step: string,
    output: string,
  ): Promise<string | undefined>;
}

/** Answers kept per pipeline version, and how long (a table may change, a run may end). */
const CLOUD_CACHE = { entries: 32, ttlMs: 60_000 } as const;

interface CloudStep {
  name: string;
  spec: ComponentSpec | undefined;
  /** By input port: where its data comes from. */
  inputs: Map<string, { step: string; output: string } | undefined>;
}

/** Cloud mode's schemas: ask PAI what it knows, cached per pipeline version for a minute. */
export class CloudSchemas {
  private readonly cache = new Map<string, { at: number; answer: Promise<SchemasResponse> }>();

  constructor(
    private readonly source: CloudSchemaSource | undefined,
    private readonly components: () => Promise<readonly ComponentSpec[]>,
    private readonly now: () => number = Date.now,
  ) {}

  schemas(request: SchemasRequest): Promise<SchemasResponse> {
    const version = versionOf(request);
    const hit = this.cache.get(version);
    if (hit && this.now() - hit.at < CLOUD_CACHE.ttlMs) return hit.answer;
    const answer = this.derive(version, request);
    this.cache.delete(version);
    this.cache.set(version, { at: this.now(), answer });
    if (this.cache.size > CLOUD_CACHE.entries) this.cache.delete(this.cache.keys().next().value as string);
    // A failure is not kept: the next ask tries again.
    answer.catch(() => this.cache.delete(version));
    return answer;
  }

  private async derive(version: string, request: SchemasRequest): Promise<SchemasResponse> {
    const entry = parseManifest(request.manifest).stream?.documents.at(-1) as Manifest | undefined;
    if (!entry) return { version, source: "none", steps: {}, reason: "the manifest could not be read" };
    const source = this.source;
    if (!source) return { version, source: "none", steps: {}, reason: NO_WORKSPACE };
    const lookup = componentLookup(await this.components());
    const steps = new Map<string, CloudStep>();
    /** Steps that read a table named literally (Read Table), by step. */
    const tables = new Map<string, string>();
    for (const step of (entry.spec.pipelines ?? []) as Step[]) {
      const name = step.metadata?.name;
      if (typeof name !== "string") continue;
      const inputs = new Map<string, { step: string; output: string } | undefined>();
      for (const a of artifactArguments(step)) {
        if (typeof a.name !== "string") continue;
        const ref = typeof a.from === "string" ? parseReference(a.from) : undefined;
        inputs.set(a.name, ref?.kind === "step" ? { step: ref.step, output: ref.name } : undefined);
      }
      steps.set(name, { name, spec: lookup.of(step.metadata), inputs });
      const table = catalogTableOf(step, steps.get(name)?.spec);
      if (table) tables.set(name, table);
    }
    const where = {
      ...(request.draftId ? { sourceId: request.draftId } : {}),
      pipelineName: pipelineNameOf(entry),
    };
    const memo = new Map<string, Promise<PortSchema>>();
    const once = (key: string, work: () => Promise<PortSchema>) => {
      let found = memo.get(key);
      if (!found) {
        found = work();
        memo.set(key, found);
      }
      return found;
    };
    const asTable = (columns: Promise<Column[]>): Promise<PortSchema> =>
      columns.then(
        (list): PortSchema => ({ kind: "table", columns: list }),
        (error: unknown): PortSchema => unknown((error as Error).message),
      );
    const table = (name: string) => once(`table\0${name}`, () => asTable(source.tableColumns(name)));
    const nodeInput = (node: string, port: string) =>
      once(`node\0${node}\0${port}`, () =>
        asTable(source.nodeInputColumns(request.draftId as string, node, port)),
      );
    const consumers = (step: string, output: string) =>
      [...steps.values()].flatMap((s) =>
        [...s.inputs]
          .filter(([, from]) => from?.step === step && from.output === output)
          .map(([port]) => [s.name, port] as const),
      );

    /** A step's output: its table, a saved draft's downstream node input, the latest run's table. */
    const output = (step: string, port: string): Promise<PortSchema> =>
      once(`out\0${step}\0${port}`, async () => {
        const reasons: string[] = [];
        const own = tables.get(step);
        if (own && port === firstOutput(steps.get(step)?.spec)) {
          const known = await table(own);
          if (known.kind !== "unknown") return known;
          reasons.push(known.reason);
        }
        if (request.draftId) {
          for (const [node, input] of consumers(step, port)) {
            const known = await nodeInput(node, input);
            if (known.kind !== "unknown") return known;
            reasons.push(known.reason);
          }
        }
        try {
          const ran = await source.latestOutputTable(where, step, port);
          if (ran) {
            const known = await table(ran);
            if (known.kind !== "unknown") return known;
            reasons.push(known.reason);
          } else if (reasons.length === 0) reasons.push(NOT_KNOWN);
        } catch (error) {
          reasons.push((error as Error).message);
        }
        return unknown(reasons.join("; "));
      });

    const input = async (step: CloudStep, port: string): Promise<PortSchema> => {
      const from = step.inputs.get(port);
      if (request.draftId) {
        const known = await nodeInput(step.name, port);
        if (known.kind !== "unknown" || !from) return known;
      }
      return from
        ? output(from.step, from.output)
        : unknown("a pipeline input: its table is given when the pipeline runs");
    };

    const answer: Record<string, StepSchema> = {};
    await Promise.all(
      [...steps.values()].map(async (step) => {
        const inputs: Record<string, PortSchema> = {};
        for (const port of step.inputs.keys()) inputs[port] = await input(step, port);
        const ports = new Set([
          ...(step.spec?.outputs.map((o) => o.name) ?? []),
          ...[...steps.values()].flatMap((s) =>
            [...s.inputs.values()].filter((f) => f?.step === step.name).map((f) => f?.output as string),
          ),
        ]);
        const outputs: Record<string, PortSchema> = {};
        for (const port of ports) outputs[port] = await output(step.name, port);
        const reason = Object.values(outputs).find((p) => p.kind === "unknown");
        answer[step.name] = {
          inputs,
          outputs,
          ...(reason?.kind === "unknown" ? { reason: reason.reason } : {}),
        };
      }),
    );
    const ordered = Object.fromEntries([...steps.keys()].map((name) => [name, answer[name] as StepSchema]));
    return { version, source: "workspace", steps: ordered };
  }
}

const NO_WORKSPACE =
  "cloud mode without a PAI workspace (PAI_WORKSPACE_ID): columns come from the workspace, so fields stay free text";
const NOT_KNOWN =
  "PAI tells a step's columns once the pipeline is a saved draft (GetNodeInputSchema) or after it has run";

const unknown = (reason: string): PortSchema => ({ kind: "unknown", reason });

interface ArtifactArgument {
  name?: unknown;
  from?: unknown;
}

function artifactArguments(step: Step): ArtifactArgument[] {
  const list = (step.spec as { arguments?: { artifacts?: unknown } } | undefined)?.arguments?.artifacts;
  return Array.isArray(list) ? (list as ArtifactArgument[]) : [];
}

/** The first output of a component that reads a catalog table (Read Table's `outputTable`). */
function firstOutput(spec: ComponentSpec | undefined): string | undefined {
  return spec?.outputs[0]?.name;
}

/** The table a step reads, named literally by its component's catalog-table parameter (ParamSpec.catalogTable). */
function catalogTableOf(step: Step, spec: ComponentSpec | undefined): string | undefined {
  const param = spec?.parameters.find((p) => p.catalogTable)?.name;
  if (!param) return undefined;
  const params = (
    step.spec as { arguments?: { parameters?: { name?: unknown; value?: unknown }[] } } | undefined
  )?.arguments?.parameters;
  const value = Array.isArray(params) ? params.find((p) => p?.name === param)?.value : undefined;
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function versionOf(request: SchemasRequest): string {
  return createHash("sha256")
    .update(`${request.manifest}\0${request.arguments ?? ""}\0${request.draftId ?? ""}`)
    .digest("base64url")
    .slice(0, 22);
}
