import { type ComponentSpec, edgeId, newPipelineGraph } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { msg } from "../i18n/messages";
import { testT } from "../i18n/test-utils";
import { createEditorStore } from "./create";
import type { EditorEvent } from "./events";

const table = { type: "DataSet" } as const;
const spec = (identifier: string, en: string, category: ComponentSpec["category"]) => ({
  provider: "pai",
  identifier,
  version: "v1",
  displayName: { en, zh: en },
  category,
  description: "",
  maxCompute: true,
});
const components: ComponentSpec[] = [
  {
    ...spec("data_source", "Read Table", "Data Source/Target"),
    inputs: [],
    outputs: [{ name: "outputTable", ...table }],
    parameters: [{ name: "inputTableName", type: "String", required: true, description: "" }],
  },
  {
    ...spec("type_transform", "Data Type Conversion", "Data Preprocessing"),
    inputs: [{ name: "inputTable", ...table }],
    outputs: [{ name: "outputTable", ...table }],
    parameters: [],
  },
  {
    ...spec("lr", "LR", "Machine Learning"),
    inputs: [{ name: "inputTable", ...table }],
    outputs: [{ name: "model", type: "Model" }],
    parameters: [],
  },
];

const SOURCE_TO_CONVERT = {
  source: "data_source",
  sourceOutput: "outputTable",
  target: "type_transform",
  targetInput: "inputTable",
};

function seeded() {
  const store = createEditorStore({ components });
  const s = store.getState();
  s.addComponent("pai/data_source/v1", { x: 0, y: 0 });
  s.addComponent("pai/type_transform/v1", { x: 300, y: 0 });
  return store;
}

