/** Turns PAIFlow's answers into the designer's HTTP contract (shared/src/api). */
import type { PreviewResponse, RunDetail, RunSummary, StepOutput, StepStatus } from "@pfd/shared";
import type { z } from "zod";
import type { NodeOutputSchema, PipelineRun, PipelineRunNode, PreviewNodeOutputResultSchema } from "./types";

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

export function toRunSummary(run: PipelineRun): RunSummary {
  return {
    pipelineRunId: run.PipelineRunId,
    name: run.Name ?? run.PipelineRunId,
    status: run.Status ?? "Unknown",
    startedAt: orNull(run.StartedAt),
    finishedAt: orNull(run.FinishedAt),
    durationSec: durationOf(run),
    createdAt: orNull(run.GmtCreateTime),
    workspaceId: orNull(run.WorkspaceId),
    sourceType: orNull(run.SourceType),
    ...(run.Accessibility === "PUBLIC" || run.Accessibility === "PRIVATE"
      ? { accessibility: run.Accessibility }
      : {}),
  };
}

/** PAIFlow's Duration when given, else derived from the timestamps (a running run: until now). */
function durationOf(run: PipelineRun): number | null {
  if (typeof run.Duration === "number") return run.Duration;
  if (!run.StartedAt) return null;
  const start = Date.parse(run.StartedAt);
  const end = run.FinishedAt ? Date.parse(run.FinishedAt) : Date.now();
  return Number.isNaN(start) || Number.isNaN(end) ? null : Math.max(0, Math.round((end - start) / 1000));
}

/**
 * The run's steps, from its root node: each child of the root is one manifest step, named by
 * `Metadata.Name`. A Dag child (a nested pipeline) counts as one step; its own children are
 * internal to it.
 */
export function stepsOf(root: PipelineRunNode | undefined): StepStatus[] {
  const children = root?.Spec?.Pipelines ?? [];
  const steps: StepStatus[] = [];
  for (const node of children) {
    const stepName = node.Metadata?.Name;
    const nodeId = node.Metadata?.NodeId;
    if (!stepName || !nodeId) continue;
    const reused = node.StatusInfo?.ReusedFrom;
    steps.push({
      stepName,
      nodeId,
      status: node.StatusInfo?.Status ?? "Unknown",
      startedAt: orNull(node.StatusInfo?.StartedAt),
      finishedAt: orNull(node.StatusInfo?.FinishedAt),
      ...(reused
        ? {
            reusedFrom: { pipelineRunId: reused.PipelineRunId, stepName: reused.Name, nodeId: reused.NodeId },
          }
        : {}),
    });
  }
  return steps;
}

export function toRunDetail(
  run: PipelineRun,
  root: PipelineRunNode | undefined,
  consoleUrl: string | undefined,
): RunDetail {
  return {
    ...toRunSummary(run),
    message: run.Message ? run.Message : null,
    ...(consoleUrl ? { consoleUrl } : {}),
    steps: stepsOf(root),
  };
}

/** The PAI console page of a run. */
export function consoleUrlOf(
  regionId: string,
  workspaceId: string | null | undefined,
  runId: string,
): string {
  const ws = workspaceId ? `&workspaceId=${encodeURIComponent(workspaceId)}` : "";
  return `https://pai.console.aliyun.com/?regionId=${encodeURIComponent(regionId)}${ws}#/studio/task/detail/${encodeURIComponent(runId)}`;
}

export function toStepOutput(output: z.infer<typeof NodeOutputSchema>): StepOutput {
  return {
    id: output.Id,
    name: output.Name,
    type: orNull(output.Type),
    nodeId: orNull(output.NodeId),
    producer: orNull(output.Producer),
    createdAt: orNull(output.GmtCreateTime),
    info: output.Info ?? null,
  };
}

/** Rows may come as arrays or as records; the contract wants arrays in column order. */
export function toPreview(result: z.infer<typeof PreviewNodeOutputResultSchema>): PreviewResponse {
  const columns = result.Columns.map((column) => ({ name: column.Name, type: column.Type }));
  const rows = result.Rows.map((row) => {
    if (Array.isArray(row)) return row;
    if (typeof row === "object" && row !== null) {
      const record = row as Record<string, unknown>;
      return columns.map((column) => record[column.name] ?? null);
    }
    return [row];
  });
  return { columns, rows, totalCount: result.TotalCount ?? rows.length };
}
