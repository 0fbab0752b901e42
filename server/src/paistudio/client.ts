/**
 * PaiStudio client (PAI Designer's backend, ROA, API 2021-02-02): drafts, folders, the algorithm
 * tree and templates, through the same signed call, credentials, retries and error mapping as the
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
  ExperimentMetaSchema,
  ExperimentSchema,
  FolderChildrenResultSchema,
  GetTemplateResultSchema,
  type ListExperimentsInput,
  ListExperimentsResultSchema,
  ListTemplatesResultSchema,
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
}
