import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { validFixtures } from "../fixtures.test-helper";
import { parseManifest } from "../manifest/parse";
import { serializeManifest } from "../manifest/serialize";
import { dataEdges } from "./edges";
import { manifestToGraph } from "./from-manifest";
import { graphToManifest } from "./to-manifest";

/** What any YAML reader sees: the semantic content of a stream. */
function semantic(text: string): unknown[] {
  return parseAllDocuments(text as string)
    .map((d) => d.toJS())
    .filter((v) => v != null);
}

function roundTrip(text: string, layout = false): string {
  const stream = parseManifest(text).stream;
  if (!stream) throw new Error("fixture does not parse");
  return serializeManifest(graphToManifest(manifestToGraph(stream, { layout })));
}

describe("manifest -> graph -> manifest", () => {
  for (const [name, text] of Object.entries(validFixtures)) {
    it(`gives back ${name} unchanged`, () => {
      expect(semantic(roundTrip(text))).toStrictEqual(semantic(text));
    });
  }

  it("writes the seed sample in Designer style, byte for byte", () => {
    const seed = validFixtures["seed-sample.yaml"] as string;
    expect(roundTrip(seed).trimEnd()).toBe(seed.trimEnd());
  });

  it("keeps the key order of unchanged entries (SDK files write `from` before `name`)", () => {
    const out = roundTrip(validFixtures["sdk-style.yaml"] as string);
    expect(out).toContain('- from: "{{inputs.parameters.execution}}"\n          name: "execution"');
  });

  it("keeps Designer's empty lists and maps", () => {
    const out = roundTrip(validFixtures["designer-export.yaml"] as string);
    expect(out).toContain("initContainers: []");
    expect(out).toContain("annotations: {}");
    expect(out).toContain("value: false");
    expect(out).toContain('value: "false"');
  });

  it("models steps, bindings and data edges", () => {
    const stream = parseManifest(validFixtures["designer-export.yaml"] as string).stream;
    const graph = manifestToGraph(stream ?? { documents: [] });
    expect(graph.steps.map((s) => s.displayName)).toEqual([
      "读数据表-1",
      "拆分-1",
      "逻辑回归二分类-1",
      "预测-1",
      "二分类评估-1",
    ]);
    const predict = graph.steps[3];
    expect(predict?.component).toEqual({ provider: "pai", version: "v1", identifier: "Prediction_1" });
    expect(predict?.parameters.at(-1)).toEqual({
      name: "execution",
      binding: { kind: "input", input: "execution_maxcompute" },
    });
    expect(predict?.artifacts[0]).toEqual({
      name: "model",
      binding: { kind: "step", step: "id-0a1b2c3d-3333-4aaa-8bbb", output: "model" },
    });
    expect(graph.steps[0]?.position).toEqual({ x: 40, y: 120 });
    expect(dataEdges(graph).map((e) => e.id)).toEqual([
      "id-0a1b2c3d-1111-4aaa-8bbb.outputTable->id-0a1b2c3d-2222-4aaa-8bbb.inputTable",
      "id-0a1b2c3d-2222-4aaa-8bbb.output1Table->id-0a1b2c3d-3333-4aaa-8bbb.inputTable",
      "id-0a1b2c3d-3333-4aaa-8bbb.model->id-0a1b2c3d-4444-4aaa-8bbb.model",
      "id-0a1b2c3d-2222-4aaa-8bbb.output2Table->id-0a1b2c3d-4444-4aaa-8bbb.inputTable",
      "id-0a1b2c3d-4444-4aaa-8bbb.outputTable->id-0a1b2c3d-5555-4aaa-8bbb.inputTable",
    ]);
  });

  it("keeps inline components and loop controls of a multi-document stream", () => {
    const stream = parseManifest(validFixtures["multi-doc-loop.yaml"] as string).stream;
    const graph = manifestToGraph(stream ?? { documents: [] });
    expect(graph.components).toHaveLength(1);
    expect(graph.steps[1]?.component).toEqual({ guid: "7f3c1e0a9b2d4c6e8f0a1b2c3d4e5f60" });
    expect(graph.steps[1]?.raw.spec?.withItems).toEqual([0.01, 0.1, 0.5]);
    expect(graph.steps[1]?.parameters[0]?.binding).toEqual({ kind: "value", value: "{{item}}" });
    const out = roundTrip(validFixtures["multi-doc-loop.yaml"] as string);
    expect(out.split("\n---\n")).toHaveLength(2);
  });

  it("adds positions only when asked, in the annotation, keeping other annotations", () => {
    const text = validFixtures["unknown-component.yaml"] as string;
    expect(roundTrip(text)).not.toContain("designer.paiflow/position");
    const laidOut = semantic(roundTrip(text, true))[0] as {
      spec: { pipelines: { metadata: { annotations: Record<string, string> } }[] };
    };
    const annotations = laidOut.spec.pipelines.map((s) => s.metadata.annotations);
    for (const a of annotations) expect(a["designer.paiflow/position"]).toMatch(/^-?\d+,-?\d+$/);
    expect(annotations[2]?.owner).toBe("analytics");
    const xs = annotations.map((a) => Number(a["designer.paiflow/position"]?.split(",")[0]));
    // Left to right: the sources come before the join, the join before the write.
    expect(xs[0]).toBeLessThan(xs[2] as number);
    expect(xs[2]).toBeLessThan(xs[3] as number);
  });

  it("writes an edited graph: new binding, removed display name, moved step", () => {
    const stream = parseManifest(validFixtures["seed-sample.yaml"] as string).stream;
    const graph = manifestToGraph(stream ?? { documents: [] });
    const [source, transform] = graph.steps;
    if (!source || !transform) throw new Error("seed has two steps");
    const edited = {
      ...graph,
      steps: [
        { ...source, displayName: undefined, position: { x: 10.4, y: 20.6 } },
        {
          ...transform,
          parameters: [
            ...transform.parameters,
            { name: "reserveOldFeat", binding: { kind: "value" as const, value: "true" } },
          ],
        },
      ],
    };
    const doc = semantic(serializeManifest(graphToManifest(edited)))[0] as {
      spec: {
        pipelines: { metadata: Record<string, unknown>; spec: { arguments: { parameters: unknown[] } } }[];
      };
    };
    expect(doc.spec.pipelines[0]?.metadata).not.toHaveProperty("displayName");
    expect(doc.spec.pipelines[0]?.metadata.annotations).toEqual({ "designer.paiflow/position": "10,21" });
    expect(doc.spec.pipelines[1]?.spec.arguments.parameters.at(-1)).toEqual({
      name: "reserveOldFeat",
      value: "true",
    });
  });
});
