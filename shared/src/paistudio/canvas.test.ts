import { describe, expect, it } from "vitest";
import deepfm from "../../fixtures/drafts/deepfm-two-tables.json?raw";
import unknownFields from "../../fixtures/drafts/unknown-fields.json?raw";
import { addComponentStep } from "../catalog/create";
import { catalog } from "../catalog/index";
import { validFixtures } from "../fixtures.test-helper";
import { dataEdges } from "../graph/edges";
import { manifestToGraph } from "../graph/from-manifest";
import { connect, disconnect, removeSteps, renameStep, setParameter } from "../graph/ops";
import { graphToManifest } from "../graph/to-manifest";
import type { PipelineGraph } from "../graph/types";
import { parseManifest } from "../manifest/parse";
import { serializeManifest } from "../manifest/serialize";
import { type Canvas, type CanvasBase, readCanvas } from "./canvas";
import { canvasToGraph } from "./canvas-to-graph";
import { graphToCanvas } from "./graph-to-canvas";

function open(text: string): { base: CanvasBase; graph: PipelineGraph } {
  const read = readCanvas(text);
  if (!read.base) throw new Error(read.problems.map((p) => p.message).join("; "));
  return {
    base: read.base,
    graph: canvasToGraph(read.base.canvas, { draft: { id: "draft-test", name: "测试" } }),
  };
}

/** The graph through the manifest YAML and back, as the editor's YAML view and autosave carry it. */
function viaYaml(graph: PipelineGraph): PipelineGraph {
  const stream = parseManifest(serializeManifest(graphToManifest(graph))).stream;
  if (!stream) throw new Error("manifest did not parse");
  return manifestToGraph(stream);
}

const canvasOf = (content: string) => JSON.parse(content) as Canvas;

describe("a draft opened and saved unchanged", () => {
  for (const [name, text] of Object.entries({
    "deepfm-two-tables.json": deepfm,
    "unknown-fields.json": unknownFields,
  })) {
    it(`gives back ${name} byte for byte, also after the YAML view and autosave`, () => {
      const { base, graph } = open(text);
      const saved = graphToCanvas(graph, base);
      expect(saved.content).toBe(text);
      expect(saved.lost).toEqual([]);
      expect(graphToCanvas(viaYaml(graph), base).content).toBe(text);
    });
  }
});

describe("canvas -> graph", () => {
  it("maps node id, label, component, properties, edges, positions (the GetExperiment example's shape)", () => {
    const { graph } = open(deepfm);
    expect(graph.metadata).toMatchObject({ identifier: "draft-test", name: "测试" });
    expect(graph.steps.map((s) => [s.name, s.displayName, s.component.identifier])).toEqual([
      ["id-7b21-1700000101201-33417", "读数据表", "data_source"],
      ["id-90cd-1700000107340-58102", "读数据表", "data_source"],
      ["id-1f4e-1700000121988-04216", "DeepFM", "deepfm"],
    ]);
    const deep = graph.steps[2];
    expect(deep?.position).toEqual({ x: 300, y: 330 });
    expect(deep?.parameters.map((p) => [p.name, p.binding])).toEqual([
      ["trainModel", { kind: "value", value: "train" }],
      ["arn", { kind: "value", value: true }],
      ["cluster", { kind: "value", value: expect.stringContaining('"worker"') }],
      ["execution", { kind: "input", input: "execution_maxcompute" }],
    ]);
    expect(dataEdges(graph).map((e) => e.id)).toEqual([
      "id-90cd-1700000107340-58102.outputTable->id-1f4e-1700000121988-04216.input1TableName",
      "id-7b21-1700000101201-33417.outputTable->id-1f4e-1700000121988-04216.input2TableName",
    ]);
    expect(deep?.dependencies).toEqual(["id-90cd-1700000107340-58102", "id-7b21-1700000101201-33417"]);
    expect(graph.inputs.parameters).toEqual([{ name: "execution_maxcompute", type: "Map" }]);
    // The pipeline it runs is the one Designer compiles: booleans stay booleans, execution bound.
    const yaml = serializeManifest(graphToManifest(graph));
    expect(yaml).toContain('- name: "arn"\n');
    expect(yaml).toContain("value: true");
    expect(yaml).toContain('from: "{{inputs.parameters.execution_maxcompute}}"');
  });

  it("reads edges into a repeated port as its elements, and global params as pipeline inputs", () => {
    const { graph } = open(unknownFields);
    const union = graph.steps.find((s) => s.component.identifier === "union_tables");
    expect(union?.artifacts.map((a) => a.name)).toEqual(["inputTables_0", "inputTables_1"]);
    expect(graph.inputs.parameters).toEqual([
      { name: "execution_maxcompute", type: "Map" },
      { name: "bizdate", type: "String", value: "20240101", desc: "业务日期" },
      { name: "threshold", type: "Double", value: 0.5, scope: "run" },
    ]);
    // The user's own component (not provider pai) is not given `execution`.
    const mine = graph.steps.find((s) => s.component.identifier === "my_scorer");
    expect(mine?.parameters.map((p) => p.name)).toEqual(["threshold"]);
    // A property without a value stays without one.
    expect(union?.parameters.find((p) => p.name === "note")?.binding).toEqual({
      kind: "value",
      value: undefined,
    });
  });
});

