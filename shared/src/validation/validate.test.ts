import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParamSpec } from "../catalog/types";
import { brokenFixtures, validFixtures } from "../fixtures.test-helper";
import { manifestToGraph } from "../graph/from-manifest";
import { parseManifest } from "../manifest/parse";
import { findCycles } from "./cycles";
import { validateGraph } from "./graph";
import { validateManifestText } from "./text";
import { checkValue } from "./values";

const codes = (text: string) => validateManifestText(text).map((p) => `${p.severity} ${p.code}`);

describe("validateManifestText", () => {
  it("accepts every valid fixture without errors", () => {
    for (const [name, text] of Object.entries(validFixtures)) {
      expect(
        codes(text).filter((c) => c.startsWith("error")),
        name,
      ).toEqual([]);
    }
  });

  it("warns about an unknown component and nothing else", () => {
    expect(codes(validFixtures["unknown-component.yaml"] as string)).toEqual(["warning unknown-component"]);
  });

  it("finds each planted problem on the line its comment names", () => {
    const text = brokenFixtures.brokenAll;
    const problems = validateManifestText(text);
    const lines = text.split("\n");
    const planted = lines.flatMap((line, i) => {
      const m = /#\s*([a-z-]+)\s*$/.exec(line);
      return m && !line.trimStart().startsWith("#") ? [{ code: m[1] as string, line: i + 1 }] : [];
    });
    expect(planted.length).toBeGreaterThan(10);
    for (const { code, line } of planted) {
      expect(
        problems.some((p) => p.code === code && p.location.line === line),
        `${code} at line ${line}`,
      ).toBe(true);
    }
    const own = problems.map((p) => p.code);
    expect(own).toContain("required-parameter");
    expect(own).toContain("required-input");
    expect(problems.find((p) => p.code === "cycle")?.message).toContain("loop-a -> loop-b -> loop-a");
  });

  it("catches the dangling reference of the official CreatePipeline sample", () => {
    const problems = validateManifestText(brokenFixtures.brokenDanglingRef);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: "error",
      code: "unknown-step",
      location: { step: "type-transform", field: "arguments.artifacts.inputTable.from", line: 37 },
    });
  });

  it("reports syntax errors and alias bombs with a position", () => {
    expect(validateManifestText(brokenFixtures.brokenSyntax)[0]).toMatchObject({
      code: "yaml-syntax",
      location: { line: 9 },
    });
    expect(validateManifestText(brokenFixtures.brokenAliasBomb)[0]?.code).toBe("yaml-alias-limit");
  });

  it("checks document structure", () => {
    expect(codes("apiVersion: core/v2\nmetadata: {identifier: x}\nspec: {}\n")).toEqual([
      "error api-version",
    ]);
    expect(codes("apiVersion: core/v1\nspec: {}\n")).toEqual(["error missing-metadata"]);
    expect(codes("apiVersion: core/v1\nmetadata: {provider: x}\nspec: {}\n")).toEqual([
      "error missing-metadata",
    ]);
    expect(
      codes(
        "apiVersion: core/v1\nmetadata: {identifier: x}\nspec: {pipelines: [{metadata: {identifier: sql}}]}\n",
      ),
    ).toContain("error missing-step-name");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(Array.isArray(validateManifestText(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
    const odd = [
      "apiVersion: core/v1\nmetadata: 3\nspec: {pipelines: 7}\n",
      "apiVersion: core/v1\nmetadata: {identifier: x}\nspec: {pipelines: [1, null, {metadata: []}], inputs: []}\n",
      "apiVersion: core/v1\nmetadata: {identifier: x}\nspec: {pipelines: [{metadata: {name: a, identifier: sql}, spec: {arguments: {parameters: [1], artifacts: {}}, dependencies: [a]}}]}\n",
    ];
    for (const text of odd) expect(Array.isArray(validateManifestText(text))).toBe(true);
  });
});

describe("validateGraph", () => {
  it("checks inline components of the stream like catalog ones", () => {
    const text = (validFixtures["multi-doc-loop.yaml"] as string).replace(
      "artifacts.scored",
      "artifacts.weights",
    );
    const graph = manifestToGraph(parseManifest(text).stream ?? { documents: [] });
    expect(validateGraph(graph).map((p) => p.code)).toEqual(["unknown-output"]);
  });

  it("finds a dependency on a step that does not exist and a self-dependency", () => {
    const graph = manifestToGraph(
      parseManifest(validFixtures["seed-sample.yaml"] as string).stream ?? { documents: [] },
    );
    const [a, b] = graph.steps;
    if (!a || !b) throw new Error("seed has two steps");
    const edited = {
      ...graph,
      steps: [
        { ...a, dependencies: ["data_source"] },
        { ...b, dependencies: ["data_source", "nope"] },
      ],
    };
    expect(validateGraph(edited).map((p) => `${p.code}@${p.location.step}`)).toEqual([
      "unknown-step@type_transform",
      "cycle@data_source",
    ]);
  });
});

describe("checkValue", () => {
  const spec = { name: "n", type: "Int", range: "[1, 10]", description: "" } as const;
  it("checks types, ranges and allowed values, skipping substituted values", () => {
    expect(checkValue("5", spec, {})).toEqual([]);
    expect(checkValue(5, spec, {})).toEqual([]);
    expect(checkValue("11", spec, {})[0]?.code).toBe("value-out-of-range");
    expect(checkValue("1.5", spec, {})[0]?.code).toBe("value-type");
    expect(checkValue(`\${n}`, spec, {})).toEqual([]);
    expect(checkValue("maybe", { name: "b", type: "Bool", description: "" }, {})[0]?.code).toBe("value-type");
    expect(checkValue(false, { name: "b", type: "Bool", description: "" }, {})).toEqual([]);
    expect(checkValue("x", { name: "s", type: "String", allowed: ["a"], description: "" }, {})[0]?.code).toBe(
      "value-not-allowed",
    );
    expect(
      checkValue("0", { name: "f", type: "Double", range: "(0, 1)", description: "" }, {})[0]?.code,
    ).toBe("value-out-of-range");
  });

  it("refuses what JavaScript would read as a number but PAIFlow does not take as an Int", () => {
    for (const text of ["0x10", "1e2", " 12abc", "Infinity"]) {
      expect(checkValue(text, spec, { step: "s" }), text).toEqual([
        {
          severity: "error",
          code: "value-type",
          message: `parameter n must be an integer, not ${JSON.stringify(text)}`,
          location: { step: "s" },
          params: { param: "n", value: JSON.stringify(text), type: "Int" },
        },
      ]);
    }
    expect(checkValue("1e2", { name: "d", type: "Double", description: "" })).toEqual([]);
  });

  it("gives the values its message interpolates as params, for a UI to word it in another language", () => {
    expect(checkValue("11", spec, {})[0]?.params).toEqual({ param: "n", value: "11", range: "[1, 10]" });
    const allowed: ParamSpec = { name: "m", type: "String", allowed: ["a", "b"], description: "" };
    expect(checkValue("x", allowed)[0]?.params).toEqual({ param: "m", value: '"x"', allowed: "a, b" });
  });
});

describe("problem params", () => {
  it("every problem of the broken fixtures carries the values its message names as params", () => {
    const problems = validateManifestText(brokenFixtures.brokenAll);
    expect(problems.length).toBeGreaterThan(5);
    for (const p of problems) expect(p.params, p.code).toBeDefined();
  });
});

describe("findCycles", () => {
  it("finds every cycle once, in manifest order, without recursion limits", () => {
    const ups: Record<string, string[]> = { a: ["c"], b: ["a"], c: ["b"], d: ["d"], e: ["a"] };
    expect(findCycles(["a", "b", "c", "d", "e"], (n) => ups[n] ?? [])).toEqual([["a", "b", "c"], ["d"]]);
    const chain = Array.from({ length: 50_000 }, (_, i) => `s${i}`);
    expect(findCycles(chain, (n) => (n === "s0" ? [] : [`s${Number(n.slice(1)) - 1}`]))).toEqual([]);
  });
});
