import { describe, expect, it } from "vitest";
import { FIT, LOW_DETAIL_ZOOM, openingViewport, READABLE_ZOOM } from "./openView";

/** Where a flow-space point lands on screen under a viewport. */
const onScreen = (v: { x: number; y: number; zoom: number }, px: number, py: number) => ({
  x: v.x + px * v.zoom,
  y: v.y + py * v.zoom,
});

describe("openingViewport", () => {
  it("frames a small pipeline whole, like Fit view", () => {
    const bounds = { x: 20, y: 20, width: 560, height: 64 };
    const v = openingViewport(bounds, 800, 560);
    expect(v.zoom).toBeGreaterThanOrEqual(LOW_DETAIL_ZOOM);
    expect(v.zoom).toBeLessThanOrEqual(FIT.maxZoom);
    const left = onScreen(v, bounds.x, bounds.y);
    const right = onScreen(v, bounds.x + bounds.width, bounds.y + bounds.height);
    expect(left.x).toBeGreaterThan(0);
    expect(right.x).toBeLessThan(800);
    // Centred.
    expect(Math.round(left.x + right.x)).toBe(800);
  });

  it("opens a two-step pipeline centred at 100%, never closer", () => {
    // Two 240 x 64 steps side by side: fitting them to an 800 x 560 canvas would zoom in to ~1.4.
    const bounds = { x: 100, y: 100, width: 560, height: 64 };
    const v = openingViewport(bounds, 1200, 700);
    expect(v.zoom).toBe(1);
    const centre = onScreen(v, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
    expect(centre).toEqual({ x: 600, y: 350 });
  });

  it("never zooms past 100% on a single step in a large canvas", () => {
    const v = openingViewport({ x: 0, y: 0, width: 240, height: 64 }, 2400, 1600);
    expect(v.zoom).toBe(1);
  });

  it("frames a six-step chain whole while its nodes are still drawn in full", () => {
    const bounds = { x: 0, y: 0, width: 1520, height: 200 };
    const v = openingViewport(bounds, 800, 560);
    expect(v.zoom).toBeGreaterThanOrEqual(LOW_DETAIL_ZOOM);
    expect(v.zoom).toBeLessThan(READABLE_ZOOM);
    expect(onScreen(v, bounds.width, 0).x).toBeLessThanOrEqual(800);
  });

  it("opens a wide pipeline readable, on its first steps, centred vertically", () => {
    // 13 steps over 9 ranks: fitting it whole would need a zoom near 0.25.
    const bounds = { x: 20, y: 20, width: 2620, height: 300 };
    const v = openingViewport(bounds, 800, 560);
    expect(v.zoom).toBe(READABLE_ZOOM);
    const start = onScreen(v, bounds.x, bounds.y);
    expect(start.x).toBeGreaterThan(0);
    expect(start.x).toBeLessThan(100);
    const top = start.y;
    const bottom = onScreen(v, bounds.x, bounds.y + bounds.height).y;
    expect(top).toBeGreaterThanOrEqual(64);
    expect(Math.round(top + bottom)).toBe(Math.round(64 + (560 - 24)));
  });

  it("puts the top row of a tall pipeline under the run bar", () => {
    const bounds = { x: 0, y: -500, width: 3000, height: 4000 };
    const v = openingViewport(bounds, 800, 560);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(onScreen(v, bounds.x, bounds.y).y).toBe(64);
  });
});
