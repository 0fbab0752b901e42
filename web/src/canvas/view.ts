/**
 * Derives React Flow nodes and edges from the domain graph. Selection, problems and measured
 * sizes are mixed in here and never stored in the graph. Each node and edge object is reused
 * while its inputs are unchanged, so React Flow re-renders only what changed: dragging one step
 * touches that node and its edges, not the other 999.
 */
import {
  type ComponentSpec,
  componentLookup,
  edgesInto,
  type GraphStep,
  type PipelineGraph,
  type PortSpec,
  type Position,
  type Problem,
  referencedOutputsByStep,
  stepPorts,
} from "@pfd/shared";
import type { Edge, Node } from "@xyflow/react";
import type { Translator } from "../i18n";
import { problemsByStep } from "../store/selectors";
import type { EditorState, Selection } from "../store/types";

export interface StepNodeData extends Record<string, unknown> {
  step: GraphStep;
  /** The step's component; undefined when the components do not know it. */
  component: ComponentSpec | undefined;
  inputs: PortSpec[];
  outputs: PortSpec[];
  problems: readonly Problem[] | undefined;
}

export type StepNode = Node<StepNodeData, "step">;

export interface ViewInput {
  graph: PipelineGraph;
  selection: Selection;
  problems: readonly Problem[];
  components: readonly ComponentSpec[];
  measured: ReadonlyMap<string, { width: number; height: number }>;
  dragPositions: ReadonlyMap<string, Position> | null;
}

interface NodeEntry {
  step: GraphStep;
  selected: boolean;
  problems: readonly Problem[] | undefined;
  component: ComponentSpec | undefined;
  used: string;
  measured: { width: number; height: number } | undefined;
  position: Position;
  node: StepNode;
}

const NO_PROBLEMS: readonly Problem[] = [];
const ORIGIN: Position = { x: 0, y: 0 };

/** The inputs of the view derivation; shallow-compared, so unrelated store changes skip it. */
export const selectViewInput = (s: EditorState) => ({
  graph: s.graph,
  selection: s.selection,
  problems: s.problems,
  components: s.components,
  measured: s.measured,
  dragPositions: s.dragPositions,
});

/** A deriving function with its own cache: one per canvas and language (`t` names the edges). */
export function createViewDeriver(t: Translator) {
  let nodeCache = new Map<string, NodeEntry>();
  let edgeCache = new Map<string, Edge>();
  let lastNodes: StepNode[] = [];
  let lastEdges: Edge[] = [];

  function nodes(v: ViewInput): StepNode[] {
    const lookup = componentLookup(v.components);
    const used = referencedOutputsByStep(v.graph);
    const byStep = problemsByStep(v.problems);
    const selected = new Set(v.selection.steps);
    const next = new Map<string, NodeEntry>();
    let same = lastNodes.length === v.graph.steps.length;
    const out: StepNode[] = [];
    for (const [i, step] of v.graph.steps.entries()) {
      const entry = nodeCache.get(step.name);
      const isSelected = selected.has(step.name);
      const problems = byStep.get(step.name) ?? NO_PROBLEMS;
      const component = lookup.of(step.component);
      const usedKey = (used.get(step.name) ?? []).join(",");
      const measured = v.measured.get(step.name);
      const position = v.dragPositions?.get(step.name) ?? step.position ?? ORIGIN;
      const fresh =
        entry &&
        entry.step === step &&
        entry.selected === isSelected &&
        sameProblems(entry.problems, problems) &&
        entry.component === component &&
        entry.used === usedKey &&
        entry.measured === measured &&
        entry.position.x === position.x &&
        entry.position.y === position.y
          ? entry
          : makeEntry(
              entry,
              step,
              isSelected,
              problems,
              component,
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
      for (const e of edgesInto(step)) {
        const isSelected = selected.has(e.id);
        const cached = edgeCache.get(e.id);
        const edge =
          cached && Boolean(cached.selected) === isSelected
            ? cached
            : {
                id: e.id,
                source: e.source,
                sourceHandle: e.sourceOutput,
                target: e.target,
                targetHandle: e.targetInput,
                selected: isSelected,
                ariaLabel: t("canvas.edge", {
                  source: e.source,
                  output: e.sourceOutput,
                  target: e.target,
                  input: e.targetInput,
                }),
              };
        same &&= lastEdges[out.length] === edge;
        out.push(edge);
        next.set(e.id, edge);
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

/**
 * A node for a step's new view inputs. Its `data` is the previous one's while the step, its
 * component, used outputs and problems are unchanged: a measured size, a move or a selection
 * then re-renders React Flow's wrapper only, not the step's own (memoised) component, so the
 * sizes measured after a large pipeline opens do not draw all its steps a second time.
 */
function makeEntry(
  previous: NodeEntry | undefined,
  step: GraphStep,
  selected: boolean,
  problems: readonly Problem[],
  component: ComponentSpec | undefined,
  usedOutputs: readonly string[],
  usedKey: string,
  measured: { width: number; height: number } | undefined,
  position: Position,
): NodeEntry {
  const data =
    previous &&
    previous.step === step &&
    previous.component === component &&
    previous.used === usedKey &&
    sameProblems(previous.problems, problems)
      ? previous.node.data
      : {
          step,
          component,
          ...stepPorts(step, component, usedOutputs),
          problems: problems.length > 0 ? problems : undefined,
        };
  const node: StepNode = {
    id: step.name,
    type: "step",
    position,
    selected,
    ariaLabel: step.displayName ?? step.name,
    data,
    ...(measured ? { measured } : {}),
  };
  return { step, selected, problems, component, used: usedKey, measured, position, node };
}
