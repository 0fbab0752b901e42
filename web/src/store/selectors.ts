/**
 * Selectors, declared once at module level so their identity is stable. Those returning derived
 * arrays are used with `useShallow` or memoized on the slice they read.
 */
import type { GraphStep, Problem } from "@pfd/shared";
import type { EditorState } from "./types";

export const selectGraph = (s: EditorState) => s.graph;
export const selectMetadata = (s: EditorState) => s.graph.metadata;
export const selectInputs = (s: EditorState) => s.graph.inputs;
export const selectOutputs = (s: EditorState) => s.graph.outputs;
export const selectSelection = (s: EditorState) => s.selection;
export const selectComponents = (s: EditorState) => s.components;
export const selectProblems = (s: EditorState) => s.problems;
export const selectSchemas = (s: EditorState) => s.schemas;
export const selectNotice = (s: EditorState) => s.notice;
export const selectContextMenu = (s: EditorState) => s.contextMenu;
export const selectCanUndo = (s: EditorState) => s.past.length > 0 && !s.readOnly;
export const selectCanRedo = (s: EditorState) => s.future.length > 0 && !s.readOnly;
export const selectReadOnly = (s: EditorState) => s.readOnly !== null;
export const selectDirty = (s: EditorState) => s.dirty;
export const selectRevision = (s: EditorState) => s.revision;
export const selectStepCount = (s: EditorState) => s.graph.steps.length;

/** The single selected step, or null when none or several are selected. */
export const selectSelectedStep = (s: EditorState): GraphStep | null => {
  if (s.selection.steps.length !== 1) return null;
  const name = s.selection.steps[0];
  return s.graph.steps.find((st) => st.name === name) ?? null;
};

const problemsCache = new WeakMap<readonly Problem[], Map<string, Problem[]>>();

/** Problems grouped by step name (cached per problems array). */
export function problemsByStep(problems: readonly Problem[]): Map<string, Problem[]> {
  let byStep = problemsCache.get(problems);
  if (!byStep) {
    byStep = new Map();
    for (const p of problems) {
      if (!p.location.step) continue;
      const list = byStep.get(p.location.step) ?? [];
      list.push(p);
      byStep.set(p.location.step, list);
    }
    problemsCache.set(problems, byStep);
  }
  return byStep;
}
