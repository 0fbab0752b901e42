/**
 * PaiStudio client (PAI Designer's backend, ROA, API 2021-02-02): drafts, folders, the algorithm
 * tree, templates, jobs (partial runs of a draft), node input schemas and the MaxCompute helpers, through the same signed call, credentials, retries and error mapping as the
 * PAIFlow client. `Content` travels as a JSON string inside the JSON body, as the API wants it.
 */
import type { Accessibility } from "@pfd/shared";
import { RoaClient, type RoaClientOptions, seg } from "../paiflow/roa";
import {
  ActionResultSchema,
  AlgorithmTreeResultSchema,
  type CreateExperimentInput,
  CreateExperimentResultSchema,
  type CreateFolderInput,
  CreateFolderResultSchema,
  type CreateJobInput,
  CreateJobResultSchema,
  ExperimentMetaSchema,
  ExperimentSchema,
  FolderChildrenResultSchema,
  GetTemplateResultSchema,
  JobSchema,
  type ListExperimentsInput,
  ListExperimentsResultSchema,
  ListTemplatesResultSchema,
  MCTableSchemaResultSchema,
  NodeInputSchemaResultSchema,
  PreviewMCTableResultSchema,
  SearchMCTablesResultSchema,
  UpdateExperimentContentResultSchema,
} from "./types";

const PAISTUDIO_API_VERSION = "2021-02-02";

export class PaistudioClient extends RoaClient {
  constructor(options: RoaClientOptions) {
    super("PaiStudio", PAISTUDIO_API_VERSION, options);
  }

  createExperiment(input: CreateExperimentInput) {
    return this.call({
      action: "CreateExperiment",
      method: "POST",
      path: "/api/v1/experiments",
      body: input,
      schema: CreateExperimentResultSchema,
    });
  }

  getExperiment(experimentId: string) {
    return this.call({
      action: "GetExperiment",
      method: "GET",
      path: `/api/v1/experiments/${seg(experimentId)}`,
      schema: ExperimentSchema,
    });
  }

  getExperimentMeta(experimentId: string) {
    return this.call({
      action: "GetExperimentMeta",
      method: "GET",
      path: `/api/v1/experiments/${seg(experimentId)}/meta`,
      schema: ExperimentMetaSchema,
    });
  }

  /** Replaces the whole canvas; `version` is the one the content was based on. */
  updateExperimentContent(experimentId: string, content: string, version: number) {
    return this.call({
      action: "UpdateExperimentContent",
      method: "PUT",
      path: `/api/v1/experiments/${seg(experimentId)}/content`,
      body: { Content: content, Version: version },
      schema: UpdateExperimentContentResultSchema,
    });
  }

  listExperiments(input: ListExperimentsInput) {
    return this.call({
      action: "ListExperiments",
      method: "GET",
      path: "/api/v1/experiments",
      query: { ...input },
      schema: ListExperimentsResultSchema,
    });
  }

  createExperimentFolder(input: CreateFolderInput) {
    return this.call({
      action: "CreateExperimentFolder",
      method: "POST",
      path: "/api/v1/experimentfolders",
      body: input,
      schema: CreateFolderResultSchema,
    });
  }

  getExperimentFolderChildren(
    folderId: string,
    query: { WorkspaceId: string; Accessibility?: Accessibility; OnlyFolder?: boolean },
  ) {
    return this.call({
      action: "GetExperimentFolderChildren",
      method: "GET",
      path: `/api/v1/experimentfolders/${seg(folderId)}/children`,
      query: { ...query },
      schema: FolderChildrenResultSchema,
    });
  }

  getAlgorithmTree(query: { WorkspaceId?: string; Source?: string } = {}) {
    return this.call({
      action: "GetAlgorithmTree",
      method: "GET",
      path: "/api/v1/algorithm/tree",
      query: { ...query },
      schema: AlgorithmTreeResultSchema,
    });
  }

  listTemplates(query: { WorkspaceId?: string; PageNumber?: number; PageSize?: number } = {}) {
    return this.call({
      action: "ListTemplates",
      method: "GET",
      path: "/api/v1/templates",
      query: { ...query },
      schema: ListTemplatesResultSchema,
    });
  }

  getTemplate(templateId: string) {
    return this.call({
      action: "GetTemplate",
      method: "GET",
      path: `/api/v1/templates/${seg(templateId)}`,
      query: { Verbose: true },
      schema: GetTemplateResultSchema,
    });
  }

  deleteExperiment(experimentId: string) {
    return this.call({
      action: "DeleteExperiment",
      method: "DELETE",
      path: `/api/v1/experiments/${seg(experimentId)}`,
      schema: ActionResultSchema,
    });
  }

  /** `[project.]table`'s columns and partition columns. */
  getMCTableSchema(table: string, workspaceId: string) {
    return this.call({
      action: "GetMCTableSchema",
      method: "GET",
      path: `/api/v1/datasources/maxcompute/tables/${seg(table)}/schema`,
      query: { WorkspaceId: workspaceId },
      schema: MCTableSchemaResultSchema,
    });
  }

  /** Tables of the workspace's MaxCompute projects; `keyword` is `project.table_prefix`. */
  searchMCTables(keyword: string, workspaceId: string) {
    return this.call({
      action: "SearchMCTables",
      method: "GET",
      path: "/api/v1/datasources/maxcompute/tables",
      query: { WorkspaceId: workspaceId, Keyword: keyword },
      schema: SearchMCTablesResultSchema,
    });
  }

  previewMCTable(
    table: string,
    query: { WorkspaceId: string; Endpoint: string; Limit?: number; Partition?: string },
  ) {
    return this.call({
      action: "PreviewMCTable",
      method: "GET",
      path: `/api/v1/datasources/maxcompute/tables/${seg(table)}/preview`,
      query: { ...query },
      schema: PreviewMCTableResultSchema,
    });
  }

  /** The columns reaching a saved draft's node (one input port, or all of them merged). */
  getNodeInputSchema(
    experimentId: string,
    nodeId: string,
    query: { InputId?: string; InputIndex?: number } = {},
  ) {
    return this.call({
      action: "GetNodeInputSchema",
      method: "GET",
      path: `/api/v1/experiments/${seg(experimentId)}/nodes/${seg(nodeId)}/schema`,
      query: { ...query },
      schema: NodeInputSchemaResultSchema,
    });
  }

  /** Runs a saved draft, whole or relative to a node (ExecuteType). */
  createJob(input: CreateJobInput) {
    return this.call({
      action: "CreateJob",
      method: "POST",
      path: "/api/v1/jobs",
      body: input,
      schema: CreateJobResultSchema,
    });
  }

  getJob(jobId: string) {
    return this.call({
      action: "GetJob",
      method: "GET",
      path: `/api/v1/jobs/${seg(jobId)}`,
      schema: JobSchema,
    });
  }
}
