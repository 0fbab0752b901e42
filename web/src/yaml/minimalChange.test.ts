import { describe, expect, it } from "vitest";
import { minimalChange } from "./YamlEditor";

const apply = (from: string, c: { from: number; to: number; insert: string }) =>
  from.slice(0, c.from) + c.insert + from.slice(c.to);

describe("minimalChange", () => {
  it("replaces only what differs, so the cursor elsewhere stays put", () => {
    const a = 'name: "a"\ndisplayName: "Read"\nvalue: 1\n';
    const b = 'name: "a"\ndisplayName: "Orders"\nvalue: 1\n';
    const c = minimalChange(a, b);
    expect(c).toEqual({ from: 24, to: 28, insert: "Orders" });
    expect(apply(a, c)).toBe(b);
  });

  it("handles insertions, deletions, and equal texts", () => {
    for (const [a, b] of [
      ["abc", "abxc"],
      ["abxc", "abc"],
      ["", "new"],
      ["old", ""],
      ["same", "same"],
      ["aaaa", "aa"],
    ] as const) {
      expect(apply(a, minimalChange(a, b))).toBe(b);
    }
    expect(minimalChange("same", "same")).toEqual({ from: 4, to: 4, insert: "" });
  });
});
