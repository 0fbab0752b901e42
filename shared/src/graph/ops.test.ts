import { describe, expect, it } from "vitest";
import {
  addStep,
  bindParameterToInput,
  canConnect,
  connect,
  copySteps,
  disconnect,
  duplicateSteps,
  freshStepName,
  moveSteps,
  pasteSteps,
  removeSteps,
  renameStep,
  setParameter,
  setPipelineMetadata,
} from "./ops";
import type { GraphStep, PipelineGraph } from "./types";

function proto(identifier: string): GraphStep {
  return {
    name: identifier,
    component: { provider: "pai", version: "v1", identifier },
    parameters: [{ name: "execution", binding: { kind: "input", input: "execution_maxcompute" } }],
    artifacts: [],
    dependencies: [],
    raw: { apiVersion: "core/v1", metadata: { identifier } },
  };
}

function empty(): PipelineGraph {
  return {
    metadata: { name: "p" },
    inputs: { parameters: [], artifacts: [] },
    outputs: { parameters: [], artifacts: [] },
    steps: [],
    components: [],
    raw: { apiVersion: "core/v1", metadata: {}, spec: {} },
  };
}

/** data_source -> type_transform -> type_transform_2 */
function chain(): PipelineGraph {
  let g = empty();
  g = addStep(g, proto("data_source"), "Read Table", { x: 0, y: 0 }).graph;
  g = addStep(g, proto("type_transform"), "Data Type Conversion", { x: 300, y: 0 }).graph;
  g = addStep(g, proto("type_transform"), "Data Type Conversion", { x: 600, y: 0 }).graph;
  g = connect(g, {
    source: "data_source",
    sourceOutput: "outputTable",
    target: "type_transform",
    targetInput: "inputTable",
  });
  g = connect(g, {
    source: "type_transform",
    sourceOutput: "outputTable",
    target: "type_transform_2",
    targetInput: "inputTable",
  });
  return g;
}

const types = (_: GraphStep, port: string) => (port === "model" ? "Model" : "DataSet");

describe("addStep", () => {
  it("names steps after the component with _2, _3 and numbers display names", () => {
    const g = chain();
    expect(g.steps.map((s) => s.name)).toEqual(["data_source", "type_transform", "type_transform_2"]);
    expect(g.steps.map((s) => s.displayName)).toEqual([
      "Read Table-1",
      "Data Type Conversion-1",
      "Data Type Conversion-2",
    ]);
    expect(freshStepName(["a", "a_2"], "a")).toBe("a_3");
    expect(freshStepName([], "9 lives")).toBe("_9_lives");
  });

  it("leaves the input graph untouched", () => {
    const g = empty();
    addStep(g, proto("data_source"), "Read Table", { x: 0, y: 0 });
    expect(g.steps).toHaveLength(0);
  });
});

describe("canConnect", () => {
  const g = chain();
  it("accepts a fresh compatible edge", () => {
    const g2 = addStep(g, proto("split"), "Split", { x: 0, y: 0 }).graph;
    expect(
      canConnect(
        g2,
        {
          source: "type_transform_2",
          sourceOutput: "outputTable",
          target: "split",
          targetInput: "inputTable",
        },
        types,
      ),
    ).toEqual({ ok: true });
  });
  it("refuses a step feeding itself", () => {
    const r = canConnect(g, {
      source: "data_source",
      sourceOutput: "outputTable",
      target: "data_source",
      targetInput: "x",
    });
    expect(r).toMatchObject({ ok: false, code: "self" });
  });
  it("refuses a second source into an input and names the first", () => {
    const r = canConnect(g, {
      source: "data_source",
      sourceOutput: "outputTable",
      target: "type_transform_2",
      targetInput: "inputTable",
    });
    expect(r).toMatchObject({ ok: false, code: "input-fed" });
    if (!r.ok) expect(r.reason).toContain("type_transform.outputTable");
  });
  it("refuses a cycle through data edges and dependencies", () => {
    const r = canConnect(g, {
      source: "type_transform_2",
      sourceOutput: "outputTable",
      target: "data_source",
      targetInput: "inputTable",
    });
    expect(r).toMatchObject({ ok: false, code: "cycle" });
  });
  it("refuses a type mismatch and says both types", () => {
    const g2 = addStep(g, proto("lr"), "LR", { x: 0, y: 0 }).graph;
    const r = canConnect(
      g2,
      { source: "lr", sourceOutput: "model", target: "data_source", targetInput: "inputTable" },
      types,
    );
    expect(r).toMatchObject({ ok: false, code: "type-mismatch" });
    if (!r.ok) expect(r.reason).toMatch(/Model.*DataSet/);
  });
});

describe("connect / disconnect", () => {
  it("binds the input and lists the source as a dependency once", () => {
    const t = chain().steps[1];
    expect(t?.artifacts).toEqual([
      { name: "inputTable", binding: { kind: "step", step: "data_source", output: "outputTable" } },
    ]);
    expect(t?.dependencies).toEqual(["data_source"]);
  });
  it("drops the dependency with the last edge from that source", () => {
    const g = disconnect(chain(), "type_transform", "inputTable");
    expect(g.steps[1]?.artifacts).toEqual([]);
    expect(g.steps[1]?.dependencies).toEqual([]);
    expect(g.steps[2]?.artifacts).toHaveLength(1);
  });
});

