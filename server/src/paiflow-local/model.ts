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

/** `Reused`: the step's outputs were taken from an earlier run (NodeRecord.ReusedFrom) instead of computed. */
export type NodeStatus =
  | "ReadyToSchedule"
  | "Running"
  | "Succeeded"
  | "Reused"
  | "Failed"
  | "Skipped"
  | "Terminated";

export const TERMINAL_RUN: ReadonlySet<RunStatus> = new Set(["Succeeded", "Failed", "Terminated", "Skipped"]);

export type OutputType = "DataSet" | "Model" | "ModelEvaluation" | "Metrics";

export interface OutputRecord {
  Id: string;
  Name: string;
  Type: OutputType;
  GmtCreateTime: string;
  /** A DuckDB relation holding the rows (schema.table), for DataSet outputs. */
  table?: { schema: string; name: string; view?: boolean };
  /** A model file relative to the directory of run `fromRun` (default: this run), for Model outputs. */
  modelFile?: string;
  /** The run that produced this output, when it is not this run (a reused output). */
  fromRun?: string;
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
  /** What determines the step's outputs (engine/fingerprint.ts); set once it succeeded or was reused. */
  Fingerprint?: string;
  /** Set when Status is Reused: the step whose outputs were taken. */
  ReusedFrom?: { PipelineRunId: string; NodeId: string; Name: string };
}

/** The local engine's run options, from CreatePipelineRun's `Options` (`{"pfd": {...}}`). */
export interface LocalRunOptions {
  /** Reuse unchanged steps' outputs from earlier runs (default true). */
  reuse: boolean;
  /** Run only these steps (PAI Designer's run this node / to here / from here). */
  scope?: { mode: "one" | "to" | "from"; step: string };
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
  /** The local engine's options (absent in records written before they existed: the defaults). */
  Local?: LocalRunOptions;
  Nodes: NodeRecord[];
}

export interface LogLine {
  /** Epoch milliseconds. */
  t: number;
  msg: string;
}
