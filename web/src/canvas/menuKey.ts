/**
 * The keyboard's way into the context menus: the Menu key or Shift+F10 opens the menu of what
 * has the focus on the canvas (a step, a connection, else the canvas itself), where the mouse's
 * right click would, so every action of the menus is reachable without a mouse.
 */
import type { ReactFlowInstance } from "@xyflow/react";
import { type RefObject, useEffect } from "react";
import type { EditorStore } from "../store";

export function useMenuKey(
  api: EditorStore,
  flow: ReactFlowInstance,
  wrapper: RefObject<HTMLDivElement | null>,
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.key === "ContextMenu" || (e.shiftKey && e.key === "F10"))) return;
      const root = wrapper.current;
      const focused = document.activeElement;
      if (!root || !(focused instanceof Element) || !root.contains(focused)) return;
      e.preventDefault();
      const s = api.getState();
      const node = focused.closest<HTMLElement>(".react-flow__node");
      const edge = focused.closest<SVGElement>(".react-flow__edge");
      const at = (node ?? edge ?? root).getBoundingClientRect();
      // Beside a step or a connection; in the middle of the canvas otherwise.
      const x = node || edge ? at.left + Math.min(at.width, 40) : at.left + at.width / 2;
      const y = node || edge ? at.top + Math.min(at.height, 24) : at.top + at.height / 2;
      const where = { x, y, flow: flow.screenToFlowPosition({ x, y }) };
      const step = node?.dataset.id;
      const edgeId = edge?.dataset.id;
      if (step) {
        if (!s.selection.steps.includes(step)) s.select({ steps: [step] });
        s.openContextMenu({ kind: "node", step, ...where });
      } else if (edgeId) {
        s.select({ edges: [edgeId] });
        s.openContextMenu({ kind: "edge", edge: edgeId, ...where });
      } else s.openContextMenu({ kind: "pane", ...where });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [api, flow, wrapper]);
}
