/**
 * React Flow's event props, turned into store verbs. Made once per canvas (stable identities), so
 * handing them to React Flow never re-renders its node and edge wrappers.
 */
import { NODE_SIZE, type Position as XY } from "@pfd/shared";
import type { Connection, EdgeChange, NodeChange, ReactFlowInstance } from "@xyflow/react";
import { type DragEvent, type MouseEvent as ReactMouseEvent, type RefObject, useMemo } from "react";
import { COMPONENT_MIME } from "../palette/dnd";
import type { EditorStore } from "../store";
import type { StepNode } from "./view";

/** Where a step centred on `p` has its top-left corner (the store places steps by their corner). */
function cornerAt(p: XY): XY {
  return { x: Math.round(p.x - NODE_SIZE.width / 2), y: Math.round(p.y - NODE_SIZE.minHeight / 2) };
}

export function useCanvasHandlers(
  api: EditorStore,
  flow: ReactFlowInstance,
  wrapper: RefObject<HTMLDivElement | null>,
) {
  return useMemo(() => {
    const menuAt = (e: ReactMouseEvent | MouseEvent) => ({
      x: e.clientX,
      y: e.clientY,
      flow: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }),
    });
    const updateCentre = () => {
      const rect = wrapper.current?.getBoundingClientRect();
      if (!rect) return;
      const p = flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      api.getState().setViewCentre(cornerAt(p));
    };
    const endDrag = () => api.getState().endDrag();

    return {
      onNodesChange(changes: NodeChange<StepNode>[]) {
        const s = api.getState();
        const moves = new Map<string, XY>();
        const drags = new Map<string, XY>();
        const sizes = new Map<string, { width: number; height: number }>();
        let selection: Set<string> | null = null;
        for (const c of changes) {
          if (c.type === "position" && c.position) (c.dragging ? drags : moves).set(c.id, c.position);
          else if (c.type === "dimensions" && c.dimensions) sizes.set(c.id, c.dimensions);
          else if (c.type === "select") {
            selection ??= new Set(s.selection.steps);
            if (c.selected) selection.add(c.id);
            else selection.delete(c.id);
          }
        }
        if (drags.size > 0) s.dragSteps(drags);
        if (moves.size > 0) {
          // The last position of a drag arrives with dragging: false; it ends the drag.
          if (s.dragPositions) {
            s.dragSteps(moves);
            s.endDrag();
          } else s.moveSteps(moves);
        }
        if (sizes.size > 0) s.setMeasured(sizes);
        if (selection) s.select({ steps: [...selection], edges: s.selection.edges }, "replace");
      },

      onEdgesChange(changes: EdgeChange[]) {
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

      onConnect(c: Connection) {
        if (!c.sourceHandle || !c.targetHandle) return;
        api.getState().connect({
          source: c.source,
          sourceOutput: c.sourceHandle,
          target: c.target,
          targetInput: c.targetHandle,
        });
      },

      onDrop(e: DragEvent) {
        const key = e.dataTransfer.getData(COMPONENT_MIME);
        if (!key) return;
        e.preventDefault();
        const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
        api.getState().addComponent(key, cornerAt(p));
      },

      onDragOver(e: DragEvent) {
        if (e.dataTransfer.types.includes(COMPONENT_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      },

      onNodeDragStop: endDrag,
      onSelectionDragStop: endDrag,
      onInit: updateCentre,
      onMoveEnd: updateCentre,
      onPaneClick() {
        api.getState().openContextMenu(null);
      },

      onNodeContextMenu(e: ReactMouseEvent, node: StepNode) {
        e.preventDefault();
        const s = api.getState();
        if (!s.selection.steps.includes(node.id)) s.select({ steps: [node.id] });
        s.openContextMenu({ kind: "node", step: node.id, ...menuAt(e) });
      },

      onEdgeContextMenu(e: ReactMouseEvent, edge: { id: string }) {
        e.preventDefault();
        api.getState().select({ edges: [edge.id] });
        // Its one action deletes it: nothing to offer while read-only.
        if (!api.getState().readOnly)
          api.getState().openContextMenu({ kind: "edge", edge: edge.id, ...menuAt(e) });
      },

      onPaneContextMenu(e: ReactMouseEvent | MouseEvent) {
        e.preventDefault();
        api.getState().openContextMenu({ kind: "pane", ...menuAt(e) });
      },
    };
  }, [api, flow, wrapper]);
}
