/**
 * PaiStudio's design-time operations, answered from the local engine: the MaxCompute helpers
 * over the DuckDB table catalog (SearchMCTables, GetMCTableSchema, PreviewMCTable), and
 * GetNodeInputSchema over the engine's design-time schemas of a stored draft. Shapes are
 * PaiStudio's; where it is silent, the choice is `@pfd/shared`'s guesses module.
 */
import {
  canvasToGraph,
  graphToManifest,
  readCanvas,
  repeatedElementName,
  serializeManifest,
} from "@pfd/shared";
import type { Column } from "../engine/sql";
import { ApiError, intParam, invalidParameter, missingParameter } from "../errors";
import type { PaiflowService } from "../service";
import type { DraftRecord } from "./store";

/** [C] GetMCTableSchema's TableName pattern, `[project.]table`. */
const MC_TABLE_NAME = /^([a-zA-Z][a-zA-Z0-9_]*\.)?[a-zA-Z0-9_]+$/;
/** Sample values GetMCTableSchema gives per column. */
const PREVIEW_VALUES = 3;
/** [C] PreviewMCTable's default Limit. */
const DEFAULT_PREVIEW_ROWS = 1000;

const cell = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === "object" ? JSON.stringify(v) : String(v);

function tableName(name: string): string {
  if (!MC_TABLE_NAME.test(name)) throw invalidParameter("TableName", "must be [project.]table");
  if (!name.includes("."))
    throw invalidParameter("TableName", "the local table catalog names every table project.table");
  return name;
}

function workspace(query: Record<string, string>): void {
  if (!query.WorkspaceId) throw missingParameter("WorkspaceId");
}

const columns = (list: Column[]) => list.map((c) => ({ Name: c.name, Type: c.type }));

export async function searchMCTables(svc: PaiflowService, query: Record<string, string>) {
  workspace(query);
  const keyword = query.Keyword;
  if (!keyword) throw missingParameter("Keyword");
  const prefix = keyword.toLowerCase();
  const tables = await svc.design.tables();
  return { Tables: tables.map((t) => t.name).filter((n) => n.toLowerCase().startsWith(prefix)) };
}

export async function getMCTableSchema(svc: PaiflowService, name: string, query: Record<string, string>) {
  workspace(query);
  const p = await svc.design.preview(tableName(name), PREVIEW_VALUES);
  return {
    Columns: p.columns.map((c, i) => ({
      Name: c.name,
      Type: c.type,
      Preview: p.rows.map((r) => cell(r[i])),
    })),
    // GUESS (partitionColumnName): partition columns as columns.
    PartitionColumns: columns(p.columns.filter((c) => p.partitionColumns.includes(c.name))),
  };
}

export async function previewMCTable(svc: PaiflowService, name: string, query: Record<string, string>) {
  workspace(query);
  // [C] required, though the local engine reads no MaxCompute.
  if (!query.Endpoint) throw missingParameter("Endpoint");
  const limit = intParam(query.Limit, "Limit", DEFAULT_PREVIEW_ROWS, 1, DEFAULT_PREVIEW_ROWS);
  const p = await svc.design.preview(tableName(name), limit, query.Partition || undefined);
  return { Content: p.rows.map((r) => r.map(cell)) };
}

/** A stored draft as the manifest its job would run (as Designer compiles it, PAISTUDIO.md §4.2). */
export function draftManifest(draft: DraftRecord): string {
  const read = readCanvas(draft.Content);
  if (!read.base) {
    throw new ApiError(
      400,
      "InvalidExperimentContent",
      `The pipeline draft "${draft.ExperimentId}" cannot be read: ${read.problems[0]?.message ?? "not a canvas"}`,
    );
  }
  const graph = canvasToGraph(read.base.canvas, { draft: { id: draft.ExperimentId, name: draft.Name } });
  return serializeManifest(graphToManifest(graph));
}

/**
 * GetNodeInputSchema: the columns reaching one input port of a draft's node, or (no InputId)
 * of all its table inputs merged. A port the engine cannot know is refused with why.
 */
export async function getNodeInputSchema(
  svc: PaiflowService,
  draft: DraftRecord,
  nodeId: string,
  query: Record<string, string>,
) {
  const schemas = await svc.design.schemas(draftManifest(draft));
  const step = schemas.steps[nodeId];
  if (!step)
    throw new ApiError(404, "NodeNotFound", `The node "${nodeId}" is not in draft "${draft.ExperimentId}".`);
  let ports = Object.entries(step.inputs);
  if (query.InputId) {
    const index = query.InputIndex ? intParam(query.InputIndex, "InputIndex", 0, 0, 1000) : undefined;
    const port = index === undefined ? query.InputId : repeatedElementName(query.InputId, index);
    ports = ports.filter(([name]) => name === port);
    if (ports.length === 0)
      throw invalidParameter("InputId", `nothing is connected to input "${port}" of node "${nodeId}"`);
  }
  const seen = new Map<string, string>();
  for (const [name, schema] of ports) {
    if (schema.kind === "unknown")
      throw new ApiError(
        400,
        "SchemaUnavailable",
        `The columns of input "${name}" of node "${nodeId}" are unknown: ${schema.reason}`,
      );
    if (schema.kind !== "table") {
      if (query.InputId)
        throw invalidParameter("InputId", `input "${name}" is a ${schema.kind}, not a table`);
      continue;
    }
    for (const c of schema.columns) if (!seen.has(c.name)) seen.set(c.name, c.type);
  }
  return { ColNames: [...seen.keys()], ColTypes: [...seen.values()] };
}
