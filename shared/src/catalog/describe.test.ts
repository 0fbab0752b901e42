import { describe, expect, it } from "vitest";
import { validFixtures } from "../fixtures.test-helper";
import { manifestToGraph } from "../graph/from-manifest";
import { canConnect } from "../graph/ops";
import type { GraphStep, PipelineGraph } from "../graph/types";
import { parseManifest } from "../manifest/parse";
import { validateGraph } from "../validation/graph";
import { addComponentStep, newPipelineGraph } from "./create";
import { portTypesOf, referencedOutputsByStep, stepParameters, stepPorts } from "./describe";
import { catalog, componentKey, componentLookup } from "./index";

function graphOf(name: string): PipelineGraph {
  return manifestToGraph(parseManifest(validFixtures[name] as string).stream ?? { documents: [] });
}

function describeStep(graph: PipelineGraph, step: GraphStep) {
  const component = componentLookup(catalog).of(step.component);
  const ports = stepPorts(step, component, referencedOutputsByStep(graph).get(step.name) ?? []);
  return { component, ...ports, parameters: stepParameters(step, component) };
}

/** A pipeline with one `data_source` step of the given version, read by a `type_transform` step. */
function readTableOf(version: string): PipelineGraph {
  const source = componentLookup(catalog).byKey("pai/data_source/v1");
  const transform = componentLookup(catalog).byKey("pai/type_transform/v1");
  if (!source || !transform) throw new Error("catalog lacks the seed components");
  const a = addComponentStep(newPipelineGraph(), source);
  const b = addComponentStep(a.graph, transform);
  const steps = b.graph.steps.map((s) =>
    s.name === a.name
      ? { ...s, component: { ...s.component, version } }
      : {
          ...s,
          artifacts: [
            { name: "inputTable", binding: { kind: "step" as const, step: a.name, output: "outputTable" } },
          ],
          dependencies: [a.name],
        },
  );
  return { ...b.graph, steps };
}

describe("component lookup", () => {
  it("finds by key and by a step's reference, leaving out keys the step leaves out", () => {
    const lookup = componentLookup(catalog);
    expect(lookup.byKey("pai/split/v1")?.identifier).toBe("split");
    expect(lookup.of({ identifier: "split" })?.identifier).toBe("split");
    expect(lookup.of({ provider: "pai", identifier: "split", version: "v1" })?.identifier).toBe("split");
    expect(componentLookup(catalog)).toBe(lookup);
    for (const c of catalog) expect(lookup.byKey(componentKey(c))).toBe(c);
  });

  it("calls a step of an unknown version unknown everywhere: lookup, ports, connections and validation", () => {
    const graph = readTableOf("v9");
    const step = graph.steps[0] as GraphStep;
    expect(componentLookup(catalog).of(step.component)).toBeUndefined();
    // Not v1's ports: only what the pipeline uses, typed Any.
    const d = describeStep(graph, step);
    expect(d.component).toBeUndefined();
    expect(d.inputs).toEqual([]);
    expect(d.outputs).toEqual([{ name: "outputTable", type: "Any" }]);
    expect(d.parameters.map((p) => p.name)).toEqual(["execution"]);
    expect(portTypesOf(catalog)(step, "outputTable", "output")).toBeUndefined();
    expect(validateGraph(graph).map((p) => [p.code, p.location.step])).toEqual([
      ["unknown-component", "data_source"],
    ]);

    const known = readTableOf("v1");
    expect(describeStep(known, known.steps[0] as GraphStep).component?.version).toBe("v1");
    expect(portTypesOf(catalog)(known.steps[0] as GraphStep, "outputTable", "output")).toBe("DataSet");
    expect(validateGraph(known)).toEqual([]);
  });

  it("refuses a connection by the component's port types, and lets unknown components connect", () => {
    const graph = readTableOf("v1");
    const split = componentLookup(catalog).byKey("pai/split/v1");
    const lr = componentLookup(catalog).byKey("pai/logisticregression_binary/v1");
    if (!split || !lr) throw new Error("catalog lacks split or LR");
    const g = addComponentStep(addComponentStep(graph, lr).graph, split).graph;
    const types = portTypesOf(catalog);
    const modelIntoTable = {
      source: "logisticregression_binary",
      sourceOutput: "model",
      target: "split",
      targetInput: "inputTable",
    };
    expect(canConnect(g, modelIntoTable, types)).toMatchObject({ ok: false, code: "type-mismatch" });
    const unknown = readTableOf("v9");
    const t = addComponentStep(unknown, split).graph;
    const fromUnknown = {
      source: "data_source",
      sourceOutput: "outputTable",
      target: "split",
      targetInput: "inputTable",
    };
    expect(canConnect(t, fromUnknown, types)).toEqual({ ok: true });
  });
});

describe("step description", () => {
  it("describes a step of an unknown component from its references and arguments", () => {
    const graph = graphOf("unknown-component.yaml");
    const join = graph.steps.find((s) => s.name === "join");
    if (!join) throw new Error("no join step");
    const d = describeStep(graph, join);
    expect(d.component).toBeUndefined();
    expect(d.inputs.map((p) => p.name)).toEqual(["leftTable", "rightTable"]);
    expect(d.outputs).toEqual([{ name: "joinedTable", type: "Any" }]);
    expect(d.parameters.map((p) => [p.name, p.type])).toEqual([
      ["joinType", "String"],
      ["joinCondition", "String"],
      ["retryCount", "Int"],
      ["execution", "Map"],
    ]);
  });

  it("adds to a known component's ports those the pipeline uses besides, and execution for MaxCompute", () => {
    const graph = graphOf("seed-sample.yaml");
    const source = graph.steps.find((s) => s.name === "data_source") as GraphStep;
    const d = describeStep(graph, source);
    expect(d.outputs.map((p) => p.name)).toEqual(["outputTable"]);
    expect(d.parameters.at(-1)).toMatchObject({ name: "execution", type: "Map" });
    const withExtra: PipelineGraph = {
      ...graph,
      outputs: {
        ...graph.outputs,
        artifacts: [{ name: "o", from: "{{pipelines.data_source.outputs.artifacts.extra}}" }],
      },
    };
    expect(describeStep(withExtra, source).outputs).toEqual([
      expect.objectContaining({ name: "outputTable", type: "DataSet" }),
      { name: "extra", type: "Any" },
    ]);
  });
});