describe("removeSteps", () => {
  it("removes edges and dependencies that touched the removed steps, keeping others' identity", () => {
    const g = chain();
    const r = removeSteps(g, ["type_transform"]);
    expect(r.steps.map((s) => s.name)).toEqual(["data_source", "type_transform_2"]);
    expect(r.steps[0]).toBe(g.steps[0]);
    expect(r.steps[1]?.artifacts).toEqual([]);
    expect(r.steps[1]?.dependencies).toEqual([]);
  });
});

describe("renameStep", () => {
  it("rewrites edges, dependencies, refs, when and outputs", () => {
    let g = chain();
    g = {
      ...g,
      steps: g.steps.map((s) =>
        s.name === "type_transform_2"
          ? {
              ...s,
              parameters: [
                ...s.parameters,
                {
                  name: "n",
                  binding: { kind: "ref", from: "{{pipelines.type_transform.outputs.parameters.n}}" },
                },
              ],
              raw: { ...s.raw, spec: { when: "{{pipelines.type_transform.outputs.parameters.acc}} > 0.8" } },
            }
          : s,
      ),
      outputs: {
        parameters: [],
        artifacts: [{ name: "o", from: "{{pipelines.type_transform.outputs.artifacts.outputTable}}" }],
      },
    };
    const r = renameStep(g, "type_transform", "convert");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [, mid, last] = r.graph.steps;
    expect(mid?.name).toBe("convert");
    expect(last?.artifacts[0]?.binding).toEqual({ kind: "step", step: "convert", output: "outputTable" });
    expect(last?.dependencies).toEqual(["convert"]);
    expect(last?.parameters[1]?.binding).toEqual({
      kind: "ref",
      from: "{{pipelines.convert.outputs.parameters.n}}",
    });
    expect(last?.raw.spec?.when).toBe("{{pipelines.convert.outputs.parameters.acc}} > 0.8");
    expect(r.graph.outputs.artifacts[0]?.from).toBe("{{pipelines.convert.outputs.artifacts.outputTable}}");
    expect(r.graph.steps[0]).toBe(g.steps[0]);
  });
  it("refuses a taken or invalid name with the reason", () => {
    expect(renameStep(chain(), "type_transform", "data_source")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("already exists"),
    });
    expect(renameStep(chain(), "type_transform", "1 bad")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not a valid"),
    });
  });
});

describe("parameters", () => {
  it("sets, clears and binds parameters, declaring the pipeline input", () => {
    let g = setParameter(chain(), "data_source", "partition", "20220101");
    // New arguments go before a trailing `execution`, as PAI Designer writes them.
    expect(g.steps[0]?.parameters.map((p) => p.name)).toEqual(["partition", "execution"]);
    expect(g.steps[0]?.parameters[0]).toEqual({
      name: "partition",
      binding: { kind: "value", value: "20220101" },
    });
    g = setParameter(g, "data_source", "partition", "");
    expect(g.steps[0]?.parameters.map((p) => p.name)).toEqual(["execution"]);
    g = bindParameterToInput(g, "data_source", "inputTableName", "table", { type: "String" });
    expect(g.steps[0]?.parameters[0]?.binding).toEqual({ kind: "input", input: "table" });
    expect(g.inputs.parameters).toEqual([{ name: "table", type: "String" }]);
  });
  it("edits pipeline metadata, removing emptied fields", () => {
    const g = setPipelineMetadata(chain(), { identifier: "my_pipeline", name: "" });
    expect(g.metadata).toEqual({ identifier: "my_pipeline" });
  });
});

describe("copy / paste / duplicate / move", () => {
  it("pastes with fresh names, keeping only internal edges", () => {
    const g = chain();
    const clip = copySteps(g, ["type_transform", "type_transform_2"]);
    const { graph, names } = pasteSteps(g, clip, { x: 10, y: 20 });
    expect(names).toEqual(["type_transform_3", "type_transform_4"]);
    const [a, b] = graph.steps.slice(3);
    expect(a?.artifacts).toEqual([]);
    expect(a?.dependencies).toEqual([]);
    expect(a?.displayName).toBe("Data Type Conversion-3");
    expect(b?.artifacts[0]?.binding).toEqual({
      kind: "step",
      step: "type_transform_3",
      output: "outputTable",
    });
    expect(b?.dependencies).toEqual(["type_transform_3"]);
    expect(b?.position).toEqual({ x: 610, y: 20 });
  });
  it("duplicates a single step", () => {
    const { graph, names } = duplicateSteps(chain(), ["data_source"]);
    expect(names).toEqual(["data_source_2"]);
    expect(graph.steps.at(-1)?.displayName).toBe("Read Table-2");
  });
  it("moves only the named steps and keeps identity otherwise", () => {
    const g = chain();
    const m = moveSteps(g, new Map([["type_transform", { x: 5, y: 6 }]]));
    expect(m.steps[1]?.position).toEqual({ x: 5, y: 6 });
    expect(m.steps[0]).toBe(g.steps[0]);
    expect(moveSteps(g, new Map([["type_transform", { x: 300, y: 0 }]]))).toBe(g);
  });
});
