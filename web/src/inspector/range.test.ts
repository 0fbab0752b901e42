import { describe, expect, it } from "vitest";
import { rangeError } from "./range";

describe("rangeError", () => {
  const frac = { name: "fraction", type: "Double", range: "(0, 1)" };
  it("accepts values inside open and closed bounds", () => {
    expect(rangeError(frac, "0.8")).toBeNull();
    expect(rangeError({ name: "n", type: "Int", range: "[1, INF)" }, "1")).toBeNull();
  });
  it("rejects values on an open bound, outside, or not numbers", () => {
    expect(rangeError(frac, "1")).toBe("Must be in (0, 1).");
    expect(rangeError(frac, "-2")).toBe("Must be in (0, 1).");
    expect(rangeError(frac, "abc")).toBe("Must be a number.");
    expect(rangeError({ name: "n", type: "Int" }, "2.5")).toBe("Must be a whole number.");
  });
  it("lets global variables through to the scheduler", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a scheduler global variable, not a template
    expect(rangeError(frac, "${ratio}")).toBeNull();
  });
});
