import { catalog } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { testT } from "../i18n/test-utils";
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
    if (!read.ok) throw new Error(testT().msg(read.message));
    expect(read.graph.steps.map((s) => [s.name, Boolean(s.position)])).toEqual([
      ["id-1", true],
      ["id-2", true],
    ]);
    expect(read.graph.steps[1]?.position).toEqual({ x: 10, y: 200 });
    const saved = JSON.parse(draftContent(read.graph, content, catalog).content);
    expect(saved.nodes[0].extra).toEqual({ kept: true });
    expect(saved.nodes[0].position).toEqual(read.graph.steps[0]?.position);
  });

  it("refuses an unreadable canvas, naming the draft, what and where, in either language", () => {
    const read = draftToGraph('{"nodes": [}', { id: "draft-9", name: "bad" }, catalog);
    if (read.ok) throw new Error("read");
    expect(testT().msg(read.message)).toMatch(
      /^Draft draft-9 cannot be read: The canvas is not valid JSON: .*\(line 1, column \d+\)$/,
    );
    expect(testT("zh-CN").msg(read.message)).toMatch(
      /^无法读取草稿 draft-9：画布不是有效的 JSON：.*（第 1 行，第 \d+ 列）$/,
    );
    const template = draftToGraph("[]", { name: "T" }, catalog);
    if (template.ok) throw new Error("read");
    expect(testT().msg(template.message)).toBe(
      "Template “T” cannot be read: The canvas must be a JSON object with nodes and edges",
    );
    expect(testT("zh-CN").msg(template.message)).toBe(
      "无法读取模板“T”：画布必须是包含 nodes 和 edges 的 JSON 对象",
    );
  });

  it("says in Chinese what a draft cannot hold", () => {
    const read = draftToGraph(content, { id: "draft-1", name: "d" }, catalog);
    if (!read.ok) throw new Error("read");
    const graph = { ...read.graph, outputs: { parameters: [], artifacts: [{ name: "out", from: "x" }] } };
    const { lost } = draftContent(graph as typeof read.graph, content, catalog);
    const t = testT("zh-CN");
    expect(lost.map((p) => t(`problem.${p.code}` as "problem.not-in-draft", p.params))).toContain(
      "草稿不保留工作流的输出",
    );
  });
});

describe("compare", () => {
  it("marks the lines the other side lacks, counting repeats", () => {
    expect(unmatchedLines(["a", "b", "b", "c"], ["b", "a", "d"])).toEqual([false, false, true, true]);
  });
});
