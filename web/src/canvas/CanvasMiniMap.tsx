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
import { categoryKind } from "../theme/icons";
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

  // Paint the steps whenever the nodes change (and when the colour scheme does).
  useEffect(() => {
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
      const style = getComputedStyle(el);
      // Steps in their category's colour, as on the canvas; one lookup per category, not per step.
      const colours = new Map<string, string>();
      const colourOf = (name: string, fallback: string) => {
        let c = colours.get(name);
        if (c === undefined) {
          c = style.getPropertyValue(name).trim() || fallback;
          colours.set(name, c);
        }
        return c;
      };
      const lookup = store.getState().nodeLookup;
      for (const n of nodes) {
        const size = lookup.get(n.id)?.measured;
        const bad = n.data.problems && hasErrors(n.data.problems);
        ctx.fillStyle = bad
          ? colourOf("--danger", "#d92d3b")
          : colourOf(`--cat-${categoryKind(n.data.component?.category ?? "")}`, "#6b7a90");
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
    paint();
    // The frame follows the viewport without React: a style write per frame of a pan.
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) placeView();
    });
    const scheme = window.matchMedia("(prefers-color-scheme: dark)");
    scheme.addEventListener("change", paint);
    return () => {
      unsubscribe();
      scheme.removeEventListener("change", paint);
    };
  }, [nodes, store]);

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
