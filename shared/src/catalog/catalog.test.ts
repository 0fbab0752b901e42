import { describe, expect, it } from "vitest";
import { validFixtures } from "../fixtures.test-helper";
import { connect } from "../graph/ops";
import { graphToManifest } from "../graph/to-manifest";
import { parseManifest } from "../manifest/parse";
import { serializeManifest } from "../manifest/serialize";
import { addComponentStep, newPipelineGraph } from "./create";
import { componentsFromManifest } from "./from-manifest";
import {
  catalog,
  componentDescription,
  componentKey,
  componentName,
  findComponent,
  parameterDescription,
  parameterLabel,
} from "./index";
import { CATEGORIES } from "./types";

const RANGE = /^[[(]\s*(-INF|-?\d+(\.\d+)?)\s*,\s*(INF|-?\d+(\.\d+)?)\s*[\])]$/;

describe("catalog", () => {
  it("holds every official component of PAIFLOW.md §3, each once", () => {
    const ids = catalog.map((c) => c.identifier).sort();
    expect(ids).toEqual(
      [
        "AppendColumns",
        "Prediction_1",
        "SqlWriteTable_1",
        "data_source",
        "evaluate_1",
        "fe_meta_runner",
        "histograms",
        "logisticregression_binary",
        "normalize_1",
        "random_forests_1",
        "split",
        "sql",
        "type_transform",
      ].sort(),
    );
    expect(new Set(catalog.map(componentKey)).size).toBe(catalog.length);
  });

  it("describes every component completely", () => {
    for (const c of catalog) {
      expect(c.provider, c.identifier).toBe("pai");
      expect(c.displayName.en && c.displayName.zh, c.identifier).toBeTruthy();
      expect(CATEGORIES, c.identifier).toContain(c.category);
      for (const p of c.parameters) {
        expect(p.description, `${c.identifier}.${p.name}`).not.toBe("");
        // PAI Designer's form labels each parameter in Chinese; so does the inspector in zh-CN.
        expect(parameterLabel(p, "zh"), `${c.identifier}.${p.name}`).toMatch(/\p{Script=Han}/u);
        expect(parameterDescription(p, "zh"), `${c.identifier}.${p.name}`).toMatch(/\p{Script=Han}/u);
      }
      expect(componentDescription(c, "zh"), c.identifier).toMatch(/\p{Script=Han}/u);
      for (const p of c.parameters) {
        if (p.range) expect(p.range, `${c.identifier}.${p.name}`).toMatch(RANGE);
        if (p.allowed && p.default !== undefined) expect(p.allowed).toContain(String(p.default));
      }
      expect(new Set(c.parameters.map((p) => p.name)).size, c.identifier).toBe(c.parameters.length);
    }
  });

  it("knows the defaults users rely on", () => {
    const param = (id: string, name: string) =>
      findComponent(catalog, { identifier: id })?.parameters.find((p) => p.name === name)?.default;
    expect(param("split", "fraction")).toBe("0.8");
    expect(param("Prediction_1", "resultColName")).toBe("prediction_result");
    expect(param("Prediction_1", "scoreColName")).toBe("prediction_score");
    expect(param("evaluate_1", "binCount")).toBe("1000");
    expect(param("split", "lifecycle")).toBe("28");
  });

  it("finds components by provider/identifier/version and by guid", () => {
    expect(
      findComponent(catalog, { provider: "pai", version: "v1", identifier: "split" })?.displayName.zh,
    ).toBe("拆分");
    expect(findComponent(catalog, { provider: "pai", version: "v2", identifier: "split" })).toBeUndefined();
    expect(findComponent(catalog, { identifier: "nope" })).toBeUndefined();
    const inline = componentsFromManifest(
      parseManifest(validFixtures["multi-doc-loop.yaml"] as string).stream ?? { documents: [] },
    );
    expect(findComponent(inline, { guid: "7f3c1e0a9b2d4c6e8f0a1b2c3d4e5f60" })).toMatchObject({
      category: "Custom",
      inputs: [{ name: "train_data", type: "DataSet", locationType: "OSS", required: false }],
      outputs: [
        { name: "model", type: "Model" },
        { name: "scored", type: "DataSet" },
      ],
      parameters: [
        { name: "lr", type: "Double", default: 0.1 },
        { name: "epochs", type: "Int", default: 10, range: "[1, 100]" },
      ],
      outputParameters: ["auc"],
    });
  });

  it("builds the CreatePipelineRun sample from the catalog, byte for byte", () => {
    const source = findComponent(catalog, { identifier: "data_source" });
    const transform = findComponent(catalog, { identifier: "type_transform" });
    if (!source || !transform) throw new Error("catalog lacks the seed components");
    let graph = newPipelineGraph({
      provider: "1557702098******",
      identifier: "my_pipeline",
      name: "source-transform",
    });
    graph = addComponentStep(graph, source, {
      displayBase: "Read-Table",
      parameters: { inputTableName: "pai_online_project.wumai_data", partition: "20220101" },
    }).graph;
    graph = addComponentStep(graph, transform, {
      parameters: { cols_to_double: "time,hour,pm2,pm10,so2,co,no2" },
    }).graph;
    graph = connect(graph, {
      source: "data_source",
      sourceOutput: "outputTable",
      target: "type_transform",
      targetInput: "inputTable",
    });
    expect(serializeManifest(graphToManifest(graph)).trimEnd()).toBe(
      (validFixtures["seed-sample.yaml"] as string).trimEnd(),
    );
  });

  it("adds steps with fresh names, at the given position, declaring execution_maxcompute once", () => {
    const split = findComponent(catalog, { identifier: "split" });
    if (!split) throw new Error("no split");
    const a = addComponentStep(newPipelineGraph(), split, { position: { x: 10, y: 20 } });
    const b = addComponentStep(a.graph, split);
    expect([a.name, b.name]).toEqual(["split", "split_2"]);
    const [first, second] = b.graph.steps;
    expect([first?.displayName, second?.displayName]).toEqual(["Split-1", "Split-2"]);
    expect([first?.position, second?.position]).toEqual([{ x: 10, y: 20 }, undefined]);
    expect(first?.component).toEqual({ provider: "pai", version: "v1", identifier: "split" });
    expect(b.graph.inputs.parameters).toEqual([{ name: "execution_maxcompute", type: "Map" }]);
    expect(first?.parameters).toEqual([
      { name: "execution", binding: { kind: "input", input: "execution_maxcompute" } },
    ]);
    const custom = { ...split, maxCompute: false };
    expect(addComponentStep(newPipelineGraph(), custom).graph.inputs.parameters).toEqual([]);
  });

  it("names new steps in the UI's language as PAI Designer does (读数据表-1), counting with the others", () => {
    const read = findComponent(catalog, { identifier: "data_source" });
    const convert = findComponent(catalog, { identifier: "type_transform" });
    if (!read || !convert) throw new Error("catalog lacks the seed's components");
    const a = addComponentStep(newPipelineGraph(), read, { language: "zh" });
    const b = addComponentStep(a.graph, convert, { language: "zh" });
    const c = addComponentStep(b.graph, read, { language: "zh" });
    expect(c.graph.steps.map((s) => s.displayName)).toEqual(["读数据表-1", "类型转换-1", "读数据表-2"]);
    expect(c.graph.steps.map((s) => s.name)).toEqual(["data_source", "type_transform", "data_source_2"]);
    const english = addComponentStep(c.graph, read);
    expect(english.graph.steps.at(-1)?.displayName).toBe("Read Table-1");
    const unnamed = { ...read, displayName: { en: "Only English", zh: "" } };
    expect(componentName(unnamed, "zh")).toBe("Only English");
  });
});
