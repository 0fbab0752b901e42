/**
 * Copy and paste of steps: what the clipboard holds, and pasting it with fresh step and display
 * names. Pure, like the rest of the graph operations.
 */
import { displayBase, freshDisplayName, freshStepName } from "./names";
import type { GraphStep, PipelineGraph, Position } from "./types";

/** What copy puts on the clipboard: the steps with the edges and dependencies among them. */
export interface StepClipboard {
  kind: "paiflow-designer/steps";
  steps: GraphStep[];
}

/** Copy steps, keeping only edges and dependencies between copied steps. */
export function copySteps(graph: PipelineGraph, names: Iterable<string>): StepClipboard {
  const chosen = new Set(names);
  const steps = graph.steps
    .filter((s) => chosen.has(s.name))
    .map((s) => ({
      ...s,
      artifacts: s.artifacts.filter((a) => a.binding.kind !== "step" || chosen.has(a.binding.step)),
      dependencies: s.dependencies.filter((d) => chosen.has(d)),
    }));
  return { kind: "paiflow-designer/steps", steps };
}

/** Paste copied steps with fresh step and display names, shifted by `offset`; returns the new names. */
export function pasteSteps(
  graph: PipelineGraph,
  clip: StepClipboard,
  offset: Position,
): { graph: PipelineGraph; names: string[] } {
  const names = graph.steps.map((s) => s.name);
  const displays = graph.steps.map((s) => s.displayName);
  const rename = new Map<string, string>();
  for (const s of clip.steps) {
    const fresh = freshStepName(names, s.name.replace(/_\d+$/, ""));
    names.push(fresh);
    rename.set(s.name, fresh);
  }
  const added = clip.steps.map((s): GraphStep => {
    const displayName = s.displayName ? freshDisplayName(displays, displayBase(s.displayName)) : undefined;
    displays.push(displayName);
    const artifacts = s.artifacts.map((a) =>
      a.binding.kind === "step"
        ? { ...a, binding: { ...a.binding, step: rename.get(a.binding.step) ?? a.binding.step } }
        : a,
    );
    const at = s.position ?? { x: 0, y: 0 };
    const step: GraphStep = {
      ...s,
      name: rename.get(s.name) ?? s.name,
      artifacts,
      dependencies: s.dependencies.map((d) => rename.get(d) ?? d),
      position: { x: at.x + offset.x, y: at.y + offset.y },
    };
    if (displayName !== undefined) step.displayName = displayName;
    return step;
  });
  return { graph: { ...graph, steps: [...graph.steps, ...added] }, names: added.map((s) => s.name) };
}

/** Duplicate steps next to themselves with fresh names. */
export function duplicateSteps(
  graph: PipelineGraph,
  names: Iterable<string>,
  offset: Position = { x: 40, y: 40 },
): { graph: PipelineGraph; names: string[] } {
  return pasteSteps(graph, copySteps(graph, names), offset);
}

/** Whether a value read from a clipboard is a step clipboard. */
export function isStepClipboard(value: unknown): value is StepClipboard {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as StepClipboard).kind === "paiflow-designer/steps" &&
    Array.isArray((value as StepClipboard).steps)
  );
}
