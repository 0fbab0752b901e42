/** The records the service keeps for each run; persisted as JSON in the data directory. */

export type RunStatus =
  | "Initialized"
  | "Running"
  | "Succeeded"
  | "Failed"
  | "Terminating"
  | "Terminated"
  | "Skipped"
  | "Unknown";

export type NodeStatus = "ReadyToSchedule" | "Running" | "Succeeded" | "Failed" | "Skipped" | "Terminated";

export const TERMINAL_RUN: ReadonlySet<RunStatus> = new Set(["Succeeded", "Failed", "Terminated", "Skipped"]);

export type OutputType = "DataSet" | "Model" | "ModelEvaluation" | "Metrics";

export interface OutputRecord {
  Id: string;
  Name: string;
  Type: OutputType;
  GmtCreateTime: string;
  /** A DuckDB relation holding the rows (schema.table), for DataSet outputs. */
  table?: { schema: string; name: string; view?: boolean };
  /** A model file relative to the run directory, for Model outputs. */
  modelFile?: string;
  /** Small JSON values (metrics) shown in `Info.value`. */
  value?: unknown;
  rowCount?: number;
}

export interface NodeRecord {
  NodeId: string;
  /** The step's `metadata.name`. */
  Name: string;
  DisplayName?: string;
  Provider?: string;
  Version?: string;
  Identifier?: string;
  Dependencies: string[];
  Status: NodeStatus;
  StartedAt?: string;
  FinishedAt?: string;
  Message?: string;
  Outputs: OutputRecord[];
}

export interface RunRecord {
  PipelineRunId: string;
  Name: string;
  WorkspaceId: string;
  Status: RunStatus;
  /** The manifest as submitted (YAML). */
  Manifest: string;
  Arguments?: string;
  SourceType: string;
  SourceId?: string;
  Options?: string;
  Accessibility: string;
  PipelineId?: string;
  UserId: string;
  Message?: string;
  StartedAt?: string;
  FinishedAt?: string;
  GmtCreateTime: string;
  GmtModifiedTime: string;
  /** The run's virtual root node; the steps are its children. */
  NodeId: string;
  Nodes: NodeRecord[];
}

export interface LogLine {
  /** Epoch milliseconds. */
  t: number;
  msg: string;
}
