import { describe, expect, it } from "vitest";
import { validFixtures } from "../fixtures.test-helper";
import { parseManifest } from "../manifest/parse";
import { manifestToGraph } from "./from-manifest";
import { autoLayout } from "./layout";

const graphOf = (name: string) =>
  manifestToGraph(parseManifest(validFixtures[name] as string).stream ?? { documents: [] });

describe("autoLayout", () => {
  it("places only steps without a position, left to right along the data flow", () => {
    const graph = graphOf("designer-export.yaml");
    expect(graph.steps[0]?.position).toEqual({ x: 40, y: 120 });
    const laid = autoLayout(graph);
    expect(laid.steps[0]).toBe(graph.steps[0]);
    const xs = laid.steps.map((s) => s.position?.x ?? Number.NaN);
    // split -> train -> predict -> evaluate
    expect(xs[1]).toBeLessThan(xs[2] as number);
    expect(xs[2]).toBeLessThan(xs[3] as number);
    expect(xs[3]).toBeLessThan(xs[4] as number);
    const keys = new Set(laid.steps.map((s) => `${s.position?.x},${s.position?.y}`));
    expect(keys.size).toBe(laid.steps.length);
  });

  it("returns the same graph when every step has a position, and does not touch the input", () => {
    const laid = autoLayout(graphOf("seed-sample.yaml"));
    expect(autoLayout(laid)).toBe(laid);
    const graph = graphOf("seed-sample.yaml");
    autoLayout(graph);
    expect(graph.steps.every((s) => s.position === undefined)).toBe(true);
  });
});
