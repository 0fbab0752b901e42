import { catalog } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { unmatchedLines } from "./CompareView";
import { draftContent, draftToGraph } from "./drafts";

const content = JSON.stringify({
  nodes: [
    {
      id: "id-1",
      name: "读数据表",
      metadata: { identifier: "data_source", version: "v1", provider: "pai" },
      properties: [{ name: "inputTableName", value: "a.b" }],
      extra: { kept: true },
    },
    {
      id: "id-2",
      name: "类型转换",
      metadata: { identifier: "type_transform", version: "v1", provider: "pai" },
      position: { x: 10, y: 200 },
    },
  ],
  edges: [{ source: "id-1", sourceAnchor: "outputTable", target: "id-2", targetAnchor: "inputTable" }],
});

describe("a draft in the editor", () => {
  it("opens with a position for every step, and saves back what it does not model", () => {
    const read = draftToGraph(content, { id: "draft-1", name: "d" }, catalog);
    if (!read.ok) throw new Error(read.message);
    expect(read.graph.steps.map((s) => [s.name, Boolean(s.position)])).toEqual([
      ["id-1", true],
      ["id-2", true],
    ]);
    expect(read.graph.steps[1]?.position).toEqual({ x: 10, y: 200 });
    const saved = JSON.parse(draftContent(read.graph, content, catalog).content);
    expect(saved.nodes[0].extra).toEqual({ kept: true });
    expect(saved.nodes[0].position).toEqual(read.graph.steps[0]?.position);
  });

  it("refuses an unreadable canvas, naming the draft, what and where", () => {
    const read = draftToGraph('{"nodes": [}', { id: "draft-9", name: "bad" }, catalog);
    expect(read).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Draft draft-9: the canvas is not valid JSON: .*\(line 1, column \d+\)$/,
      ),
    });
    const template = draftToGraph("[]", { name: "T" }, catalog);
    expect(template).toMatchObject({
      ok: false,
      message: "“T”: the canvas must be a JSON object with nodes and edges",
    });
  });
});

describe("compare", () => {
  it("marks the lines the other side lacks, counting repeats", () => {
    expect(unmatchedLines(["a", "b", "b", "c"], ["b", "a", "d"])).toEqual([false, false, true, true]);
  });
});
