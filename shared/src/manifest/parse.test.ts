import { describe, expect, it } from "vitest";
import { brokenFixtures, validFixtures } from "../fixtures.test-helper";
import { parseManifest } from "./parse";

describe("parseManifest", () => {
  it("reads every valid fixture without problems", () => {
    for (const [name, text] of Object.entries(validFixtures)) {
      const parsed = parseManifest(text);
      expect(parsed.problems, name).toEqual([]);
      expect(parsed.stream?.documents.length, name).toBeGreaterThan(0);
    }
  });

  it('keeps scalar types: false stays a boolean, "false" a string, 0.1 a number', () => {
    const stream = parseManifest(validFixtures["multi-doc-loop.yaml"] as string).stream;
    const component = stream?.documents[0];
    expect(component?.spec.inputs?.parameters?.[0]?.value).toBe(0.1);
    expect(component?.spec.inputs?.artifacts?.[0]?.required).toBe(false);
    const designer = parseManifest(validFixtures["designer-export.yaml"] as string).stream?.documents[0];
    const lr = designer?.spec.pipelines?.[2]?.spec?.arguments?.parameters;
    expect(lr?.find((p) => p.name === "generatePmml")?.value).toBe(false);
    expect(lr?.find((p) => p.name === "maxIter")?.value).toBe("100");
  });

  it("reads JSON as well as YAML", () => {
    const parsed = parseManifest(
      '{"apiVersion":"core/v1","metadata":{"identifier":"j"},"spec":{"pipelines":[]}}',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.stream?.documents[0]?.metadata.identifier).toBe("j");
  });

  it("reports a YAML syntax error with its line and column", () => {
    const parsed = parseManifest(brokenFixtures.brokenSyntax);
    expect(parsed.stream).toBeUndefined();
    expect(parsed.problems[0]).toMatchObject({
      severity: "error",
      code: "yaml-syntax",
      location: { line: 9 },
    });
    expect(parsed.problems[0]?.location.col).toBeGreaterThan(0);
  });

  it("reports a duplicate key", () => {
    const parsed = parseManifest("apiVersion: core/v1\napiVersion: core/v1\nmetadata: {}\nspec: {}\n");
    expect(parsed.problems[0]).toMatchObject({ code: "duplicate-key", location: { line: 2, col: 1 } });
  });

  it("refuses a billion-laughs document at once", () => {
    const started = Date.now();
    const parsed = parseManifest(brokenFixtures.brokenAliasBomb);
    expect(parsed.stream).toBeUndefined();
    expect(parsed.problems[0]?.code).toBe("yaml-alias-limit");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("gives aliases their own copies within the limit", () => {
    const parsed = parseManifest("apiVersion: core/v1\nmetadata: &m {identifier: x}\nspec: {copy: *m}\n");
    const doc = parsed.stream?.documents[0];
    expect(doc?.spec.copy).toEqual({ identifier: "x" });
    expect(doc?.spec.copy).not.toBe(doc?.metadata);
  });

  it("refuses text over the size limit", () => {
    const parsed = parseManifest("x".repeat(2000), { maxBytes: 1000 });
    expect(parsed.problems[0]?.code).toBe("too-large");
  });

  it("measures the size limit in UTF-8 bytes, the caller's limit, not characters", () => {
    // 415 UTF-16 units (394 of them CJK, 3 bytes each) but 1,203 bytes.
    const cjk = `metadata: {name: "${"数".repeat(394)}"}\n`;
    expect(cjk.length).toBeLessThan(1000);
    expect(new TextEncoder().encode(cjk).length).toBe(1203);
    expect(parseManifest(cjk, { maxBytes: 1000 }).problems).toEqual([
      {
        severity: "error",
        code: "too-large",
        message: "manifest is 1203 bytes; the limit is 1000 bytes",
        location: {},
        params: { what: "manifest", bytes: 1203, limit: 1000, limitText: "1000 bytes" },
      },
    ]);
    expect(parseManifest(cjk, { maxBytes: 1203 }).problems.map((p) => p.code)).not.toContain("too-large");
    // A character outside the BMP is one 4-byte character (a surrogate pair), not two 3-byte ones.
    const emoji = `# ${"😀".repeat(300)}\nmetadata: {}\n`;
    expect(new TextEncoder().encode(emoji).length).toBe(1216);
    expect(parseManifest(emoji, { maxBytes: 1215 }).problems[0]?.params?.bytes).toBe(1216);
    expect(parseManifest(emoji, { maxBytes: 1216 }).problems.map((p) => p.code)).not.toContain("too-large");
  });

  it("refuses documents that are not mappings and empty text", () => {
    expect(parseManifest("- a\n- b\n").problems[0]?.code).toBe("not-a-manifest");
    expect(parseManifest("").problems[0]?.code).toBe("empty");
    expect(parseManifest("# only a comment\n").problems[0]?.code).toBe("empty");
  });

  it("locates steps and fields", () => {
    const text = validFixtures["seed-sample.yaml"] as string;
    const parsed = parseManifest(text);
    const lines = text.split("\n");
    const step = parsed.locate({ step: "type_transform" });
    expect(lines[(step?.line ?? 0) - 1]).toContain('- apiVersion: "core/v1"');
    const field = parsed.locate({ step: "type_transform", field: "arguments.parameters.cols_to_double" });
    expect(lines[(field?.line ?? 0) - 1]).toContain('name: "cols_to_double"');
    const value = parsed.locate({ step: "data_source", field: "arguments.parameters.partition.value" });
    expect(lines[(value?.line ?? 0) - 1]).toContain('value: "20220101"');
    const input = parsed.locate({ field: "inputs.parameters.execution_maxcompute" });
    expect(lines[(input?.line ?? 0) - 1]).toContain('name: "execution_maxcompute"');
    expect(parsed.locate({ step: "nope" })).toEqual({ line: 1, col: 1 });
  });
});
