/**
 * What the PAI workspace tells at design time (cloud mode): tables of its MaxCompute projects
 * (SearchMCTables, GetMCTableSchema, PreviewMCTable), the columns reaching a saved draft's nodes
 * (GetNodeInputSchema), and the tables the latest run of a pipeline wrote (PAIFlow). Every
 * failure becomes the reason the user reads: which call, about what, and PAI's code.
 */
import {
  type Column,
  type ListTablesResponse,
  MC_TABLES_LISTED,
  mcTableKeyword,
  outputTableName,
  partitionColumnName,
  type TablePreviewResponse,
} from "@pfd/shared";
import type { PaiflowClient } from "../paiflow/client";
import { PaiflowError } from "../paiflow/errors";
import { rootNode } from "../paiflow/follow";
import { stepsOf } from "../paiflow/map";
import type { CloudSchemaSource } from "../paiflow/schemas";
import type { PaistudioClient } from "./client";
import type { MCTableSchemaResult } from "./types";

/** PaiStudio calls made at once for one answer (a pipeline may have thousands of steps). */
const CONCURRENT_CALLS = 4;
/** A table's schema is asked again after this long. */
const TABLE_TTL_MS = 60_000;
const TABLES_KEPT = 256;
/** Runs of a pipeline looked at for the tables its steps wrote, newest first. */
const RUNS_LOOKED_AT = 5;
/** Runs and node trees read for one answer are kept this long (one answer asks per step). */
const RECENT_MS = 5_000;

interface TableSchema {
  columns: Column[];
  partitionColumns: string[];
}

/**
 * Why a call failed, as the user reads it: what was asked, PAI's message and code. PAI's code,
 * status and request id stay on the error, for the routes that answer with it.
 */
function reasonOf(what: string, error: unknown): Error {
  if (!(error instanceof PaiflowError)) return new Error(`${what}: ${(error as Error).message}`);
  return new PaiflowError({
    code: error.code,
    message: `${what}: ${error.message} (${error.code})`,
    source: error.source,
    service: error.service,
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.recommend ? { recommend: error.recommend } : {}),
  });
}

