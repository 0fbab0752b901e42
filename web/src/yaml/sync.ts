/**
 * The YAML panel's two-way rules, as pure transitions (the hook in `useYamlSync` drives them):
 * - graph changed elsewhere: when the text has no unapplied edits, show the new YAML; otherwise
 *   keep every keystroke and only flag the conflict;
 * - text edited: when it reads and brings no new error, it becomes the graph (positions of
 *   unchanged steps kept); when not, its problems show and the graph stays as it was.
 */
import type { ComponentSpec, PipelineGraph, Problem } from "@pfd/shared";
import { graphTextProblems, graphToYaml, type ReadResult, readManifestText } from "../io/codec";

export interface SyncState {
  /** The editor's text. */
  text: string;
  /** The last text known to equal the graph (pushed from it or applied to it). */
  synced: string;
  /** Problems of `text`, with lines, from the last evaluation. */
  problems: readonly Problem[];
  /** The graph changed elsewhere while `text` held unapplied edits. */
  conflict: boolean;
}

export function initialSync(graph: PipelineGraph): SyncState {
  const text = graphToYaml(graph);
  return { text, synced: text, problems: [], conflict: false };
}

export const hasUnappliedEdits = (s: SyncState) => s.text !== s.synced;

/** The graph changed from the canvas, inspector, history or a load. */
export function graphChanged(s: SyncState, graph: PipelineGraph): SyncState {
  const text = graphToYaml(graph);
  if (text === s.synced && !hasUnappliedEdits(s)) return s;
  if (hasUnappliedEdits(s)) return { ...s, conflict: true };
  return { text, synced: text, problems: [], conflict: false };
}

/** Throws away the panel's edits for the graph's YAML. */
export function takeGraph(graph: PipelineGraph): SyncState {
  return initialSync(graph);
}

export function edited(s: SyncState, text: string): SyncState {
  return text === s.text ? s : { ...s, text };
}

export type Evaluation = { state: SyncState; apply?: PipelineGraph };

/**
 * Text pushed from the graph above this size gets no lint marks: they would cost a full parse and
 * validation after every canvas change, and the Problems list already shows the graph's problems.
 */
const LINT_SYNCED_TEXT_LIMIT = 200_000;

/** Checks the text; returns the graph to apply when the text is an acceptable edit. */
export function evaluate(
  s: SyncState,
  graph: PipelineGraph,
  components?: readonly ComponentSpec[],
): Evaluation {
  // Text pushed from the graph only needs its problems located; it is the graph already.
  if (!hasUnappliedEdits(s)) {
    if (s.text.length > LINT_SYNCED_TEXT_LIMIT)
      return { state: s.problems.length > 0 ? { ...s, problems: [] } : s };
    return { state: { ...s, problems: graphTextProblems(graph, components) } };
  }
  return settle(s, s.text, readManifestText(s.text, { previous: graph, components })) as Evaluation;
}

/**
 * The outcome of reading `text` (perhaps elsewhere, in a worker), or null when the editor has
 * moved on since and the result is stale.
 */
export function settle(s: SyncState, text: string, result: ReadResult): Evaluation | null {
  if (s.text !== text) return null;
  if (!result.ok) return { state: { ...s, problems: result.problems } };
  return {
    state: { text, synced: text, problems: result.problems, conflict: false },
    apply: result.graph,
  };
}
