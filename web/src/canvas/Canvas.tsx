/**
 * The canvas: React Flow over a view derived from the store. Changes React Flow reports
 * (moves, selection, sizes, new connections) go back to the store as verbs; the store stays the
 * single source of truth.
 */
import type { Position as XY } from "@pfd/shared";
import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
  useReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/base.css";
import {
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useShallow } from "zustand/react/shallow";
import { COMPONENT_MIME } from "../palette/dnd";
import { RunEdge } from "../run/RunEdge"; // run view (issue 5)
import { type EditorState, useEditor, useEditorApi } from "../store";
import "./canvas.css";
import { ContextMenu } from "./ContextMenu";
import { NoticeToast } from "./NoticeToast";
import { StepNode } from "./StepNode";
import { useEditorShortcuts } from "./shortcuts";
import { createViewDeriver, type StepNodeData, type StepNode as StepNodeType } from "./view";

export const NODE_WIDTH = 240;
const GRID: [number, number] = [16, 16];
const FIT = { padding: 0.25, maxZoom: 1.2 };
const nodeTypes = { step: StepNode };
// run view (issue 5): the default edge, animated while its target step runs.
const edgeTypes = { default: RunEdge };

/** The inputs of the view derivation; shallow-compared, so unrelated store changes skip it. */
const selectViewInput = (s: EditorState) => ({
  graph: s.graph,
  selection: s.selection,
  problems: s.problems,
  components: s.components,
  measured: s.measured,
});

const minimapColor = (n: Node) =>
  (n.data as StepNodeData).problems?.some((p) => p.severity === "error") ? "var(--danger)" : "var(--accent)";

/** Frame the whole pipeline when one is loaded (import, template, restore), once its nodes are measured. */
function useFitOnLoad(api: ReturnType<typeof useEditorApi>, flow: ReactFlowInstance) {
  useEffect(
    () =>
      api.subscribe((s, prev) => {
        if (s.revision === prev.revision || s.lastChange !== "load") return;
        requestAnimationFrame(() => requestAnimationFrame(() => flow.fitView(FIT)));
      }),
    [api, flow],
  );
}

export default function Canvas() {
  const api = useEditorApi();
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const derive = useMemo(createViewDeriver, []);
  const input = useEditor(useShallow(selectViewInput));
  const nodes = useMemo(() => derive.nodes(input), [derive, input]);
  const edges = useMemo(() => derive.edges(input), [derive, input]);

  useEditorShortcuts(api);
  useFitOnLoad(api, flow);
  // Fit once at start when there is something to fit; an empty canvas keeps zoom 1, so the
  // first dropped step lands where it was dropped instead of the view jumping to frame it.
  const [fitAtStart] = useState(() => api.getState().graph.steps.length > 0);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNodeType>[]) => {
      const s = api.getState();
      const moves = new Map<string, XY>();
      const sizes = new Map<string, { width: number; height: number }>();
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === "position" && c.position) moves.set(c.id, c.position);
        else if (c.type === "dimensions" && c.dimensions) sizes.set(c.id, c.dimensions);
        else if (c.type === "select") {
          selection ??= new Set(s.selection.steps);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (moves.size > 0) s.moveSteps(moves);
      if (sizes.size > 0) s.setMeasured(sizes);
      if (selection) s.select({ steps: [...selection], edges: s.selection.edges }, "replace");
    },
    [api],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const s = api.getState();
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== "select") continue;
        selection ??= new Set(s.selection.edges);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      }
      if (selection) s.select({ steps: s.selection.steps, edges: [...selection] }, "replace");
    },
    [api],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.sourceHandle || !c.targetHandle) return;
      api.getState().connect({
        source: c.source,
        sourceOutput: c.sourceHandle,
        target: c.target,
        targetInput: c.targetHandle,
      });
    },
    [api],
  );

  const updateCentre = useCallback(() => {
    const rect = wrapper.current?.getBoundingClientRect();
    if (!rect) return;
    const p = flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    api.getState().setViewCentre({ x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - 32) });
  }, [api, flow]);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const key = e.dataTransfer.getData(COMPONENT_MIME);
      if (!key) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      api.getState().addComponent(key, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - 32) });
    },
    [api, flow],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(COMPONENT_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    }
  }, []);

  const menuAt = useCallback(
    (e: ReactMouseEvent | MouseEvent) => ({
      x: e.clientX,
      y: e.clientY,
      flow: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }),
    }),
    [flow],
  );

  return (
    <div className="canvas" ref={wrapper}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onDrop={onDrop}
        onDragOver={onDragOver}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={() => api.getState().beginGesture()}
        onNodeDragStop={() => api.getState().endGesture()}
        onSelectionDragStart={() => api.getState().beginGesture()}
        onSelectionDragStop={() => api.getState().endGesture()}
        onInit={updateCentre}
        onMoveEnd={updateCentre}
        onPaneClick={() => api.getState().openContextMenu(null)}
        onNodeContextMenu={(e, node) => {
          e.preventDefault();
          const s = api.getState();
          if (!s.selection.steps.includes(node.id)) s.select({ steps: [node.id] });
          s.openContextMenu({ kind: "node", step: node.id, ...menuAt(e) });
        }}
        onEdgeContextMenu={(e, edge) => {
          e.preventDefault();
          api.getState().select({ edges: [edge.id] });
          api.getState().openContextMenu({ kind: "edge", edge: edge.id, ...menuAt(e) });
        }}
        onPaneContextMenu={(e) => {
          e.preventDefault();
          api.getState().openContextMenu({ kind: "pane", ...menuAt(e) });
        }}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Shift", "Meta", "Control"]}
        snapToGrid
        snapGrid={GRID}
        minZoom={0.05}
        maxZoom={2.5}
        fitView={fitAtStart}
        fitViewOptions={FIT}
        colorMode="system"
        proOptions={{ hideAttribution: true }}
        defaultEdgeOptions={{ interactionWidth: 16 }}
        aria-label="Pipeline canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1.2} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} position="bottom-right" />
      </ReactFlow>
      <ContextMenu />
      <NoticeToast />
      {nodes.length === 0 ? (
        <div className="canvas-empty" aria-hidden="true">
          <strong>Drag a component here</strong>
          <span>or focus one in the palette and press Enter</span>
        </div>
      ) : null}
    </div>
  );
}
