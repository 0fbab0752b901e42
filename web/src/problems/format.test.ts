import type { Problem } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { testT } from "../i18n/test-utils";
import { problemLabel, problemText, sortProblems } from "./format";

const p = (severity: Problem["severity"], message: string, location: Problem["location"] = {}): Problem => ({
  severity,
  code: "x",
  message,
  location,
});

const en = testT("en");
const zh = testT("zh-CN");

describe("problem formatting", () => {
  it("says where, then what", () => {
    expect(
      problemLabel(
        en,
        p("error", "unknown step", { line: 12, col: 5, step: "split", field: "dependencies" }),
      ),
    ).toBe("12:5 error: unknown step (step split, dependencies)");
    expect(problemLabel(en, p("warning", "unknown component", { step: "s" }))).toBe(
      "warning: unknown component (step s)",
    );
    expect(problemLabel(en, p("error", "bad", { line: 3, col: 1 }), "bad.yaml")).toBe(
      "bad.yaml:3:1 error: bad",
    );
  });

  it("words a problem from its code and params in the page's language, the English message otherwise", () => {
    const range: Problem = {
      severity: "error",
      code: "value-out-of-range",
      message: "parameter fraction is 2, outside (0, 1)",
      location: { step: "split", field: "arguments.parameters.fraction.value" },
      params: { param: "fraction", value: "2", range: "(0, 1)" },
    };
    expect(problemText(en, range)).toBe("Parameter fraction is 2, outside (0, 1)");
    expect(problemText(zh, range)).toBe("参数 fraction 的值 2 超出范围 (0, 1)");
    expect(problemLabel(zh, range)).toBe(
      "错误：参数 fraction 的值 2 超出范围 (0, 1)（节点 split，arguments.parameters.fraction.value）",
    );
    expect(problemText(zh, p("error", "a code no message has"))).toBe("a code no message has");
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
