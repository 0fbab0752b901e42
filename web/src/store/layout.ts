/**
 * A layered left-to-right layout used when the store is given no `layout` (unit tests): each step
 * goes one column right of its deepest upstream step. The app passes shared's `autoLayout`.
 */
import type { PipelineGraph } from "@pfd/shared";

const COLUMN = 300;
const ROW = 110;

export function layeredLayout(graph: PipelineGraph): PipelineGraph {
  const byName = new Map(graph.steps.map((s) => [s.name, s]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    const step = byName.get(name);
    if (!step || visiting.has(name)) return 0;
    visiting.add(name);
    const ups = [...step.dependencies];
    for (const a of step.artifacts) if (a.binding.kind === "step") ups.push(a.binding.step);
    const d = ups.reduce((m, u) => (byName.has(u) ? Math.max(m, depthOf(u) + 1) : m), 0);
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  const rows = new Map<number, number>();
  const steps = graph.steps.map((s) => {
    const col = depthOf(s.name);
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    return { ...s, position: { x: col * COLUMN, y: row * ROW } };
  });
  return { ...graph, steps };
}
