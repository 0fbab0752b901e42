/** A workspace component whose definition is not loaded yet counts as unknown, never as one with no ports. */
import { describe, expect, it } from "vitest";
import { manifestToGraph } from "../graph/from-manifest";
import { parseManifest } from "../manifest/parse";
import { validateGraph } from "../validation/graph";
import { catalog, componentLookup, findComponent } from "./index";
import type { ComponentSpec } from "./types";

const pending: ComponentSpec = {
  provider: "pai",
  identifier: "algo_001",
  version: "v1",
  displayName: { en: "算法1", zh: "算法1" },
  category: "特征工程",
  description: "",
  inputs: [],
  outputs: [],
  parameters: [],
  maxCompute: true,
  pending: true,
};

const yaml = `apiVersion: core/v1
metadata: { name: p, identifier: p, version: v1 }
spec:
  pipelines:
  - metadata: { name: src, provider: pai, version: v1, identifier: data_source }
    spec: { arguments: { parameters: [ { name: inputTableName, value: a.b } ] } }
  - metadata: { name: algo, provider: pai, version: v1, identifier: algo_001 }
    spec:
      arguments:
        artifacts: [ { name: inputTable, from: "{{pipelines.src.outputs.artifacts.outputTable}}" } ]
        parameters: [ { name: mode, value: fast } ]
      dependencies: [ src ]
`;

describe("a pending component", () => {
  it("is not found for a step, but is listed by key (the palette adds it)", () => {
    const list = [...catalog, pending];
    expect(findComponent(list, { provider: "pai", identifier: "algo_001", version: "v1" })).toBeUndefined();
    expect(componentLookup(list).byKey("pai/algo_001/v1")).toBe(pending);
  });

  it("leaves its steps valid as steps of an unknown component until it is defined", () => {
    const stream = parseManifest(yaml).stream;
    if (!stream) throw new Error("fixture");
    const problems = validateGraph(manifestToGraph(stream), [...catalog, pending]);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(problems.map((p) => p.location.step)).toContain("algo");
  });
});
