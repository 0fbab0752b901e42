import { type ComponentSpec, ComponentsResponseSchema, catalog, newPipelineGraph } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { paletteComponents, pendingInUse } from "./serverComponents";

describe("paletteComponents", () => {
  const pending: ComponentSpec = {
    provider: "pai",
    identifier: "algo_007",
    version: "v1",
    displayName: { en: "算法7", zh: "算法7" },
    category: "机器学习 / 二分类",
    description: "",
    inputs: [],
    outputs: [],
    parameters: [],
    maxCompute: true,
    source: "workspace",
    pending: true,
  };

  it("is the catalog until the server answers, then the server's list as it stands", () => {
    expect(paletteComponents(undefined, new Map())).toBe(catalog);
    const server = [pending, ...catalog.slice(0, 2)];
    expect(paletteComponents(server, new Map())).toBe(server);
  });

  it("puts a fetched definition in place of its pending entry, and finds the pending ones steps use", () => {
    const defined = {
      ...pending,
      pending: undefined,
      inputs: [{ name: "inputTable", type: "DataSet" as const }],
    };
    const list = paletteComponents([pending], new Map([["pai/algo_007/v1", defined]]));
    expect(list).toEqual([defined]);
    const graph = newPipelineGraph();
    const withStep = {
      ...graph,
      steps: [
        {
          name: "a",
          component: { provider: "pai", identifier: "algo_007", version: "v1" },
          parameters: [],
          artifacts: [],
          dependencies: [],
          raw: { metadata: { name: "a" } },
        },
      ],
    };
    expect(pendingInUse(withStep, [pending])).toEqual([pending]);
    expect(pendingInUse(withStep, list)).toEqual([]);
    expect(pendingInUse(graph, [pending])).toEqual([]);
  });

  it("takes from the server only what reads as components", () => {
    const answer = (components: unknown[]) =>
      ComponentsResponseSchema.safeParse({ components, problems: [] });
    expect(answer([...catalog]).success).toBe(true);
    expect(answer([{ junk: true }]).success).toBe(false);
    expect(answer([{ ...catalog[0], inputs: undefined }]).success).toBe(false);
  });
});
