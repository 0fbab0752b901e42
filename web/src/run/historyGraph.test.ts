import { describe, expect, it } from "vitest";
import { historyGraph } from "./historyGraph";

const manifest = `apiVersion: core/v1
metadata:
  name: sample
spec:
  pipelines:
  - apiVersion: core/v1
    metadata:
      provider: pai
      version: v1
      identifier: data_source
      name: data_source
      displayName: Read-Table-1
    spec:
      arguments:
        parameters:
        - name: inputTableName
          value: pai_online_project.wumai_data
  - apiVersion: core/v1
    metadata:
      provider: pai
      version: v1
      identifier: type_transform
      name: type_transform
      displayName: Data Type Conversion-1
    spec:
      arguments:
        artifacts:
        - name: inputTable
          from: "{{pipelines.data_source.outputs.artifacts.outputTable}}"
      dependencies:
      - data_source
`;

describe("historyGraph", () => {
  it("lays out the steps of the manifest that ran, left to right, with their edges", () => {
    const g = historyGraph(manifest);
    if (!g.ok) throw new Error(g.problem?.message ?? "unreadable manifest");
    expect(g.nodes.map((n) => [n.id, n.data.label, n.data.component])).toEqual([
      ["data_source", "Read-Table-1", "data_source"],
      ["type_transform", "Data Type Conversion-1", "type_transform"],
    ]);
    const [a, b] = g.nodes;
    expect((b?.position.x ?? 0) > (a?.position.x ?? 0)).toBe(true);
    expect(g.edges.map((e) => `${e.source}->${e.target}`)).toContain("data_source->type_transform");
    expect(g.nodes.every((n) => n.draggable === false)).toBe(true);
  });

  it("says why when the text is not a manifest", () => {
    const g = historyGraph("spec: [unclosed");
    expect(g.ok).toBe(false);
  });
});