describe("graph -> canvas after edits", () => {
  it("changes only the edited property; every unknown field survives", () => {
    const { base, graph } = open(unknownFields);
    const edited = setParameter(graph, "id-5d03-1700000300300-33333", "limit", 5000);
    const saved = graphToCanvas(edited, base);
    const before = canvasOf(unknownFields);
    const after = canvasOf(saved.content);
    expect(after.nodes?.[2]?.properties?.[1]).toEqual({ name: "limit", value: 5000 });
    (before.nodes?.[2]?.properties?.[1] as { value: unknown }).value = 5000;
    expect(after).toEqual(before);
    expect(saved.lost).toEqual([]);
  });

  it("renames a step: the node id and every edge follow, the node keeps its fields", () => {
    const { base, graph } = open(unknownFields);
    const renamed = renameStep(graph, "id-5d03-1700000300300-33333", "union_all");
    if (!renamed.ok) throw new Error(renamed.reason);
    const after = canvasOf(graphToCanvas(renamed.graph, base).content);
    const node = after.nodes?.find((n) => n.id === "union_all");
    expect(node).toMatchObject({ comment: "两年订单合并", inputs: [{ id: "inputTables", repeated: true }] });
    expect(after.edges?.map((e) => [e.id, e.source, e.target, e.targetAnchor])).toEqual([
      ["e-1", "id-2a61-1700000300100-11111", "union_all", "inputTables"],
      ["e-2", "id-2a61-1700000300200-22222", "union_all", "inputTables"],
      [undefined, "union_all", "ff1f33b0-426a-46bb-bb30-4a5648058079", "inputTable"],
      [undefined, "id-5d03-1700000300300-33333", "id-gone-1700000300999-99999", "inputTable"],
    ]);
  });

  it("removes a step with its edges; adds a step and a connection", () => {
    const { base, graph } = open(deepfm);
    const without = removeSteps(graph, ["id-7b21-1700000101201-33417"]);
    const after = canvasOf(graphToCanvas(without, base).content);
    expect(after.nodes?.map((n) => n.id)).toEqual([
      "id-90cd-1700000107340-58102",
      "id-1f4e-1700000121988-04216",
    ]);
    expect(after.edges?.map((e) => e.targetAnchor)).toEqual(["input1TableName"]);

    const split = catalog.find((c) => c.identifier === "split");
    if (!split) throw new Error("catalog");
    const added = addComponentStep(graph, split, {
      parameters: { fraction: "0.7" },
      position: { x: 600, y: 200 },
    });
    const wired = connect(added.graph, {
      source: "id-90cd-1700000107340-58102",
      sourceOutput: "outputTable",
      target: added.name,
      targetInput: "inputTable",
    });
    const saved = canvasOf(graphToCanvas(wired, base).content);
    expect(saved.nodes?.at(-1)).toEqual({
      id: "split",
      name: "Split-1",
      metadata: { identifier: "split", version: "v1", provider: "pai" },
      properties: [{ name: "fraction", value: "0.7" }],
      position: { x: 600, y: 200 },
    });
    expect(saved.edges?.at(-1)).toEqual({
      source: "id-90cd-1700000107340-58102",
      sourceAnchor: "outputTable",
      target: "split",
      targetAnchor: "inputTable",
    });
    expect(saved.edges?.slice(0, 2)).toEqual(canvasOf(deepfm).edges);
  });

  it("disconnecting one element of a repeated port drops that edge only", () => {
    const { base, graph } = open(unknownFields);
    const after = canvasOf(
      graphToCanvas(disconnect(graph, "id-5d03-1700000300300-33333", "inputTables_0"), base).content,
    );
    expect(after.edges?.map((e) => e.id ?? e.target)).toEqual([
      "e-2",
      "ff1f33b0-426a-46bb-bb30-4a5648058079",
      "id-gone-1700000300999-99999",
    ]);
  });

  it("writes changed and new global params, keeping unknown keys and unreadable items", () => {
    const { base, graph } = open(unknownFields);
    const parameters = graph.inputs.parameters.map((p) =>
      p.name === "bizdate" ? { ...p, value: "20240202" } : p,
    );
    parameters.push({ name: "region", type: "String", value: "cn-hangzhou" });
    const after = canvasOf(
      graphToCanvas({ ...graph, inputs: { ...graph.inputs, parameters } }, base).content,
    );
    expect(after.globalParams).toEqual([
      { name: "bizdate", value: "20240202", desc: "业务日期" },
      { name: "threshold", value: 0.5, type: "Double", scope: "run" },
      "legacy-global",
      { name: "region", value: "cn-hangzhou" },
    ]);
  });

  it("reports what a draft cannot hold instead of dropping it silently", () => {
    const stream = parseManifest(validFixtures["sdk-style.yaml"] as string).stream;
    if (!stream) throw new Error("fixture");
    const { lost } = graphToCanvas(manifestToGraph(stream));
    expect(lost.map((p) => [p.code, p.location.step ?? null, p.message])).toEqual(
      expect.arrayContaining([
        ["not-in-draft", null, "pipeline outputs are not kept in a draft"],
        ["not-in-draft", null, "pipeline input artifacts are not kept in a draft"],
      ]),
    );
    expect(lost.some((p) => /bound to pipeline input/.test(p.message))).toBe(true);
  });
});

