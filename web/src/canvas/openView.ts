/**
 * Where the view lands when a pipeline is opened. A pipeline that can be framed whole with its
 * nodes still drawn in full (titles, component names, statuses) is framed whole, as Fit view
 * does, never closer than 100%: a two-step pipeline opens centred at its real size rather than
 * blown up to fill the screen. A larger one, which would open as a strip of flat boxes with titles a few pixels tall
 * (the 13-step smog template), opens at a readable zoom on its start instead: the left of its
 * left-to-right chain. Fit view still frames everything on request.
 */
import { getViewportForBounds, type Rect, type Viewport } from "@xyflow/react";

/**
 * Fit view's framing (the toolbar, the zoom controls and opening a pipeline): padding around the
 * pipeline, and never past 100%, where a few steps would fill the screen with oversized boxes.
 */
export const FIT = { padding: 0.25, maxZoom: 1 } as const;
/** Below this zoom the canvas draws nodes as flat boxes without their details (see Canvas). */
export const LOW_DETAIL_ZOOM = 0.35;
/** Where a pipeline too large to frame in full detail opens: 13px titles read as 9px. */
export const READABLE_ZOOM = 0.7;
/** Room kept around the pipeline's start: the run bar floats over the top of the canvas. */
const MARGIN = { left: 48, top: 64, bottom: 24 };

/** The viewport for a pipeline of these flow-space bounds, opened in a canvas of this size. */
export function openingViewport(bounds: Rect, width: number, height: number): Viewport {
  const fit = getViewportForBounds(bounds, width, height, 0.05, FIT.maxZoom, FIT.padding);
  if (fit.zoom >= LOW_DETAIL_ZOOM) return fit;
  const zoom = READABLE_ZOOM;
  const x = MARGIN.left - bounds.x * zoom;
  const room = height - MARGIN.top - MARGIN.bottom;
  // Centred vertically when the pipeline's height fits, else its top row under the run bar.
  const y =
    bounds.height * zoom <= room
      ? MARGIN.top + room / 2 - (bounds.y + bounds.height / 2) * zoom
      : MARGIN.top - bounds.y * zoom;
  return { x, y, zoom };
}
