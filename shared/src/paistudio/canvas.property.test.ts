/** Any canvas, opened and saved unchanged (directly, or through the manifest YAML), is written back byte for byte. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { manifestToGraph } from "../graph/from-manifest";
import { graphToManifest } from "../graph/to-manifest";
import { parseManifest } from "../manifest/parse";
import { serializeManifest } from "../manifest/serialize";
import { readCanvas } from "./canvas";
import { canvasToGraph } from "./canvas-to-graph";
import { graphToCanvas } from "./graph-to-canvas";

const text = fc.string({ unit: fc.constantFrom("a", "表", "\n", '"', "$", "{", " ", "0"), maxLength: 8 });
const value = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
const extra = fc.dictionary(fc.constantFrom("status", "size", "comment", "x-ui"), value, { maxKeys: 2 });
const anchor = fc.constantFrom("inputTable", "outputTable", "model", "inputTables");

const canvasArb = fc
  .uniqueArray(fc.stringMatching(/^id-[0-9a-f]{4}$/), { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc.record(
      {
        nodes: fc.tuple(
          ...ids.map((id) =>
            fc
              .record({
                name: text,
                metadata: fc.record({
                  identifier: fc.constantFrom("data_source", "split", "my_algo"),
                  version: fc.constant("v1"),
                  provider: fc.constantFrom("pai", "1557702098123456"),
                }),
                properties: fc.array(fc.record({ name: fc.constantFrom("a", "b", "c"), value }), {
                  maxLength: 3,
                }),
                position: fc.record({
                  x: fc.integer({ min: -500, max: 2000 }),
                  y: fc.integer({ min: 0, max: 2000 }),
                }),
                more: extra,
              })
              .map(({ more, ...node }) => ({ id, ...node, ...more })),
          ),
        ),
        edges: fc.array(
          fc.record({
            source: fc.constantFrom(...ids),
            sourceAnchor: anchor,
            target: fc.constantFrom(...ids),
            targetAnchor: anchor,
          }),
          { maxLength: 8 },
        ),
        globalParams: fc.array(fc.record({ name: fc.constantFrom("bizdate", "rate"), value }), {
          maxLength: 1,
        }),
        globalSettings: fc.array(extra, { maxLength: 1 }),
      },
      { requiredKeys: ["nodes"] },
    ),
  );

describe("canvas round trip (property)", () => {
  it("opened and saved unchanged gives back the text read", () => {
    fc.assert(
      fc.property(canvasArb, fc.boolean(), (canvas, pretty) => {
        const source = JSON.stringify(canvas, null, pretty ? 2 : undefined);
        const read = readCanvas(source);
        if (!read.base) throw new Error(read.problems[0]?.message);
        const graph = canvasToGraph(read.base.canvas);
        expect(graphToCanvas(graph, read.base).content).toBe(source);
        const yaml = parseManifest(serializeManifest(graphToManifest(graph))).stream;
        if (!yaml) throw new Error("yaml");
        expect(graphToCanvas(manifestToGraph(yaml), read.base).content).toBe(source);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