/** Runs at most `limit` tasks at once. */
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export class WorkspaceDesign implements CloudSchemaSource {
  private readonly tables = new Map<string, { at: number; schema: Promise<TableSchema> }>();
  private readonly limit = limiter(CONCURRENT_CALLS);
  private readonly recentReads = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly studio: PaistudioClient,
    private readonly paiflow: PaiflowClient,
    private readonly where: {
      workspaceId: string;
      /** MAXCOMPUTE_PROJECT: where a table named without its project is. */
      project: string | undefined;
      /** The MaxCompute endpoint PreviewMCTable reads through. */
      endpoint: string;
    },
    private readonly now: () => number = Date.now,
  ) {}

  /** A table's columns and partition columns (GetMCTableSchema), kept for a minute. */
  tableSchema(name: string): Promise<TableSchema> {
    const hit = this.tables.get(name);
    if (hit && this.now() - hit.at < TABLE_TTL_MS) return hit.schema;
    const schema = this.limit(() => this.studio.getMCTableSchema(name, this.where.workspaceId)).then(
      toTableSchema,
      (error: unknown) => {
        this.tables.delete(name);
        throw reasonOf(`PAI could not give the columns of table ${name} (GetMCTableSchema)`, error);
      },
    );
    this.tables.delete(name);
    this.tables.set(name, { at: this.now(), schema });
    if (this.tables.size > TABLES_KEPT) this.tables.delete(this.tables.keys().next().value as string);
    return schema;
  }

  async tableColumns(name: string): Promise<Column[]> {
    return (await this.tableSchema(name)).columns;
  }

  async nodeInputColumns(draftId: string, node: string, port: string): Promise<Column[]> {
    try {
      const answer = await this.limit(() => this.studio.getNodeInputSchema(draftId, node, { InputId: port }));
      const names = answer.ColNames ?? [];
      return names.map((name, i) => ({ name, type: answer.ColTypes?.[i] ?? "" }));
    } catch (error) {
      throw reasonOf(
        `PAI could not give the columns reaching ${node}.${port} of draft ${draftId} (GetNodeInputSchema)`,
        error,
      );
    }
  }

  async latestOutputTable(
    where: { sourceId?: string; pipelineName: string },
    step: string,
    output: string,
  ): Promise<string | undefined> {
    try {
      const listed = await this.recentRuns(where);
      // The newest run in which the step succeeded: a failed step wrote nothing to read.
      for (const run of listed.PipelineRuns ?? []) {
        const rootId = run.NodeId;
        if (!rootId) continue;
        const node = (
          await this.recent(`root\0${run.PipelineRunId}`, () =>
            rootNode(this.paiflow, run.PipelineRunId, rootId).then(stepsOf),
          )
        ).find((s) => s.stepName === step && s.status === "Succeeded");
        if (!node) continue;
        const outputs = await this.limit(() =>
          this.paiflow.listPipelineRunNodeOutputs(run.PipelineRunId, node.nodeId, { depth: 1 }),
        );
        const found = outputs.Outputs?.find((o) => o.Name === output);
        return outputTableName((found?.Info as { value?: unknown } | undefined)?.value, this.where.project);
      }
      return undefined;
    } catch (error) {
      throw reasonOf(`PAI could not give the outputs of ${step} in the latest run`, error);
    }
  }

  /** This pipeline's newest runs, asked once for all the steps of one answer. */
  private recentRuns(where: { sourceId?: string; pipelineName: string }) {
    return this.recent(`runs\0${where.sourceId ?? ""}\0${where.pipelineName}`, () =>
      this.paiflow.listPipelineRuns({
        WorkspaceId: this.where.workspaceId,
        PageSize: RUNS_LOOKED_AT,
        ...(where.sourceId ? { SourceId: where.sourceId } : { Name: where.pipelineName }),
      }),
    );
  }

  /** The answer of a read made in the last few seconds, or a new one. */
  private recent<T>(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.recentReads.get(key);
    if (hit && this.now() - hit.at < RECENT_MS) return hit.value as Promise<T>;
    for (const [k, v] of this.recentReads) if (this.now() - v.at >= RECENT_MS) this.recentReads.delete(k);
    const value = this.limit(read);
    value.catch(() => this.recentReads.delete(key));
    this.recentReads.set(key, { at: this.now(), value });
    return value;
  }

  /** The tables the picker offers: SearchMCTables, then each one's columns. */
  async listTables(keyword: string | undefined): Promise<ListTablesResponse> {
    const search = mcTableKeyword(keyword, this.where.project);
    if (search === undefined) return { tables: [] };
    let names: string[];
    try {
      names = (await this.studio.searchMCTables(search, this.where.workspaceId)).Tables ?? [];
    } catch (error) {
      throw reasonOf(`PAI could not search the tables "${search}" (SearchMCTables)`, error);
    }
    const listed = names.slice(0, MC_TABLES_LISTED);
    const tables = await Promise.all(
      listed.map(async (name) => {
        // A table whose schema cannot be read is still offered: its columns are then unknown.
        const schema = await this.tableSchema(name).catch(() => ({ columns: [], partitionColumns: [] }));
        return {
          name,
          kind: "table" as const,
          origin: "maxcompute" as const,
          rows: null,
          columns: schema.columns,
          partitionColumns: schema.partitionColumns,
        };
      }),
    );
    return { tables };
  }

  /** A table's columns and first rows (PreviewMCTable gives rows, GetMCTableSchema their columns). */
  async preview(name: string, query: { limit: number; partition?: string }): Promise<TablePreviewResponse> {
    const schema = await this.tableSchema(name);
    let rows: unknown[][];
    try {
      rows =
        (
          await this.studio.previewMCTable(name, {
            WorkspaceId: this.where.workspaceId,
            Endpoint: this.where.endpoint,
            Limit: query.limit,
            ...(query.partition ? { Partition: query.partition } : {}),
          })
        ).Content ?? [];
    } catch (error) {
      throw reasonOf(`PAI could not preview table ${name} (PreviewMCTable)`, error);
    }
    return {
      name,
      columns: schema.columns,
      partitionColumns: schema.partitionColumns,
      // PaiStudio lists no partitions and counts no rows.
      partitions: [],
      rows: rows.slice(0, query.limit),
      totalCount: null,
    };
  }
}

function toTableSchema(answer: MCTableSchemaResult): TableSchema {
  return {
    columns: (answer.Columns ?? []).map((c) => ({ name: c.Name, type: c.Type ?? "" })),
    partitionColumns: (answer.PartitionColumns ?? []).flatMap((p) => partitionColumnName(p) ?? []),
  };
}
