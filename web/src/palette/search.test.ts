import { describe, expect, it } from "vitest";
import { CATALOG_COMPONENTS, mergeComponents } from "../store/catalog";
import { matchComponent } from "./search";

const names = (q: string) => CATALOG_COMPONENTS.filter((c) => matchComponent(c, q)).map((c) => c.displayName);

describe("palette search", () => {
  it("matches English and Chinese display names, identifiers and categories", () => {
    expect(names("read")).toContain("Read Table");
    expect(names("类型转换")).toEqual(["Data Type Conversion"]);
    expect(names("type_transform")).toEqual(["Data Type Conversion"]);
    expect(names("machine learning forest")).toEqual(["Random Forest"]);
    expect(names("")).toHaveLength(CATALOG_COMPONENTS.length);
    expect(names("no such thing")).toEqual([]);
  });
});

describe("mergeComponents", () => {
  it("adds the user's own components from the server under Custom, once, after the catalog", () => {
    const own = {
      provider: "1557702098",
      identifier: "my_filter",
      version: "v1",
      displayName: { en: "My Filter", zh: "我的过滤" },
      category: "Custom",
      description: "Filters rows",
      inputs: [{ name: "inputTable", type: "DataSet" }],
      outputs: [{ name: "outputTable", type: "DataSet" }],
      parameters: [],
      maxCompute: true,
    };
    const catalogEntry = { ...own, provider: "pai", identifier: "data_source" };
    const merged = mergeComponents(CATALOG_COMPONENTS, [own, catalogEntry, { junk: true }]);
    expect(merged.length).toBe(CATALOG_COMPONENTS.length + 1);
    expect(merged.at(-1)).toMatchObject({ displayName: "My Filter", category: "Custom", user: true });
    expect(mergeComponents(CATALOG_COMPONENTS, [])).toBe(CATALOG_COMPONENTS);
  });
});
