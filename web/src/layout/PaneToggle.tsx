/**
 * The collapse/expand button of a collapsible panel, on the panel's edge beside its separator. It
 * follows the edge as the panel is resized (positioned from the panel's size in pixels), and stays
 * reachable when the panel is collapsed to nothing.
 */
import { type CSSProperties, useMemo, useState } from "react";
import { type PanelSize, usePanelRef } from "react-resizable-panels";
import { useT } from "../i18n";
import { ChevronIcon } from "../theme/icons";

export interface Pane {
  size: number;
  collapsed: boolean;
  panelProps: {
    panelRef: ReturnType<typeof usePanelRef>;
    onResize: (size: PanelSize) => void;
  };
  toggle(): void;
}

/** A collapsible panel's state and the props that tie it to its Panel. */
export function usePane(): Pane {
  const panelRef = usePanelRef();
  const [size, setSize] = useState(0);
  const [collapsed, setCollapsed] = useState(false);
  return useMemo(
    () => ({
      size,
      collapsed,
      panelProps: {
        panelRef,
        onResize: (s: PanelSize) => {
          setSize(s.inPixels);
          setCollapsed(panelRef.current?.isCollapsed() ?? false);
        },
      },
      toggle() {
        const panel = panelRef.current;
        if (!panel) return;
        if (panel.isCollapsed()) panel.expand();
        else panel.collapse();
      },
    }),
    [panelRef, size, collapsed],
  );
}

type Edge = "left" | "right" | "bottom";

/** The collapsible panels, as the messages name them (`layout.collapse`, `layout.resize`). */
export type PaneName = "palette" | "inspector" | "dock" | "problems";

/** Which way the chevron points: toward where the panel goes when pressed. */
const ROTATION: Record<Edge, [expanded: number, collapsed: number]> = {
  left: [180, 0],
  right: [0, 180],
  bottom: [90, 270],
};

export function PaneToggle({ pane, name, edge }: { pane: Pane; name: PaneName; edge: Edge }) {
  const t = useT();
  const label = t(pane.collapsed ? "layout.expand" : "layout.collapse", { pane: name });
  const style: CSSProperties = { [edge]: Math.max(0, pane.size) };
  const rotate = ROTATION[edge][pane.collapsed ? 1 : 0];
  return (
    <button
      type="button"
      className={`pane-toggle pane-toggle-${edge}${pane.collapsed ? " collapsed" : ""}`}
      style={style}
      aria-label={label}
      aria-expanded={!pane.collapsed}
      title={label}
      onClick={pane.toggle}
    >
      <span style={{ transform: `rotate(${rotate}deg)` }}>
        <ChevronIcon />
      </span>
    </button>
  );
}
