/**
 * Node-level reads: GetPipelineRunNode, ListPipelineRunNodeStatus, ListPipelineRunNodeLogs,
 * ListPipelineRunNodeOutputs and the local preview extension. The run's root node (its
 * NodeId) is a Dag whose children are the steps.
 */
import type { PlannedStep } from "./engine/plan";
import { describe, jsonCell, qualified } from "./engine/sql";
import { ApiError, intParam, invalidParameter, missingParameter } from "./errors";
import type { NodeRecord, OutputRecord, RunRecord } from "./model";
import type { PaiflowService } from "./service";

const LOCATION: Record<OutputRecord["Type"], string | null> = {
  DataSet: "MaxComputeTable",
  Model: "MaxComputeOfflineModel",
  ModelEvaluation: null,
  Metrics: null,
};

function outputInfo(o: OutputRecord): Record<string, unknown> {
  const location = LOCATION[o.Type];
  return {
    metadata: { type: { [o.Type]: location ? { locationType: location } : {} } },
    value: o.table
      ? { location: { project: o.table.schema, table: o.table.name }, rowCount: o.rowCount }
      : o.modelFile
        ? { location: { file: o.modelFile } }
        : o.value,
  };
}

function stepNode(run: RunRecord, node: NodeRecord, step: PlannedStep | undefined): Record<string, unknown> {
  return {
    ApiVersion: "core/v1",
    Metadata: {
      NodeId: node.NodeId,
      Provider: node.Provider,
      Name: node.Name,
      Version: node.Version,
      Identifier: node.Identifier,
      NodeType: "Pod",
      DisplayName: node.DisplayName ?? node.Name,
      RelatedNodeIds: [],
    },
    Spec: {
      HasPipelines: false,
      Dependencies: node.Dependencies,
      Pipelines: [],
      Inputs: {
        Parameters: step
          ? [...step.params].filter(([n]) => n !== "execution").map(([Name, Value]) => ({ Name, Value }))
          : [],
        Artifacts: step
          ? [...step.inputs].map(([Name, b]) =>
              b.kind === "step"
                ? { Name, From: `{{pipelines.${b.step}.outputs.artifacts.${b.output}}}` }
                : { Name, Value: b.value },
            )
          : [],
      },
      Outputs: { Artifacts: node.Outputs.map((o) => ({ Name: o.Name, Type: o.Type, Info: outputInfo(o) })) },
    },
    StatusInfo: {
      StartedAt: node.StartedAt,
      FinishedAt: node.FinishedAt,
      Status: node.Status,
      Message: node.Message,
      Conditions: [],
      // Local extension: where a Reused step's outputs (and logs) come from.
      ...(node.ReusedFrom ? { ReusedFrom: node.ReusedFrom } : {}),
    },
    PipelineRunId: run.PipelineRunId,
  };
}

export function getNode(
  svc: PaiflowService,
  runId: string,
  nodeId: string,
  query: Record<string, string>,
): Record<string, unknown> {
  const depth = intParam(query.Depth, "Depth", 2, 1, 10);
  const { run, node } = svc.node(runId, nodeId);
  const steps = new Map(svc.planOf(run).steps.map((s) => [s.name, s]));
  if (node) return stepNode(run, node, steps.get(node.Name));
  const done = run.Nodes.filter((n) => n.Status === "Succeeded" || n.Status === "Reused").length;
  return {
    ApiVersion: "core/v1",
    Metadata: {
      NodeId: run.NodeId,
      Provider: "local",
      Name: run.Name,
      Version: "v1",
      Identifier: "job-root-pipeline-identifier",
      NodeType: "Dag",
      DisplayName: run.Name,
      RelatedNodeIds: [],
    },
    Spec: {
      HasPipelines: run.Nodes.length > 0,
      Dependencies: [],
      Pipelines: depth >= 2 ? run.Nodes.map((n) => stepNode(run, n, steps.get(n.Name))) : [],
      Inputs: { Parameters: [], Artifacts: [] },
      Outputs: { Parameters: [], Artifacts: [] },
    },
    StatusInfo: {
      StartedAt: run.StartedAt,
      FinishedAt: run.FinishedAt,
      Status: run.Status,
      Conditions: [],
      Progress: `${done}/${run.Nodes.length}`,
    },
    PipelineRunId: run.PipelineRunId,
  };
}

export function listNodeStatus(
  svc: PaiflowService,
  runId: string,
  nodeId: string,
  query: Record<string, string>,
): Record<string, unknown> {
  const depth = intParam(query.Depth, "Depth", 2, 1, 10);
  const { run, node } = svc.node(runId, nodeId);
  const row = (n: NodeRecord) => ({
    NodeId: n.NodeId,
    NodeName: n.Name,
    Status: n.Status,
    StartedAt: n.StartedAt,
    FinishedAt: n.FinishedAt,
    RuntimeInfo: { Message: n.Message },
  });
  if (node) return { Status: [row(node)] };
  const root = {
    NodeId: run.NodeId,
    NodeName: run.Name,
    Status: run.Status,
    StartedAt: run.StartedAt,
    FinishedAt: run.FinishedAt,
    RuntimeInfo: { Message: run.Message },
  };
  return { Status: [root, ...(depth >= 2 ? run.Nodes.map(row) : [])] };
}