describe("editor store", () => {
  it("adds steps with fresh names, binds execution and declares execution_maxcompute once", () => {
    const store = seeded();
    store.getState().addComponent("pai/data_source/v1");
    const g = store.getState().graph;
    expect(g.steps.map((s) => [s.name, s.displayName])).toEqual([
      ["data_source", "Read Table-1"],
      ["type_transform", "Data Type Conversion-1"],
      ["data_source_2", "Read Table-2"],
    ]);
    expect(g.inputs.parameters).toEqual([{ name: "execution_maxcompute", type: "Map" }]);
    expect(store.getState().selection.steps).toEqual(["data_source_2"]);
  });

  it("connects, and refuses a type mismatch with the reason as a notice", () => {
    const store = seeded();
    const s = store.getState();
    expect(s.connect(SOURCE_TO_CONVERT)).toBe(true);
    s.addComponent("pai/lr/v1");
    s.addComponent("pai/lr/v1");
    expect(
      store
        .getState()
        .connect({ source: "lr", sourceOutput: "model", target: "lr_2", targetInput: "inputTable" }),
    ).toBe(false);
    const notice = store.getState().notice;
    expect(notice && testT().msg(notice.message)).toMatch(/Type mismatch.*Model.*DataSet/);
    expect(notice && testT("zh-CN").msg(notice.message)).toMatch(/类型不匹配.*Model.*DataSet/);
  });

  it("disconnects the edges a selection names by their ids", () => {
    const store = seeded();
    const s = store.getState();
    const c = SOURCE_TO_CONVERT;
    s.connect(c);
    const id = edgeId(c.source, c.sourceOutput, c.target, c.targetInput);
    store.getState().select({ edges: [id] });
    store.getState().removeSelection();
    expect(store.getState().graph.steps[1]?.artifacts).toEqual([]);
    expect(store.getState().graph.steps).toHaveLength(2);
  });

  it("names new steps in the UI's language, as PAI Designer does; existing names stay", () => {
    const store = createEditorStore();
    store.getState().addComponent("pai/data_source/v1");
    store.getState().setNameLanguage("zh");
    store.getState().addComponent("pai/data_source/v1");
    store.getState().addComponent("pai/type_transform/v1");
    expect(store.getState().graph.steps.map((s) => s.displayName)).toEqual([
      "Read Table-1",
      "读数据表-1",
      "类型转换-1",
    ]);
  });

  it("refuses an unknown component key with a notice", () => {
    const store = seeded();
    expect(store.getState().addComponent("pai/data_source/v9")).toBeNull();
    const notice = store.getState().notice;
    expect(notice && testT().msg(notice.message)).toBe("Unknown component pai/data_source/v9.");
    expect(store.getState().graph.steps).toHaveLength(2);
  });

  it("undoes and redoes every change, one entry per drag", () => {
    const store = seeded();
    const s = store.getState();
    const before = store.getState().graph;
    for (let x = 1; x <= 5; x++) s.dragSteps(new Map([["data_source", { x, y: 0 }]]));
    // A drag in flight leaves the graph alone: YAML, autosave and validation see one change, at its end.
    expect(store.getState().graph).toBe(before);
    expect(store.getState().dragPositions?.get("data_source")).toEqual({ x: 5, y: 0 });
    s.endDrag();
    expect(store.getState().dragPositions).toBeNull();
    expect(store.getState().past).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().graph.steps[0]?.position).toEqual({ x: 0, y: 0 });
    store.getState().undo();
    expect(store.getState().graph.steps).toHaveLength(1);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().graph.steps[0]?.position).toEqual({ x: 5, y: 0 });
  });

  it("coalesces typing in one field into one undo entry", () => {
    const store = seeded();
    const before = store.getState().past.length;
    for (const v of ["p", "pa", "pai"]) store.getState().setParameter("data_source", "inputTableName", v);
    expect(store.getState().past.length).toBe(before + 1);
    store.getState().undo();
    expect(store.getState().graph.steps[0]?.parameters.map((p) => p.name)).toEqual(["execution"]);
  });

  it("copies and pastes the selection with fresh names and selects the copies", () => {
    const store = seeded();
    store.getState().selectAll();
    const clip = store.getState().copySelection();
    expect(clip?.steps).toHaveLength(2);
    if (clip) store.getState().paste(clip);
    expect(store.getState().selection.steps).toEqual(["data_source_2", "type_transform_2"]);
    store.getState().removeSelection();
    expect(store.getState().graph.steps.map((s) => s.name)).toEqual(["data_source", "type_transform"]);
  });

  it("renames a step and keeps it selected", () => {
    const store = seeded();
    store.getState().select({ steps: ["type_transform"] });
    expect(store.getState().renameStep("type_transform", "convert").ok).toBe(true);
    expect(store.getState().selection.steps).toEqual(["convert"]);
  });

  it("re-validates after changes with the injected validator", () => {
    const store = createEditorStore(
      { components },
      {
        validateDelayMs: 0,
        validate: (g) =>
          g.steps.map((s) => ({
            severity: "warning" as const,
            code: "x",
            message: s.name,
            location: { step: s.name },
          })),
      },
    );
    store.getState().addComponent("pai/data_source/v1");
    expect(store.getState().problems.map((p) => p.message)).toEqual(["data_source"]);
  });

  it("says what happened with one event per change, after the state changed", () => {
    const store = seeded();
    const seen: [EditorEvent, number][] = [];
    const stop = store.events.subscribe((e) => seen.push([e, store.getState().revision]));
    const loads: string[] = [];
    store.events.on("graphLoaded", (e) => loads.push(e.reason));
    const s = store.getState();
    const at = s.revision;
    s.setParameter("data_source", "inputTableName", "t");
    s.undo();
    s.redo();
    s.applyGraph(store.getState().graph, "yaml"); // the same graph: no change, no event
    s.select({ steps: ["data_source"] }); // selection is no graph change
    s.markSaved();
    s.markSaved(); // already the kept version
    s.loadGraph(newPipelineGraph(), { reason: "template" });
    stop();
    s.addComponent("pai/lr/v1");
    expect(seen).toEqual([
      [{ type: "graphEdited", source: "inspector" }, at + 1],
      [{ type: "historyRestored", direction: "undo" }, at + 2],
      [{ type: "historyRestored", direction: "redo" }, at + 3],
      [{ type: "graphSaved" }, at + 3],
      [{ type: "graphLoaded", reason: "template" }, at + 4],
    ]);
    expect(loads).toEqual(["template"]);
  });

  it("is dirty exactly while the graph differs from its kept version (as opened or last exported)", () => {
    const store = seeded();
    const s = store.getState();
    s.loadGraph(store.getState().graph, { reason: "import" });
    expect(store.getState().dirty).toBe(false);
    s.setDisplayName("data_source", "Orders");
    expect(store.getState().dirty).toBe(true);
    s.undo();
    expect(store.getState().dirty).toBe(false);
    s.redo();
    expect(store.getState().dirty).toBe(true);
    s.moveSteps(new Map([["data_source", { x: 16, y: 16 }]]));
    s.markSaved(); // exported
    expect(store.getState().dirty).toBe(false);
    s.undo(); // before the export
    expect(store.getState().dirty).toBe(true);
    s.redo(); // back at the exported version
    expect(store.getState().dirty).toBe(false);
    // Typed away and back: the same content as exported, so nothing is unsaved.
    s.setDisplayName("type_transform", "Convert");
    expect(store.getState().dirty).toBe(true);
    s.setDisplayName("type_transform", "Data Type Conversion-1");
    expect(store.getState().dirty).toBe(false);
    // A pipeline reopened with changes not exported stays dirty until exported, even undone to as it opened.
    s.loadGraph(store.getState().graph, { reason: "reopen", dirty: true });
    s.moveSteps(new Map([["data_source", { x: 32, y: 32 }]]));
    s.undo();
    expect(store.getState().dirty).toBe(true);
    s.markSaved();
    expect(store.getState().dirty).toBe(false);
  });

  it("read-only: refuses every edit with the reason as a notice; loads and selection still work", () => {
    const store = seeded();
    const s = store.getState();
    s.setDisplayName("data_source", "Before");
    const reason = msg("tabs.readOnlyElsewhere");
    s.setReadOnly({ reason });
    const graph = store.getState().graph;
    const seen: EditorEvent[] = [];
    store.events.subscribe((e) => seen.push(e));
    expect(s.addComponent("pai/lr/v1")).toBeNull();
    expect(s.connect(SOURCE_TO_CONVERT)).toBe(false);
    s.setDisplayName("data_source", "After");
    s.undo();
    s.dragSteps(new Map([["data_source", { x: 99, y: 0 }]]));
    s.endDrag();
    s.selectAll();
    s.removeSelection();
    expect(s.renameStep("data_source", "src")).toEqual({ ok: false, code: "read-only", message: reason });
    expect(store.getState().graph).toBe(graph);
    expect(store.getState().selection.steps).toEqual(["data_source", "type_transform"]);
    expect(store.getState().notice).toMatchObject({ kind: "refused", message: reason });
    expect(seen).toEqual([]);

    s.loadGraph(newPipelineGraph(), { reason: "new" });
    expect(store.getState().graph.steps).toEqual([]);
    s.setReadOnly(null);
    expect(s.addComponent("pai/lr/v1")).toBe("lr");
  });

  it("a refresh (a newer version from another tab) keeps the selection of steps still there", () => {
    const store = seeded();
    store.getState().select({ steps: ["type_transform", "data_source"] });
    const next = store.getState().graph;
    store.getState().removeSteps([]);
    store.getState().loadGraph({ ...next, steps: next.steps.slice(1) }, { reason: "refresh" });
    expect(store.getState().selection.steps).toEqual(["type_transform"]);
    store.getState().loadGraph(next, { reason: "reopen" });
    expect(store.getState().selection.steps).toEqual([]);
  });
});
