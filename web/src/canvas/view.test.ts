import { catalog } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { testT } from "../i18n/test-utils";
import { createEditorStore } from "../store";
import { createViewDeriver, selectViewInput } from "./view";

const components = catalog;

function chainOf(n: number) {
  const store = createEditorStore({ components });
  const s = store.getState();
  s.addComponent("pai/data_source/v1", { x: 0, y: 0 });
  for (let i = 1; i < n; i++) {
    const name = s.addComponent("pai/type_transform/v1", { x: i * 300, y: 0 });
    const source = store.getState().graph.steps[i - 1]?.name ?? "";
    if (name) s.connect({ source, sourceOutput: "outputTable", target: name, targetInput: "inputTable" });
  }
  return store;
}

const input = selectViewInput;

describe("view derivation", () => {
  it("derives one node per step and one edge per data edge, with handles named by artifact", () => {
    const store = chainOf(3);
    const view = createViewDeriver(testT());
    const nodes = view.nodes(input(store.getState()));
    const edges = view.edges(input(store.getState()));
    expect(nodes.map((n) => n.ariaLabel)).toEqual([
      "Read Table-1",
      "Data Type Conversion-1",
      "Data Type Conversion-2",
    ]);
    expect(edges.map((e) => [e.source, e.sourceHandle, e.target, e.targetHandle])).toEqual([
      ["data_source", "outputTable", "type_transform", "inputTable"],
      ["type_transform", "outputTable", "type_transform_2", "inputTable"],
    ]);
    expect(nodes[1]?.data.inputs.map((p) => p.name)).toEqual(["inputTable"]);
  });

  it("dragging one step makes a new object for that node only and keeps the edge list", () => {
    const store = chainOf(50);
    const view = createViewDeriver(testT());
    const before = view.nodes(input(store.getState()));
    const edgesBefore = view.edges(input(store.getState()));
    store.getState().dragSteps(new Map([["type_transform_10", { x: 5, y: 5 }]]));
    const after = view.nodes(input(store.getState()));
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual(["type_transform_10"]);
    expect(after.find((n) => n.id === "type_transform_10")?.position).toEqual({ x: 5, y: 5 });
    expect(view.edges(input(store.getState()))).toBe(edgesBefore);
  });

  it("selection and problems change only the nodes they concern", () => {
    const store = chainOf(5);
    store.getState().clearSelection();
    const view = createViewDeriver(testT());
    const before = view.nodes(input(store.getState()));
    store.getState().select({ steps: ["type_transform_2"] });
    store.setState({
      problems: [{ severity: "error", code: "x", message: "m", location: { step: "type_transform_3" } }],
    });
    const after = view.nodes(input(store.getState()));
    expect(after.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual([
      "type_transform_2",
      "type_transform_3",
    ]);
    expect(after.find((n) => n.id === "type_transform_3")?.data.problems).toHaveLength(1);
  });

  it("draws a step of an unknown component version with the ports its pipeline uses, not another version's", () => {
    const store = chainOf(2);
    const { graph } = store.getState();
    const v9 = graph.steps.map((s) =>
      s.name === "data_source" ? { ...s, component: { ...s.component, version: "v9" } } : s,
    );
    store.getState().loadGraph({ ...graph, steps: v9 }, { reason: "import" });
    const [source, transform] = createViewDeriver(testT()).nodes(input(store.getState()));
    expect(source?.data.component).toBeUndefined();
    // v1 has the same output, but typed DataSet: v9's is only known to be used.
    expect(source?.data.outputs).toEqual([{ name: "outputTable", type: "Any" }]);
    expect(source?.data.inputs).toEqual([]);
    expect(transform?.data.component?.identifier).toBe("type_transform");
  });
});
