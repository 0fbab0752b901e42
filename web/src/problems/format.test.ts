import type { Problem } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { problemLabel, sortProblems } from "./format";

const p = (severity: Problem["severity"], message: string, location: Problem["location"] = {}): Problem => ({
  severity,
  code: "x",
  message,
  location,
});

describe("problem formatting", () => {
  it("says where, then what", () => {
    expect(
      problemLabel(p("error", "unknown step", { line: 12, col: 5, step: "split", field: "dependencies" })),
    ).toBe("12:5 error: unknown step (step split, dependencies)");
    expect(problemLabel(p("warning", "unknown component", { step: "s" }))).toBe(
      "warning: unknown component (step s)",
    );
    expect(problemLabel(p("error", "bad", { line: 3, col: 1 }), "bad.yaml")).toBe("bad.yaml:3:1 error: bad");
  });

  it("sorts errors first, then by line", () => {
    const sorted = sortProblems([
      p("warning", "w1", { line: 1 }),
      p("error", "e-noline"),
      p("error", "e9", { line: 9 }),
      p("error", "e2", { line: 2 }),
    ]);
    expect(sorted.map((x) => x.message)).toEqual(["e2", "e9", "e-noline", "w1"]);
  });
});