export async function listNodeLogs(
  svc: PaiflowService,
  runId: string,
  nodeId: string,
  query: Record<string, string>,
): Promise<Record<string, unknown>> {
  const { node } = svc.node(runId, nodeId);
  const offset = intParam(query.Offset, "Offset", 0, 0, 100_000_000);
  const size = intParam(query.PageSize, "PageSize", 100, 1, 1000);
  const from = query.FromTimeInSeconds
    ? intParam(query.FromTimeInSeconds, "FromTimeInSeconds", 0, 0, 1e11) * 1000
    : -Infinity;
  const to = query.ToTimeInSeconds
    ? intParam(query.ToTimeInSeconds, "ToTimeInSeconds", 0, 0, 1e11) * 1000
    : Infinity;
  const keyword = query.Keyword;
  // A reused step's log is its own note, then the log of the step whose outputs it took.
  const source = node?.ReusedFrom;
  const all = [
    ...(await svc.store.readLogs(runId, nodeId)),
    ...(source ? await svc.store.readLogs(source.PipelineRunId, source.NodeId) : []),
  ];
  let lines = all.filter((l) => l.t >= from && l.t <= to && (!keyword || l.msg.includes(keyword)));
  if (query.Reverse === "true") lines = lines.reverse();
  return {
    TotalCount: lines.length,
    Logs: lines.slice(offset, offset + size).map((l) => `${new Date(l.t).toISOString()} ${l.msg}`),
  };
}

export function listNodeOutputs(
  svc: PaiflowService,
  runId: string,
  nodeId: string,
  query: Record<string, string>,
): Record<string, unknown> {
  if (!query.Depth) throw missingParameter("Depth");
  const depth = intParam(query.Depth, "Depth", 2, 1, 10);
  const page = intParam(query.PageNumber, "PageNumber", 1, 1, 1_000_000);
  const size = intParam(query.PageSize, "PageSize", 50, 1, 100);
  const { run, node } = svc.node(runId, nodeId);
  const nodes = node ? [node] : depth >= 2 ? run.Nodes : [];
  let outputs = nodes.flatMap((n) =>
    n.Outputs.map((o) => ({
      Id: o.Id,
      Name: o.Name,
      Type: o.Type,
      NodeId: n.NodeId,
      Producer: n.Name,
      GmtCreateTime: o.GmtCreateTime,
      Info: outputInfo(o),
    })),
  );
  if (query.Name) outputs = outputs.filter((o) => o.Name === query.Name);
  if (query.Type) outputs = outputs.filter((o) => o.Type === query.Type);
  const desc = (query.Order ?? "ASC").toUpperCase() === "DESC";
  if (query.SortBy || desc) {
    const key = (query.SortBy ?? "GmtCreateTime") as "GmtCreateTime" | "Name";
    outputs.sort((a, b) => String(a[key]).localeCompare(String(b[key])) * (desc ? -1 : 1));
  }
  return { TotalCount: outputs.length, Outputs: outputs.slice((page - 1) * size, page * size) };
}

export async function previewOutput(
  svc: PaiflowService,
  runId: string,
  nodeId: string,
  outputName: string,
  query: Record<string, string>,
): Promise<Record<string, unknown>> {
  const limit = intParam(query.Limit, "Limit", 100, 1, 1000);
  const { node } = svc.node(runId, nodeId);
  if (!node) throw invalidParameter("NodeId", "preview needs a step's NodeId, not the run's root node");
  const output = node.Outputs.find((o) => o.Name === outputName);
  if (!output) {
    const names = node.Outputs.map((o) => o.Name).join(", ") || "none yet";
    throw new ApiError(
      404,
      "OutputNotFound",
      `Step ${node.Name} has no output "${outputName}" (outputs: ${names}).`,
    );
  }
  if (!output.table) throw invalidParameter("OutputName", `${outputName} is a ${output.Type}, not a table`);
  const relation = qualified(output.table.schema, output.table.name);
  return svc.warehouse.with(async (conn) => {
    let columns: Awaited<ReturnType<typeof describe>>;
    try {
      columns = await describe(conn, relation);
    } catch {
      // A reused output lives in the run that made it; deleting or rerunning that run drops it.
      const where = output.fromRun
        ? `run ${output.fromRun}, whose outputs were deleted or rerun`
        : "this run";
      throw new ApiError(404, "OutputNotFound", `The table of output "${outputName}" is gone from ${where}.`);
    }
    const reader = await conn.runAndReadAll(`SELECT * FROM ${relation} LIMIT ${limit}`);
    const total =
      output.rowCount ??
      Number((await conn.runAndReadAll(`SELECT count(*) FROM ${relation}`)).getRowsJS()[0]?.[0]);
    return {
      Columns: columns.map((c) => ({ Name: c.name, Type: c.type })),
      Rows: reader.getRowsJS().map((r) => r.map(jsonCell)),
      TotalCount: total,
    };
  });
}
