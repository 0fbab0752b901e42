/** What autosave writes of a pipeline: its label and its YAML, made from the editor's graph. */
import type { PipelineGraph } from "@pfd/shared";
import { graphToYaml } from "../io/codec";
import type { PipelineSnapshot } from "./autosave";
import type { DraftLink } from "./record";

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
  draft: DraftLink | null = null,
): PipelineSnapshot {
  return {
    id,
    createdAt,
    // A draft is known by its name in PAI, whatever its manifest says.
    name: draft?.name ?? pipelineName(graph.metadata),
    yaml: graphToYaml(graph),
    stepCount: graph.steps.length,
    dirty,
    ...(draft ? { draft } : {}),
  };
}
