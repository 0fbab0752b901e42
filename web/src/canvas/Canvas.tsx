/**
 * The canvas: React Flow over a view derived from the store. Changes React Flow reports
 * (moves, selection, sizes, new connections) go back to the store as verbs; the store stays the
 * single source of truth.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  Panel,
  ReactFlow,
  type ReactFlowInstance,
  type ReactFlowState,
  useStore as useFlowStore,
  useReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/base.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { RunEdge } from "../run/RunEdge"; // run view (issue 5)
import { type EditorState, useEditor, useEditorApi } from "../store";
import "./canvas.css";
import { CanvasMiniMap } from "./CanvasMiniMap";
import { ContextMenu } from "./ContextMenu";
import { NoticeToast } from "./NoticeToast";
import { StepNode } from "./StepNode";
import { useEditorShortcuts } from "./shortcuts";
import { useCanvasHandlers } from "./useCanvasHandlers";
import { createViewDeriver } from "./view";

const GRID: [number, number] = [16, 16];
const FIT = { padding: 0.25, maxZoom: 1.2 };
// Props handed to React Flow are module constants or memoized: a new object or function on each
// render would update React Flow's store and re-render every node and edge wrapper with it.
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const PRO_OPTIONS = { hideAttribution: true };
const EDGE_DEFAULTS = { interactionWidth: 16 };
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
  dragPositions: s.dragPositions,
});

/** Zoomed far out, nodes drop shadows and detail: hundreds of them stay cheap to paint while panning. */
const selectLowDetail = (s: ReactFlowState) => s.transform[2] < 0.35;

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

  const lowDetail = useFlowStore(selectLowDetail);
  useEditorShortcuts(api);
  useFitOnLoad(api, flow);
  // Fit once at start when there is something to fit; an empty canvas keeps zoom 1, so the
  // first dropped step lands where it was dropped instead of the view jumping to frame it.
  const [fitAtStart] = useState(() => api.getState().graph.steps.length > 0);

  const handlers = useCanvasHandlers(api, flow, wrapper);

  return (
    <div className={lowDetail ? "canvas low-detail" : "canvas"} ref={wrapper}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        {...handlers}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        snapToGrid
        snapGrid={GRID}
        minZoom={0.05}
        maxZoom={2.5}
        fitView={fitAtStart}
        fitViewOptions={FIT}
        colorMode="system"
        proOptions={PRO_OPTIONS}
        defaultEdgeOptions={EDGE_DEFAULTS}
        aria-label="Pipeline canvas"
      >
        {/* Far out the dots would be a pixel apart: a dense pattern that costs every pan frame. */}
        {lowDetail ? null : <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1.2} />}
        <Controls showInteractive={false} position="bottom-left" />
        <Panel position="bottom-right">
          <CanvasMiniMap />
        </Panel>
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
