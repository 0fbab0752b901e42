/** What autosave writes of a pipeline: its label and its YAML, made from the editor's graph. */
import type { PipelineGraph } from "@pfd/shared";
import { type Msg, msg } from "../i18n/messages";
import { graphToYaml } from "../io/codec";
import type { PipelineSnapshot } from "./autosave";

/** What records saved before names were translated say for a pipeline with no name. */
const LEGACY_UNTITLED = "Untitled pipeline";

/** The label of a pipeline in the Recent list; empty when it has no name (the UI says "Untitled" in its language). */
export function pipelineName(meta: { name?: unknown; identifier?: unknown; displayName?: unknown }): string {
  for (const v of [meta.displayName, meta.name, meta.identifier]) {
    if (typeof v === "string" && v.trim() !== "" && v !== LEGACY_UNTITLED) return v.trim();
  }
  return "";
}

/** A saved pipeline's name for a notice: its label, or "Untitled pipeline" in the page's language. */
export function recordLabel(name: string): string | Msg {
  return pipelineName({ name }) || msg("pipeline.untitled");
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
