/**
 * PAIFlow client: every operation the designer needs (ROA, API 2021-02-02), through the shared
 * signed call of roa.ts.
 */
import { RoaClient, type RoaClientOptions, seg } from "./roa";
import {
  ActionResultSchema,
  type CreatePipelineRunInput,
  CreatePipelineRunResultSchema,
  GetPipelineResultSchema,
  GetPipelineRunNodeResultSchema,
  GetPipelineRunResultSchema,
  ListPipelineRunNodeLogsResultSchema,
  ListPipelineRunNodeOutputsResultSchema,
  ListPipelineRunNodeStatusResultSchema,
  type ListPipelineRunsInput,
  ListPipelineRunsResultSchema,
  type ListPipelinesInput,
  ListPipelinesResultSchema,
  LocalSchemasResultSchema,
  LocalTablePreviewResultSchema,
  LocalTablesResultSchema,
  PreviewNodeOutputResultSchema,
} from "./types";

const PAIFLOW_API_VERSION = "2021-02-02";

export type PaiflowClientOptions = RoaClientOptions;

export class PaiflowClient extends RoaClient {
  constructor(options: PaiflowClientOptions) {
    super("PAIFlow", PAIFLOW_API_VERSION, options);
  }

  createPipelineRun(input: CreatePipelineRunInput) {
    return this.call({
      action: "CreatePipelineRun",
      method: "POST",
      path: "/api/v1/pipelineruns",
      body: input,
      schema: CreatePipelineRunResultSchema,
    });
  }

  getPipelineRun(runId: string, options: { verbose?: boolean; manifestType?: string } = {}) {
    return this.call({
      action: "GetPipelineRun",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}`,
      query: { Verbose: options.verbose, ManifestType: options.manifestType },
      schema: GetPipelineRunResultSchema,
    });
  }

  listPipelineRuns(input: ListPipelineRunsInput = {}) {
    return this.call({
      action: "ListPipelineRuns",
      method: "GET",
      path: "/api/v1/pipelineruns",
      query: { ...input },
      schema: ListPipelineRunsResultSchema,
    });
  }

  startPipelineRun(runId: string) {
    return this.action("StartPipelineRun", `/api/v1/pipelineruns/${seg(runId)}/start`);
  }

  terminatePipelineRun(runId: string) {
    return this.action("TerminatePipelineRun", `/api/v1/pipelineruns/${seg(runId)}/termination`);
  }

  rerunPipelineRun(runId: string) {
    return this.action("RerunPipelineRun", `/api/v1/pipelineruns/${seg(runId)}/rerun`);
  }

  getPipelineRunNode(runId: string, nodeId: string, options: { depth?: number; type?: string } = {}) {
    return this.call({
      action: "GetPipelineRunNode",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}`,
      query: { Depth: options.depth ?? 2, Type: options.type },
      schema: GetPipelineRunNodeResultSchema,
    });
  }

  listPipelineRunNodeStatus(runId: string, nodeId: string, options: { depth?: number } = {}) {
    return this.call({
      action: "ListPipelineRunNodeStatus",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}/status`,
      query: { Depth: options.depth ?? 2 },
      schema: ListPipelineRunNodeStatusResultSchema,
    });
  }

  listPipelineRunNodeLogs(
    runId: string,
    nodeId: string,
    options: { offset?: number; pageSize?: number } = {},
  ) {
    return this.call({
      action: "ListPipelineRunNodeLogs",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}/logs`,
      query: { Offset: options.offset ?? 0, PageSize: options.pageSize },
      schema: ListPipelineRunNodeLogsResultSchema,
    });
  }

  listPipelineRunNodeOutputs(
    runId: string,
    nodeId: string,
    options: { depth?: number; name?: string; pageNumber?: number; pageSize?: number } = {},
  ) {
    return this.call({
      action: "ListPipelineRunNodeOutputs",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}/outputs`,
      query: {
        Depth: options.depth ?? 1,
        Name: options.name,
        PageNumber: options.pageNumber,
        PageSize: options.pageSize ?? 100,
      },
      schema: ListPipelineRunNodeOutputsResultSchema,
    });
  }

  /** The embedded PAIFlow's extension: the first rows of an output table. */
  previewNodeOutput(runId: string, nodeId: string, output: string, limit: number) {
    return this.call({
      action: "PreviewPipelineRunNodeOutput",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}/outputs/${seg(output)}/preview`,
      query: { Limit: limit },
      schema: PreviewNodeOutputResultSchema,
    });
  }

  /** Registered pipelines and components; `PipelineProvider: "pai"` lists the official components. */
  listPipelines(input: ListPipelinesInput) {
    return this.call({
      action: "ListPipelines",
      method: "GET",
      path: "/api/v1/pipelines",
      query: { ...input },
      schema: ListPipelinesResultSchema,
    });
  }

  /** A pipeline with its manifest. */
  getPipeline(pipelineId: string) {
    return this.call({
      action: "GetPipeline",
      method: "GET",
      path: `/api/v1/pipelines/${seg(pipelineId)}`,
      schema: GetPipelineResultSchema,
    });
  }

  /** A pipeline's interface (inputs and outputs) as a manifest, lighter than GetPipeline. */
  getPipelineSchema(pipelineId: string) {
    return this.call({
      action: "GetPipelineSchema",
      method: "GET",
      path: `/api/v1/pipelines/${seg(pipelineId)}/schema`,
      schema: GetPipelineResultSchema,
    });
  }

  /** The embedded PAIFlow's extension: every step's design-time schemas. */
  describeSchemas(manifest: string, args?: string) {
    return this.call({
      action: "DescribePipelineSchemas",
      method: "POST",
      path: "/api/v1/local/schemas",
      body: { PipelineManifest: manifest, ...(args !== undefined ? { Arguments: args } : {}) },
      schema: LocalSchemasResultSchema,
    });
  }

  /** The embedded PAIFlow's extension: the local table catalog. */
  listLocalTables(keyword?: string) {
    return this.call({
      action: "ListLocalTables",
      method: "GET",
      path: "/api/v1/local/tables",
      query: { Keyword: keyword },
      schema: LocalTablesResultSchema,
    });
  }

  /** The embedded PAIFlow's extension: a catalog table's columns, partitions and first rows. */
  previewLocalTable(name: string, options: { limit: number; partition?: string }) {
    return this.call({
      action: "PreviewLocalTable",
      method: "GET",
      path: `/api/v1/local/tables/${seg(name)}/preview`,
      query: { Limit: options.limit, Partition: options.partition },
      schema: LocalTablePreviewResultSchema,
    });
  }

  private action(action: string, path: string) {
    return this.call({ action, method: "PUT", path, schema: ActionResultSchema });
  }
}
