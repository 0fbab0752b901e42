/**
 * Design-time schemas for the web (`POST /api/schemas`), by mode:
 * - local: the embedded engine derives every step's schemas (paiflow-local/design.ts);
 * - cloud: what a CloudSchemaSource can tell. The PaiStudio operations that will fill it
 *   (GetMCTableSchema for Read Table's table, GetNodeInputSchema for a saved draft's nodes) come
 *   with the workspace connection; until then there is no source and every port is unknown,
 *   with the reason, so fields stay free text and nothing is refused.
 */
import { createHash } from "node:crypto";
import {
  type Column,
  type PortSchema,
  parseManifest,
  type SchemasRequest,
  type SchemasResponse,
  type StepSchema,
} from "@pfd/shared";
import type { PaiflowClient } from "./client";

/** Where cloud-mode schemas come from (the seam for the PaiStudio client). */
export interface CloudSchemaSource {
  /** A MaxCompute table's columns (`project.table`); undefined when it cannot be read. */
  tableColumns(name: string): Promise<Column[] | undefined>;
}

const NO_CLOUD_SCHEMAS =
  "cloud mode: columns come from the PAI workspace (GetMCTableSchema, GetNodeInputSchema), which is not connected yet";

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

export async function cloudSchemas(
  request: SchemasRequest,
  source: CloudSchemaSource | undefined,
): Promise<SchemasResponse> {
  const entry = parseManifest(request.manifest).stream?.documents.at(-1);
  const steps: Record<string, StepSchema> = {};
  for (const step of entry?.spec?.pipelines ?? []) {
    const name = step?.metadata?.name;
    if (typeof name !== "string") continue;
    const table = readTableName(step);
    const columns = source && table ? await source.tableColumns(table) : undefined;
    const unknown: PortSchema = { kind: "unknown", reason: NO_CLOUD_SCHEMAS };
    steps[name] = columns
      ? { inputs: {}, outputs: { outputTable: { kind: "table", columns } } }
      : { inputs: {}, outputs: {}, reason: unknown.reason };
  }
  return {
    version: versionOf(request),
    source: "none",
    steps,
    ...(entry ? {} : { reason: "the manifest could not be read" }),
  };
}

/** Read Table's `inputTableName`, when the step is one and names its table literally. */
function readTableName(step: { metadata?: { identifier?: string }; spec?: unknown }): string | undefined {
  if (step.metadata?.identifier !== "data_source") return undefined;
  const params = (step.spec as { arguments?: { parameters?: { name?: string; value?: unknown }[] } })
    ?.arguments?.parameters;
  const value = params?.find((p) => p?.name === "inputTableName")?.value;
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function versionOf(request: SchemasRequest): string {
  return createHash("sha256")
    .update(`${request.manifest}\0${request.arguments ?? ""}`)
    .digest("base64url")
    .slice(0, 22);
}
