import { catalog } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { matchComponent } from "./search";

const names = (q: string) => catalog.filter((c) => matchComponent(c, q)).map((c) => c.displayName.en);

describe("palette search", () => {
  it("matches English and Chinese display names, identifiers and categories", () => {
    expect(names("read")).toContain("Read Table");
    expect(names("类型转换")).toEqual(["Data Type Conversion"]);
    expect(names("type_transform")).toEqual(["Data Type Conversion"]);
    expect(names("machine learning forest")).toEqual(["Random Forest"]);
    expect(names("")).toHaveLength(catalog.length);
    expect(names("no such thing")).toEqual([]);
  });
});
