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
  useStoreApi as useFlowStoreApi,
  useReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/base.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { type Translator, useT } from "../i18n";
import { RunEdge } from "../run/RunEdge"; // run view (issue 5)
import { selectReadOnly, useEditor, useEditorApi } from "../store";
import "./canvas.css";
import { CanvasMiniMap } from "./CanvasMiniMap";
import { ContextMenu } from "./ContextMenu";
import { createPortKeys, PortKeysContext, type PortKeysState } from "./keyboardConnect";
import { useMenuKey } from "./menuKey";
import { NoticeToast } from "./NoticeToast";
import { FIT, LOW_DETAIL_ZOOM, openingViewport } from "./openView";
import { StepNode } from "./StepNode";
import { useEditorShortcuts } from "./shortcuts";
import { useCanvasHandlers } from "./useCanvasHandlers";
import { createViewDeriver, selectViewInput } from "./view";

const GRID: [number, number] = [16, 16];
// Props handed to React Flow are module constants or memoized: a new object or function on each
// render would update React Flow's store and re-render every node and edge wrapper with it.
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const PRO_OPTIONS = { hideAttribution: true };
const EDGE_DEFAULTS = { interactionWidth: 16 };
const nodeTypes = { step: StepNode };
// run view (issue 5): the default edge, animated while its target step runs.
const edgeTypes = { default: RunEdge };

/**
 * Above this many steps only the steps and connections in view are drawn (React Flow's
 * onlyRenderVisibleElements): thousands of nodes in the page make every frame of a pan slow,
 * while a smaller pipeline keeps every node in the page (Tab and find-in-page reach them all).
 */
const DRAW_IN_VIEW_ABOVE = 2000;

/** React Flow's own accessible names and descriptions, in the page's language. */
function flowLabels(t: Translator) {
  return {
    "node.a11yDescription.default": t("flow.nodeDescription"),
    "node.a11yDescription.keyboardDisabled": t("flow.nodeDescriptionKeyboard"),
    "node.a11yDescription.ariaLiveMessage": ({
      direction,
      x,
      y,
    }: {
      direction: string;
      x: number;
      y: number;
    }) => t("flow.nodeMoved", { direction, x, y }),
    "edge.a11yDescription.default": t("flow.edgeDescription"),
    "controls.ariaLabel": t("flow.controls"),
    "controls.zoomIn.ariaLabel": t("flow.zoomIn"),
    "controls.zoomOut.ariaLabel": t("flow.zoomOut"),
    "controls.fitView.ariaLabel": t("flow.fitView"),
    "controls.interactive.ariaLabel": t("flow.interactive"),
    "minimap.ariaLabel": t("flow.minimap"),
    "handle.ariaLabel": t("flow.handle"),
  };
}

/** Zoomed far out, nodes drop shadows and detail: hundreds of them stay cheap to paint while panning. */
const selectLowDetail = (s: ReactFlowState) => s.transform[2] < LOW_DETAIL_ZOOM;

const selectConnectingSide = (s: PortKeysState) => s.from?.side ?? null;
const selectPortMessage = (s: PortKeysState) => s.message;

type FlowStoreApi = ReturnType<typeof useFlowStoreApi>;

/** Frame a just-opened pipeline: whole if it reads at that zoom, else its start (see openView). */
function frameOpened(flow: ReactFlowInstance, flowStore: FlowStoreApi) {
  const nodes = flow.getNodes();
  if (nodes.length === 0) return;
  const { width, height } = flowStore.getState();
  void flow.setViewport(openingViewport(flow.getNodesBounds(nodes), width, height));
}

/**
 * Frame a pipeline when one is opened (import, template, reopen), once its nodes are measured; a
 * newer version of the same one from another tab keeps the view.
 */
function useFitOnLoad(
  api: ReturnType<typeof useEditorApi>,
  flow: ReactFlowInstance,
  flowStore: FlowStoreApi,
) {
  useEffect(
    () =>
      api.events.on("graphLoaded", ({ reason }) => {
        if (reason === "refresh") return;
        requestAnimationFrame(() => requestAnimationFrame(() => frameOpened(flow, flowStore)));
      }),
    [api, flow, flowStore],
  );
}

