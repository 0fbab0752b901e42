/** What autosave writes of a pipeline: its label and its YAML, made from the editor's graph. */
import type { PipelineGraph } from "@pfd/shared";
import { graphToYaml } from "../io/codec";
import type { PipelineSnapshot } from "./autosave";

const UNTITLED = "Untitled pipeline";

/** The label of a pipeline in the Recent list. */
export function pipelineName(meta: { name?: unknown; identifier?: unknown; displayName?: unknown }): string {
  for (const v of [meta.displayName, meta.name, meta.identifier]) {
    if (typeof v === "string" && v.trim() !== "") return v.trim();
  }
  return UNTITLED;
}

export function snapshot(
  id: string,
  createdAt: number,
  graph: PipelineGraph,
  dirty: boolean,
): PipelineSnapshot {
  return {
    id,
    createdAt,
    name: pipelineName(graph.metadata),
    yaml: graphToYaml(graph),
    stepCount: graph.steps.length,
    dirty,
  };
}
