/**
 * Copy and paste of steps: what the clipboard holds, and pasting it with fresh step and display
 * names. Pure, like the rest of the graph operations.
 */
import { z } from "zod";
import { checkTextSize } from "../manifest/size";
import { displayBase, freshDisplayName, freshStepName } from "./names";
import type { GraphStep, PipelineGraph, Position } from "./types";
import { isObject } from "./util";

const CLIPBOARD_KIND = "paiflow-designer/steps";

/** What copy puts on the clipboard: the steps with the edges and dependencies among them. */
export interface StepClipboard {
  kind: typeof CLIPBOARD_KIND;
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
  return { kind: CLIPBOARD_KIND, steps };
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

/** The most steps one paste may add: the designer's scale, far above any hand-made selection. */
const MAX_PASTED_STEPS = 5000;

const name = z.string().min(1).max(256);
const mapping = z.record(z.string(), z.unknown());
const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
const ComponentRefSchema = z.object({
  provider: z.string().optional(),
  version: z.string().optional(),
  identifier: z.string().optional(),
  guid: z.string().optional(),
});
const ParamArgSchema = z.object({
  name: z.string(),
  binding: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("value"), value: z.unknown() }),
    z.object({ kind: z.literal("input"), input: name }),
    z.object({ kind: z.literal("ref"), from: z.string() }),
  ]),
  extra: mapping.optional(),
});
const ArtifactArgSchema = z.object({
  name: z.string(),
  binding: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("step"), step: name, output: name }),
    z.object({ kind: z.literal("value"), value: z.unknown() }),
    z.object({ kind: z.literal("input"), input: name }),
    z.object({ kind: z.literal("ref"), from: z.string() }),
  ]),
  extra: mapping.optional(),
});
const GraphStepSchema = z.object({
  name,
  displayName: z.string().max(1024).optional(),
  component: ComponentRefSchema,
  parameters: z.array(ParamArgSchema),
  artifacts: z.array(ArtifactArgSchema),
  dependencies: z.array(name),
  position: PositionSchema.optional(),
  // The step document as read, kept verbatim: only its shape is checked (export reads it defensively).
  raw: z.looseObject({ apiVersion: z.string().optional(), metadata: mapping, spec: mapping.optional() }),
});

/**
 * What a clipboard may hold, checked before any of it touches a graph: steps of the designer's
 * graph shape, whose edges and dependencies stay among the copied steps (as `copySteps` leaves them).
 */
const StepClipboardSchema = z
  .object({ kind: z.literal(CLIPBOARD_KIND), steps: z.array(GraphStepSchema).min(1).max(MAX_PASTED_STEPS) })
  .superRefine((clip, ctx) => {
    const names = new Set(clip.steps.map((s) => s.name));
    if (names.size < clip.steps.length)
      ctx.addIssue({ code: "custom", message: "two steps have the same name", path: ["steps"] });
    clip.steps.forEach((s, i) => {
      s.dependencies.forEach((d, j) => {
        if (!names.has(d))
          ctx.addIssue({
            code: "custom",
            message: `depends on ${d}, which is not pasted`,
            path: ["steps", i, "dependencies", j],
          });
      });
      s.artifacts.forEach((a, j) => {
        if (a.binding.kind === "step" && !names.has(a.binding.step))
          ctx.addIssue({
            code: "custom",
            message: `reads ${a.binding.step}, which is not pasted`,
            path: ["steps", i, "artifacts", j, "binding", "step"],
          });
      });
    });
  });

/** Pasted text: steps to paste, steps refused (with the reason), or something that is not steps at all. */
type ClipboardText =
  | { kind: "steps"; clip: StepClipboard }
  | {
      kind: "refused";
      /** `too-large`, `invalid-json` (`detail`: the parser's words) or `invalid-steps` (`path`, and `detail` naming it). */
      code: "too-large" | "invalid-json" | "invalid-steps";
      reason: string;
      params: Record<string, string | number | boolean>;
    }
  | { kind: "other" };

/**
 * Reads pasted text. Text claiming to be steps (JSON of kind `paiflow-designer/steps`) is checked
 * against the schema, and refused whole with the first reason when anything is off; other text
 * (YAML, someone else's JSON) is left to whoever else handles a paste.
 */
export function readClipboardText(text: string): ClipboardText {
  if (!text.trimStart().startsWith("{") || !text.includes(CLIPBOARD_KIND)) return { kind: "other" };
  const tooLarge = checkTextSize(text, undefined, "pasted text");
  if (tooLarge)
    return { kind: "refused", code: "too-large", reason: tooLarge.message, params: tooLarge.params ?? {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // It says it is steps, so it is a broken copy, not someone else's text.
    const detail = e instanceof Error ? e.message : String(e);
    return {
      kind: "refused",
      code: "invalid-json",
      reason: `not valid JSON (${detail})`,
      params: { detail },
    };
  }
  if (!isObject(value) || value.kind !== CLIPBOARD_KIND) return { kind: "other" };
  const parsed = StepClipboardSchema.safeParse(value);
  if (parsed.success) return { kind: "steps", clip: parsed.data as StepClipboard };
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  // The schema's own words, where first: technical text a translation shows as it is.
  const detail = `${path ? `${path}: ` : ""}${issue?.message ?? "not a list of steps"}`;
  return { kind: "refused", code: "invalid-steps", reason: detail, params: { path, detail } };
}
