/**
 * PaiStudio's answers (API 2021-02-02), checked leniently like PAIFlow's: the fields the server
 * uses are typed, everything else passes through, a missing optional field is never an error.
 */
import type { Accessibility } from "@pfd/shared";
import { z } from "zod";

const str = z.string().nullish();

/** [C] `Version` is a long in GetExperiment and a string in GetExperimentMeta: both are read. */
const version = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: "custom", message: `Version "${v}" is not a whole number` });
    return z.NEVER;
  }
  return n;
});

export const ExperimentMetaSchema = z.looseObject({
  ExperimentId: z.string(),
  Name: str,
  Description: str,
  GmtCreateTime: str,
  GmtModifiedTime: str,
  Creator: str,
  Source: str,
  Version: version,
  WorkspaceId: str,
  Accessibility: str,
  RequestId: z.string().optional(),
});
export type ExperimentMeta = z.infer<typeof ExperimentMetaSchema>;

export const ExperimentSchema = ExperimentMetaSchema.extend({ Content: str });

export const ListExperimentsResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  TotalCount: z.coerce.number().optional(),
  Experiments: z.array(ExperimentMetaSchema).nullish(),
});

export const CreateExperimentResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  ExperimentId: z.string(),
});

export const UpdateExperimentContentResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Version: version,
});

const FolderItemSchema = z.looseObject({
  Id: z.string(),
  Name: str,
  /** `dir` or `pipelinedraft` */
  Type: str,
  Empty: z.boolean().nullish(),
  GmtCreateTime: str,
  GmtModifiedTime: str,
});

export const FolderChildrenResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  TotalCount: z.coerce.number().optional(),
  Items: z.array(FolderItemSchema).nullish(),
});

export const CreateFolderResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  FolderId: z.string(),
});

export const AlgorithmTreeResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Tree: z.array(z.unknown()).nullish(),
  Timestamp: z.union([z.string(), z.number()]).nullish(),
});

const TemplateSchema = z.looseObject({
  TemplateId: z.string(),
  Name: str,
  Description: str,
  Content: str,
  GmtModifiedTime: str,
});

export const ListTemplatesResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  TotalCount: z.coerce.number().optional(),
  TemplateData: z
    .array(
      z.looseObject({
        Template: TemplateSchema.nullish(),
        TemplateType: z.looseObject({ Name: str }).nullish(),
      }),
    )
    .nullish(),
});

export const GetTemplateResultSchema = TemplateSchema.extend({ RequestId: z.string().optional() });

/** GetMCTableSchema: `[project.]table`'s columns ([C] `Columns[]{Name, Type, Preview[]}`, `PartitionColumns[]`). */
export const MCTableSchemaResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Columns: z
    .array(
      z.looseObject({
        Name: z.string(),
        Type: z.string().nullish(),
        Preview: z.array(z.unknown()).nullish(),
      }),
    )
    .nullish(),
  /** Items untyped in the metadata: see `partitionColumnName`. */
  PartitionColumns: z.array(z.unknown()).nullish(),
});
export type MCTableSchemaResult = z.infer<typeof MCTableSchemaResultSchema>;

export const SearchMCTablesResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Tables: z.array(z.string()).nullish(),
});

/** PreviewMCTable: rows as `string[][]` ([C]), no column names. */
export const PreviewMCTableResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Content: z.array(z.array(z.unknown())).nullish(),
});

/** GetNodeInputSchema: parallel `ColNames[]` and `ColTypes[]` ([C]). */
export const NodeInputSchemaResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  ColNames: z.array(z.string()).nullish(),
  ColTypes: z.array(z.string()).nullish(),
});

export const CreateJobResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  JobId: z.string(),
});

export const JobSchema = z.looseObject({
  RequestId: z.string().optional(),
  JobId: z.string().nullish(),
  ExperimentId: str,
  ExecuteType: str,
  NodeId: str,
  /** The job's PAIFlow run; empty until the job has submitted it (a guess, see JOB_RUN_WAIT). */
  RunId: str,
  /** The PAIFlow manifest YAML of the run. */
  RunInfo: str,
  Status: str,
  Creator: str,
  GmtCreateTime: str,
});

export interface CreateJobInput {
  PipelineDraftId: string;
  ExecuteType: string;
  NodeId?: string;
  Options?: string;
}

export const ActionResultSchema = z.looseObject({ RequestId: z.string().optional() });

export interface CreateExperimentInput {
  Name: string;
  FolderId: string;
  WorkspaceId: string;
  Description?: string;
  Source?: string;
  Accessibility?: Accessibility;
}

export interface ListExperimentsInput {
  WorkspaceId: string;
  PageNumber?: number;
  PageSize?: number;
  Name?: string;
  Creator?: string;
  ExperimentId?: string;
  SortBy?: "GmtCreate" | "GmtModified";
  Order?: "ASC" | "DESC";
}

export interface CreateFolderInput {
  WorkspaceId: string;
  Name: string;
  ParentFolderId?: string;
  Source?: string;
  Accessibility?: Accessibility;
}
