import { describe, expect, it } from "vitest";
import { validFixtures } from "../fixtures.test-helper";
import { parseManifest } from "../manifest/parse";
import { manifestToGraph } from "./from-manifest";
import { autoLayout, NODE_SIZE } from "./layout";

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

  it("gives a step the room of its drawn size, so a tall step does not touch its neighbours", () => {
    // Two tall reads side by side in one column, both feeding a merge.
    const read = (name: string) =>
      `  - metadata: { provider: pai, version: v1, identifier: data_source, name: ${name} }\n`;
    const text = `apiVersion: core/v1
metadata: { name: merge }
spec:
  pipelines:
${read("left")}${read("right")}  - metadata: { provider: pai, version: v1, identifier: AppendColumns, name: merge }
    spec:
      arguments:
        artifacts:
        - { name: leftTable, from: "{{pipelines.left.outputs.artifacts.outputTable}}" }
        - { name: rightTable, from: "{{pipelines.right.outputs.artifacts.outputTable}}" }
`;
    const free = manifestToGraph(parseManifest(text).stream ?? { documents: [] });
    const sizeOf = (s: { name: string }) => (s.name === "merge" ? undefined : { width: 240, height: 300 });
    const laid = autoLayout(free, { sizeOf });
    const box = (s: (typeof laid.steps)[number]) => {
      const { width, height } = sizeOf(s) ?? NODE_SIZE;
      const { x, y } = s.position ?? { x: 0, y: 0 };
      return { x, y, right: x + width, bottom: y + height };
    };
    for (const a of laid.steps) {
      for (const b of laid.steps) {
        if (a === b) continue;
        const [p, q] = [box(a), box(b)];
        const overlap = p.x < q.right && q.x < p.right && p.y < q.bottom && q.y < p.bottom;
        expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
      }
    }
  });
});
