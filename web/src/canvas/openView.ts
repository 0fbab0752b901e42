/**
 * Where the view lands when a pipeline is opened. A pipeline that fits at a readable zoom is
 * framed whole, as Fit view does; a larger one opens at the smallest readable zoom on its start
 * (the left of its left-to-right chain), since framing 13 steps or more at once makes every
 * title a few pixels tall. Fit view still frames everything on request.
 */
import { getViewportForBounds, type Rect, type Viewport } from "@xyflow/react";

/** Fit view's framing: padding around the pipeline, and no closer than this. */
export const FIT = { padding: 0.25, maxZoom: 1.2 } as const;
/** Below this, 13px node titles are under 9px on screen: the smallest zoom a pipeline opens at. */
export const READABLE_ZOOM = 0.7;
/** Room kept around the pipeline's start: the run bar floats over the top of the canvas. */
const MARGIN = { left: 48, top: 64, bottom: 24 };

/** The viewport for a pipeline of these flow-space bounds, opened in a canvas of this size. */
export function openingViewport(bounds: Rect, width: number, height: number): Viewport {
  const fit = getViewportForBounds(bounds, width, height, 0.05, FIT.maxZoom, FIT.padding);
  if (fit.zoom >= READABLE_ZOOM) return fit;
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
