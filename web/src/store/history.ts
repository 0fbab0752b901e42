/**
 * Undo history of the graph. Graphs are immutable and share unchanged steps, so a snapshot per
 * change is cheap. Typing in one field coalesces into one entry, so undo does not go letter by letter.
 */
import type { PipelineGraph } from "@pfd/shared";

const HISTORY_LIMIT = 200;
const COALESCE_MS = 1500;

export interface History {
  past: readonly PipelineGraph[];
  future: readonly PipelineGraph[];
}

export interface CoalesceMark {
  key: string;
  at: number;
}

/** The history after `before` is replaced by a new graph; `null` when the change coalesces. */
export function pushHistory(
  h: History,
  before: PipelineGraph,
  coalesce: CoalesceMark | undefined,
  last: CoalesceMark | null,
): History | null {
  if (coalesce && last && last.key === coalesce.key && coalesce.at - last.at < COALESCE_MS) return null;
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(1 - HISTORY_LIMIT) : h.past;
  return { past: [...past, before], future: [] };
}

export function undoHistory(
  h: History,
  current: PipelineGraph,
): { history: History; graph: PipelineGraph } | null {
  const graph = h.past.at(-1);
  if (!graph) return null;
  return { graph, history: { past: h.past.slice(0, -1), future: [current, ...h.future] } };
}

export function redoHistory(
  h: History,
  current: PipelineGraph,
): { history: History; graph: PipelineGraph } | null {
  const graph = h.future[0];
  if (!graph) return null;
  return { graph, history: { past: [...h.past, current], future: h.future.slice(1) } };
}
