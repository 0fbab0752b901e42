import { type ComponentSpec, ComponentsResponseSchema, catalog } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { mergeComponents } from "./serverComponents";

describe("mergeComponents", () => {
  it("adds the user's own components from the server under Custom, once, after the catalog", () => {
    const own: ComponentSpec = {
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
    const merged = mergeComponents(catalog, [own, catalogEntry]);
    expect(merged.length).toBe(catalog.length + 1);
    expect(merged.at(-1)).toBe(own);
    expect(mergeComponents(catalog, [])).toBe(catalog);
  });

  it("takes from the server only what reads as components", () => {
    const answer = (components: unknown[]) =>
      ComponentsResponseSchema.safeParse({ components, problems: [] });
    expect(answer([...catalog]).success).toBe(true);
    expect(answer([{ junk: true }]).success).toBe(false);
    expect(answer([{ ...catalog[0], inputs: undefined }]).success).toBe(false);
  });
});