const allMeasured = (s: ReactFlowState) => {
  if (s.nodeLookup.size === 0 || s.width === 0) return false;
  for (const n of s.nodeLookup.values()) if (!n.measured.width) return false;
  return true;
};

/**
 * The same framing for the pipeline restored at start, as soon as its nodes are measured. A
 * store subscription dropped once done, not a hook: a hook's selector would walk every node on
 * every pan frame for the life of the canvas.
 */
function useFitAtStart(flow: ReactFlowInstance, flowStore: FlowStoreApi, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    if (allMeasured(flowStore.getState())) {
      frameOpened(flow, flowStore);
      return;
    }
    const unsubscribe = flowStore.subscribe((s) => {
      if (!allMeasured(s)) return;
      unsubscribe();
      frameOpened(flow, flowStore);
    });
    return unsubscribe;
  }, [enabled, flow, flowStore]);
}

export default function Canvas() {
  const api = useEditorApi();
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const t = useT();
  // A new language re-derives the view: edges carry accessible names in it.
  const derive = useMemo(() => createViewDeriver(t), [t]);
  const ariaLabels = useMemo(() => flowLabels(t), [t]);
  const input = useEditor(useShallow(selectViewInput));
  const nodes = useMemo(() => derive.nodes(input), [derive, input]);
  const edges = useMemo(() => derive.edges(input), [derive, input]);

  // Read-only (open in another tab): steps can be selected and inspected, not moved or wired.
  const readOnly = useEditor(selectReadOnly);
  const lowDetail = useFlowStore(selectLowDetail);
  const flowStore = useFlowStoreApi();
  useEditorShortcuts(api);
  useFitOnLoad(api, flow, flowStore);
  // Frame once at start when there is something to frame; an empty canvas keeps zoom 1, so the
  // first dropped step lands where it was dropped instead of the view jumping to frame it.
  const [fitAtStart] = useState(() => api.getState().graph.steps.length > 0);
  useFitAtStart(flow, flowStore, fitAtStart);

  const handlers = useCanvasHandlers(api, flow, wrapper);
  useMenuKey(api, flow, wrapper);
  const portKeys = useMemo(() => createPortKeys(api, flow, wrapper), [api, flow]);
  const connecting = useStore(portKeys.state, selectConnectingSide);
  const portMessage = useStore(portKeys.state, selectPortMessage);

  return (
    <div
      className={`canvas${lowDetail ? " low-detail" : ""}${readOnly ? " read-only" : ""}${connecting ? ` kb-connecting-from-${connecting}` : ""}`}
      ref={wrapper}
    >
      <PortKeysContext.Provider value={readOnly ? null : portKeys}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          {...handlers}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          snapToGrid
          snapGrid={GRID}
          onlyRenderVisibleElements={nodes.length > DRAW_IN_VIEW_ABOVE}
          minZoom={0.05}
          maxZoom={2.5}
          colorMode="system"
          proOptions={PRO_OPTIONS}
          defaultEdgeOptions={EDGE_DEFAULTS}
          aria-label={t("canvas.label")}
          ariaLabelConfig={ariaLabels}
          // Focusable itself, so the keyboard reaches the canvas's own menu (Shift+F10, menuKey.ts).
          tabIndex={0}
        >
          {/* Far out the dots would be a pixel apart: a dense pattern that costs every pan frame. */}
          {lowDetail ? null : <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1.2} />}
          <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT} />
          <Panel position="bottom-right">
            <CanvasMiniMap />
          </Panel>
        </ReactFlow>
      </PortKeysContext.Provider>
      <div className="sr-only" aria-live="polite">
        {portMessage ? t.msg(portMessage) : null}
      </div>
      <ContextMenu />
      <NoticeToast />
      {nodes.length === 0 && !readOnly ? (
        <div className="canvas-empty" aria-hidden="true">
          <strong>{t("canvas.emptyTitle")}</strong>
          <span>{t("canvas.emptyHint")}</span>
        </div>
      ) : null}
    </div>
  );
}
