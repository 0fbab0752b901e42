/**
 * PAIFlow's answers (API 2021-02-02), checked leniently: the fields the server uses are typed,
 * everything else passes through, and a missing optional field is never an error.
 */
import { StepSchemaSchema, TableOriginSchema } from "@pfd/shared";
import { z } from "zod";

const str = z.string().nullish();
const num = z.number().nullish();

export const CreatePipelineRunResultSchema = z.looseObject({
  RequestId: z.string(),
  PipelineRunId: z.string(),
});

export const PipelineRunSchema = z.looseObject({
  PipelineRunId: z.string(),
  Name: str,
  Status: str,
  StartedAt: str,
  FinishedAt: str,
  Duration: num,
  NodeId: str,
  WorkspaceId: str,
  Message: str,
  SourceType: str,
  SourceId: str,
  GmtCreateTime: str,
  Accessibility: str,
  Manifest: z.unknown().optional(),
});
export type PipelineRun = z.infer<typeof PipelineRunSchema>;

export const GetPipelineRunResultSchema = PipelineRunSchema.extend({ RequestId: z.string().optional() });

export const ListPipelineRunsResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  TotalCount: z.coerce.number().optional(),
  PipelineRuns: z.array(PipelineRunSchema).nullish(),
});

export interface PipelineRunNode {
  Metadata?: {
    NodeId?: string | null;
    Name?: string | null;
    DisplayName?: string | null;
    NodeType?: string | null;
  };
  Spec?: { Pipelines?: PipelineRunNode[] | null };
  StatusInfo?: {
    Status?: string | null;
    StartedAt?: string | null;
    FinishedAt?: string | null;
    /** The local engine's extension on Reused steps. */
    ReusedFrom?: { PipelineRunId: string; NodeId: string; Name: string } | null;
  };
}

const NodeSchema: z.ZodType<PipelineRunNode> = z.lazy(() =>
  z.looseObject({
    Metadata: z.looseObject({ NodeId: str, Name: str, DisplayName: str, NodeType: str }).optional(),
    Spec: z.looseObject({ Pipelines: z.array(NodeSchema).nullish() }).optional(),
    StatusInfo: z
      .looseObject({
        Status: str,
        StartedAt: str,
        FinishedAt: str,
        ReusedFrom: z.object({ PipelineRunId: z.string(), NodeId: z.string(), Name: z.string() }).nullish(),
      })
      .optional(),
  }),
);

export const GetPipelineRunNodeResultSchema = z
  .looseObject({ RequestId: z.string().optional() })
  .and(NodeSchema);

export const ListPipelineRunNodeStatusResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Status: z
    .array(z.looseObject({ NodeId: str, NodeName: str, Status: str, StartedAt: str, FinishedAt: str }))
    .nullish(),
});

export const ListPipelineRunNodeLogsResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  TotalCount: z.coerce.number().optional(),
  Logs: z.array(z.string()).nullish(),
});

export const NodeOutputSchema = z.looseObject({
  Id: z.string(),
  Name: z.string(),
  Type: str,
  NodeId: str,
  Producer: str,
  GmtCreateTime: str,
  Info: z.unknown().optional(),
});

export const ListPipelineRunNodeOutputsResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  TotalCount: z.coerce.number().optional(),
  Outputs: z.array(NodeOutputSchema).nullish(),
});

/** The embedded PAIFlow's preview extension. */
export const PreviewNodeOutputResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Columns: z.array(z.looseObject({ Name: z.string(), Type: z.string() })),
  Rows: z.array(z.unknown()),
  TotalCount: z.coerce.number().optional(),
});

const LocalColumnsSchema = z.array(z.looseObject({ Name: z.string(), Type: z.string() }));

/** The embedded PAIFlow's design-time extensions (paiflow-local/extensions.ts). */
export const LocalSchemasResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Version: z.string(),
  Steps: z.record(z.string(), StepSchemaSchema),
  Reason: z.string().optional(),
});

export const LocalTablesResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Tables: z.array(
    z.looseObject({
      Name: z.string(),
      Kind: z.enum(["table", "view"]),
      Origin: TableOriginSchema,
      Rows: z.number().nullable(),
      Columns: LocalColumnsSchema,
      PartitionColumns: z.array(z.string()),
    }),
  ),
});

export const LocalTablePreviewResultSchema = z.looseObject({
  RequestId: z.string().optional(),
  Name: z.string(),
  Columns: LocalColumnsSchema,
  PartitionColumns: z.array(z.string()),
  Partitions: z.array(z.string()),
  Rows: z.array(z.array(z.unknown())),
  TotalCount: z.coerce.number(),
});

export const ActionResultSchema = z.looseObject({ RequestId: z.string().optional() });

export interface CreatePipelineRunInput {
  WorkspaceId: string;
  PipelineManifest: string;
  Name?: string;
  Arguments?: string;
  NoConfirmRequired?: boolean;
  SourceType?: "UNKNOWN" | "SDK" | "DESIGNER" | "M6";
  SourceId?: string;
  Options?: string;
  Accessibility?: "PUBLIC" | "PRIVATE";
}

export interface ListPipelineRunsInput {
  PageNumber?: number;
  PageSize?: number;
  WorkspaceId?: string;
  Name?: string;
  Status?: string;
  SourceType?: string;
  SourceId?: string;
}