describe("drafts made from manifests", () => {
  for (const [name, text] of Object.entries(validFixtures)) {
    it(`${name}: its draft round-trips exactly and keeps its steps, values and connections`, () => {
      const stream = parseManifest(text).stream;
      if (!stream) throw new Error("fixture");
      const source = manifestToGraph(stream);
      const made = graphToCanvas(source);
      const { base, graph } = open(made.content);
      expect(graphToCanvas(graph, base).content).toBe(made.content);
      expect(graph.steps.map((s) => s.name)).toEqual(source.steps.map((s) => s.name));
      const values = (g: PipelineGraph) =>
        g.steps.map((s) =>
          s.parameters.filter((p) => p.binding.kind === "value").map((p) => [p.name, p.binding]),
        );
      expect(values(graph)).toEqual(values(source));
      expect(
        dataEdges(graph)
          .map((e) => e.id)
          .sort(),
      ).toEqual(
        dataEdges(source)
          .map((e) => e.id)
          .sort(),
      );
    });
  }
});

describe("reading a canvas", () => {
  it("says where JSON is broken", () => {
    const read = readCanvas('{\n  "nodes": [\n    {"id": "a",}\n  ]\n}');
    expect(read.base).toBeUndefined();
    expect(read.problems).toEqual([
      expect.objectContaining({ code: "canvas-json", location: { line: 3, col: expect.any(Number) } }),
    ]);
    expect(read.problems[0]?.message).toMatch(/^the canvas is not valid JSON: /);
  });

  it("refuses what is not a canvas, naming the node", () => {
    expect(readCanvas("[1,2]").problems[0]?.message).toBe(
      "the canvas must be a JSON object with nodes and edges",
    );
    const dup = readCanvas(JSON.stringify({ nodes: [{ id: "a" }, { id: "a" }, { name: "x" }] }));
    expect(dup.problems.map((p) => p.message)).toEqual(['node id "a" is used twice', "node 3 has no id"]);
    const edge = readCanvas(JSON.stringify({ nodes: [], edges: [{ source: "a" }] }));
    expect(edge.problems[0]?.message).toBe("edge 1 needs source, sourceAnchor, target and targetAnchor");
  });

  it("refuses a canvas over the size limit before parsing it", () => {
    const huge = `{"nodes": [${'"x",'.repeat(1_500_000)}`;
    const read = readCanvas(huge);
    expect(read.problems.map((p) => p.code)).toEqual(["too-large"]);
  });

  it("opens an edge to a missing node with a warning and keeps it", () => {
    const read = readCanvas(unknownFields);
    expect(read.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "canvas-dangling-edge",
        location: { field: "edges.3" },
      }),
    ]);
  });
});
