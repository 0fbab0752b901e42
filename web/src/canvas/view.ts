/**
 * Derives React Flow nodes and edges from the domain graph. Selection, problems and measured
 * sizes are mixed in here and never stored in the graph. Each node and edge object is reused
 * while its inputs are unchanged, so React Flow re-renders only what changed: dragging one step
 * touches that node and its edges, not the other 999.
 */
import type { GraphStep, PipelineGraph, Position } from "@pfd/shared";
import type { Edge, Node } from "@xyflow/react";
import { indexOf, stepPorts, usedOutputsByStep } from "../store/components";
import { problemsByStep } from "../store/selectors";
import type { ComponentInfo, EditorState, PortInfo, Problem, Selection } from "../store/types";

export interface StepNodeData extends Record<string, unknown> {
  step: GraphStep;
  info: ComponentInfo | undefined;
  inputs: PortInfo[];
  outputs: PortInfo[];
  problems: readonly Problem[] | undefined;
}

export type StepNode = Node<StepNodeData, "step">;

export interface ViewInput {
  graph: PipelineGraph;
  selection: Selection;
  problems: readonly Problem[];
  components: readonly ComponentInfo[];
  measured: ReadonlyMap<string, { width: number; height: number }>;
  dragPositions: ReadonlyMap<string, Position> | null;
}

interface NodeEntry {
  step: GraphStep;
  selected: boolean;
  problems: readonly Problem[] | undefined;
  info: ComponentInfo | undefined;
  used: string;
  measured: { width: number; height: number } | undefined;
  position: Position;
  node: StepNode;
}

const NO_PROBLEMS: readonly Problem[] = [];
const ORIGIN: Position = { x: 0, y: 0 };

/** `<source>.<output>-><target>.<input>`, the id shared's `dataEdges` uses. */
function edgeIdOf(source: string, output: string, target: string, input: string): string {
  return `${source}.${output}->${target}.${input}`;
}

/** The inputs of the view derivation; shallow-compared, so unrelated store changes skip it. */
export const selectViewInput = (s: EditorState) => ({
  graph: s.graph,
  selection: s.selection,
  problems: s.problems,
  components: s.components,
  measured: s.measured,
  dragPositions: s.dragPositions,
});

/** A deriving function with its own cache: one per canvas. */
export function createViewDeriver() {
  let nodeCache = new Map<string, NodeEntry>();
  let edgeCache = new Map<string, Edge>();
  let lastNodes: StepNode[] = [];
  let lastEdges: Edge[] = [];

  function nodes(v: ViewInput): StepNode[] {
    const index = indexOf(v.components);
    const used = usedOutputsByStep(v.graph);
    const byStep = problemsByStep(v.problems);
    const selected = new Set(v.selection.steps);
    const next = new Map<string, NodeEntry>();
    let same = lastNodes.length === v.graph.steps.length;
    const out: StepNode[] = [];
    for (const [i, step] of v.graph.steps.entries()) {
      const entry = nodeCache.get(step.name);
      const isSelected = selected.has(step.name);
      const problems = byStep.get(step.name) ?? NO_PROBLEMS;
      const info = index.of(step);
      const usedKey = (used.get(step.name) ?? []).join(",");
      const measured = v.measured.get(step.name);
      const position = v.dragPositions?.get(step.name) ?? step.position ?? ORIGIN;
      const fresh =
        entry &&
        entry.step === step &&
        entry.selected === isSelected &&
        sameProblems(entry.problems, problems) &&
        entry.info === info &&
        entry.used === usedKey &&
        entry.measured === measured &&
        entry.position.x === position.x &&
        entry.position.y === position.y
          ? entry
          : makeEntry(
              step,
              isSelected,
              problems,
              info,
              used.get(step.name) ?? [],
              usedKey,
              measured,
              position,
            );
      next.set(step.name, fresh);
      out.push(fresh.node);
      same &&= lastNodes[i] === fresh.node;
    }
    nodeCache = next;
    if (same) return lastNodes;
    lastNodes = out;
    return out;
  }

  let edgesFor: { graph: PipelineGraph; selection: Selection } | null = null;

  function edges(v: ViewInput): Edge[] {
    // Edges depend on the graph and the selection only: a drag in flight changes neither.
    if (edgesFor && edgesFor.graph === v.graph && edgesFor.selection === v.selection) return lastEdges;
    edgesFor = { graph: v.graph, selection: v.selection };
    const selected = new Set(v.selection.edges);
    const next = new Map<string, Edge>();
    const out: Edge[] = [];
    let same = true;
    for (const step of v.graph.steps) {
      for (const a of step.artifacts) {
        if (a.binding.kind !== "step") continue;
        const id = edgeIdOf(a.binding.step, a.binding.output, step.name, a.name);
        const isSelected = selected.has(id);
        const cached = edgeCache.get(id);
        const edge =
          cached && Boolean(cached.selected) === isSelected
            ? cached
            : {
                id,
                source: a.binding.step,
                sourceHandle: a.binding.output,
                target: step.name,
                targetHandle: a.name,
                selected: isSelected,
                ariaLabel: `${a.binding.step}.${a.binding.output} to ${step.name}.${a.name}`,
              };
        same &&= lastEdges[out.length] === edge;
        out.push(edge);
        next.set(id, edge);
      }
    }
    edgeCache = next;
    if (same && out.length === lastEdges.length) return lastEdges;
    lastEdges = out;
    return out;
  }

  return { nodes, edges };
}

function sameProblems(a: readonly Problem[] | undefined, b: readonly Problem[]): boolean {
  if (a === b) return true;
  if (!a || a.length !== b.length) return false;
  return a.every((p, i) => p.code === b[i]?.code && p.message === b[i]?.message);
}

function makeEntry(
  step: GraphStep,
  selected: boolean,
  problems: readonly Problem[],
  info: ComponentInfo | undefined,
  usedOutputs: readonly string[],
  usedKey: string,
  measured: { width: number; height: number } | undefined,
  position: Position,
): NodeEntry {
  const { inputs, outputs } = stepPorts(step, info, usedOutputs);
  const node: StepNode = {
    id: step.name,
    type: "step",
    position,
    selected,
    ariaLabel: step.displayName ?? step.name,
    data: { step, info, inputs, outputs, problems: problems.length > 0 ? problems : undefined },
    ...(measured ? { measured } : {}),
  };
  return { step, selected, problems, info, used: usedKey, measured, position, node };
}
