/**
 * The minimap, drawn on a <canvas>: steps are painted once per change of the nodes, and panning
 * only moves the viewport frame (a positioned div, updated outside React). React Flow's SVG
 * minimap re-lays out and repaints every node rectangle on each frame of a pan, which costs
 * more than the canvas itself at 1,000 steps. Click or drag in it to move the view.
 */
import { hasErrors, NODE_SIZE } from "@pfd/shared";
import { type ReactFlowState, useReactFlow, useStore, useStoreApi } from "@xyflow/react";
import { type PointerEvent, useCallback, useEffect, useRef } from "react";
import { useT } from "../i18n";
import { CATEGORY_KINDS, categoryKind } from "../theme/icons";
import { useThemeVersion } from "../theme/useThemeVersion";
import type { StepNode } from "./view";

// Small beside a canvas that is often under 800px wide: an overview, not a second canvas.
const WIDTH = 160;
const HEIGHT = 100;
const PAD = 8;

interface Frame {
  /** Flow-space bounds of all nodes. */
  x: number;
  y: number;
  scale: number;
  offsetX: number;
  offsetY: number;
}

const selectNodes = (s: ReactFlowState) => s.nodes;

/** The theme's colours the minimap paints with: `--danger` and each category's `--cat-<kind>`. */
type Colours = Map<string, string>;

/**
 * Reads the colours off the theme. Done when the canvas mounts and when the theme changes, never
 * while painting: reading a style right after a thousand steps were added would make the browser
 * work out the whole page's style there and then, again, on top of the frame's own.
 */
function readColours(el: Element): Colours {
  const style = getComputedStyle(el);
  const colours: Colours = new Map();
  colours.set("--danger", style.getPropertyValue("--danger").trim() || "#d92d3b");
  for (const kind of CATEGORY_KINDS)
    colours.set(`--cat-${kind}`, style.getPropertyValue(`--cat-${kind}`).trim() || "#6b7a90");
  return colours;
}

/** Where flow-space bounds land in the minimap: fit, centred, with a margin. */
function frameFor(nodes: readonly StepNode[], lookup: ReactFlowState["nodeLookup"]): Frame | null {
  if (nodes.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const n of nodes) {
    const size = lookup.get(n.id)?.measured;
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + (size?.width ?? NODE_SIZE.width));
    maxY = Math.max(maxY, n.position.y + (size?.height ?? NODE_SIZE.minHeight));
  }
  const w = Math.max(1, maxX - minX);
  const h = Math.max(1, maxY - minY);
  const scale = Math.min((WIDTH - 2 * PAD) / w, (HEIGHT - 2 * PAD) / h);
  return {
    x: minX,
    y: minY,
    scale,
    offsetX: (WIDTH - w * scale) / 2,
    offsetY: (HEIGHT - h * scale) / 2,
  };
}

export function CanvasMiniMap() {
  const nodes = useStore(selectNodes) as StepNode[];
  const store = useStoreApi();
  const flow = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<HTMLDivElement>(null);
  const frame = useRef<Frame | null>(null);
  const t = useT();
  const theme = useThemeVersion();
  const colours = useRef<Colours | null>(null);

  // The theme's colours, read while the page is quiet (see readColours).
  useEffect(() => {
    // `theme` is read only to read the colours again when it changes.
    void theme;
    if (canvas.current) colours.current = readColours(canvas.current);
  }, [theme]);

  // Paint the steps whenever the nodes change (and when the theme does), once per frame at most:
  // React Flow hands over new nodes several times while a large pipeline's sizes are measured.
  useEffect(() => {
    void theme;
    const paint = () => {
      const el = canvas.current;
      const ctx = el?.getContext("2d");
      if (!el || !ctx) return;
      const f = frameFor(nodes, store.getState().nodeLookup);
      frame.current = f;
      const dpr = window.devicePixelRatio || 1;
      el.width = WIDTH * dpr;
      el.height = HEIGHT * dpr;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      if (!f) return;
      // Steps in their category's colour, as on the canvas.
      const palette = colours.current ?? readColours(el);
      const colourOf = (name: string) => palette.get(name) ?? "#6b7a90";
      const lookup = store.getState().nodeLookup;
      for (const n of nodes) {
        const size = lookup.get(n.id)?.measured;
        const bad = n.data.problems && hasErrors(n.data.problems);
        ctx.fillStyle = bad
          ? colourOf("--danger")
          : colourOf(`--cat-${categoryKind(n.data.component?.category ?? "")}`);
        ctx.globalAlpha = n.selected ? 1 : 0.6;
        ctx.fillRect(
          f.offsetX + (n.position.x - f.x) * f.scale,
          f.offsetY + (n.position.y - f.y) * f.scale,
          Math.max(1.5, (size?.width ?? NODE_SIZE.width) * f.scale),
          Math.max(1.5, (size?.height ?? NODE_SIZE.minHeight) * f.scale),
        );
      }
      placeView();
    };
    const placeView = () => {
      const f = frame.current;
      const box = view.current;
      if (!box) return;
      if (!f) {
        box.style.display = "none";
        return;
      }
      const { transform, width, height } = store.getState();
      const [tx, ty, zoom] = transform;
      const x = f.offsetX + (-tx / zoom - f.x) * f.scale;
      const y = f.offsetY + (-ty / zoom - f.y) * f.scale;
      box.style.display = "block";
      box.style.transform = `translate(${x}px, ${y}px)`;
      box.style.width = `${(width / zoom) * f.scale}px`;
      box.style.height = `${(height / zoom) * f.scale}px`;
    };
    const painting = requestAnimationFrame(paint);
    // The frame follows the viewport without React: a style write per frame of a pan.
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) placeView();
    });
    return () => {
      cancelAnimationFrame(painting);
      unsubscribe();
    };
  }, [nodes, store, theme]);

  const moveTo = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const f = frame.current;
      if (!f) return;
      const rect = e.currentTarget.getBoundingClientRect();
      const x = f.x + (e.clientX - rect.left - f.offsetX) / f.scale;
      const y = f.y + (e.clientY - rect.top - f.offsetY) / f.scale;
      flow.setCenter(x, y, { zoom: flow.getZoom() });
    },
    [flow],
  );

  return (
    <div
      className="minimap"
      role="img"
      aria-label={t("canvas.minimap")}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e);
      }}
    >
      <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT }} />
      <div ref={view} className="minimap-view" />
    </div>
  );
}
