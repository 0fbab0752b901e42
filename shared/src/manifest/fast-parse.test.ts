import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { brokenFixtures, validFixtures } from "../fixtures.test-helper";
import { fastParse } from "./fast-parse";

/** What the full `yaml` parser makes of a text: its documents, or "error". */
function full(text: string): unknown[] | "error" {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return [];
  if (docs.some((d) => d.errors.length > 0)) return "error";
  return docs.map((d) => d.toJS({ maxAliasCount: -1 }));
}

describe("fastParse", () => {
  it("reads every fixture exactly as the full parser does", () => {
    for (const [name, text] of Object.entries(validFixtures)) {
      const fast = fastParse(text);
      expect(fast, name).toBeDefined();
      expect(fast, name).toStrictEqual(full(text));
    }
  });

  it("leaves broken and aliased text to the full parser", () => {
    expect(fastParse(brokenFixtures.brokenSyntax)).toBeUndefined();
    expect(fastParse(brokenFixtures.brokenAliasBomb)).toBeUndefined();
    for (const text of [
      "a: 1\na: 2\n",
      "%YAML 1.1\n---\na: 1\n",
      "a: !!str 1\n",
      "? a\n: b\n",
      "a:\n\t- 1\n",
      "[a: b]\n",
    ]) {
      expect(fastParse(text), text).toBeUndefined();
    }
  });

  it("resolves scalars by the core schema", () => {
    const text =
      "a: [~, null, '', true, False, 0o17, -12, 0x1F, .inf, -.Inf, .nan, 1e3, 1.50, .5, 007, 12:30, yes, \"1\"]\n";
    expect(fastParse(text)).toStrictEqual(full(text));
  });

  it("equals the full parser on any YAML the yaml package writes", () => {
    const styles = [
      {},
      { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" },
      { defaultStringType: "QUOTE_SINGLE", indentSeq: false },
      { collectionStyle: "flow" },
      { defaultStringType: "BLOCK_LITERAL", lineWidth: 20 },
      { defaultStringType: "PLAIN", lineWidth: 20, minContentWidth: 0 },
    ] as const;
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...styles), (value, style) => {
        const text = stringify({ root: value, list: [value] }, style);
        const fast = fastParse(text);
        if (fast !== undefined) expect(fast).toStrictEqual(full(text));
      }),
      { numRuns: 400 },
    );
  });

  it("never accepts what the full parser rejects, and agrees on what both accept", () => {
    const fragment = fc.constantFrom(
      "a: 1",
      "  b: x",
      " c: y",
      "- 1",
      "  - 2",
      "d:",
      "e: [1, 2",
      "f: {x: 1}",
      "g: 'q''s'",
      'h: "x\\n"',
      "i: |",
      "  text",
      "j: >-",
      "k: a: b",
      "l: #c",
      "---",
      "...",
      "m: &x 1",
      "n: *x",
      "o: -",
      "- - 3",
      "p: [a, , b]",
      '"q": 1',
      "r: 1 # note",
      "s: {",
      "}",
      "t: x\n  y",
      "u: ]",
      "v: 'open",
      "w: a\n b",
      'x: "a\n  b"',
      "- a: 1\n  b: 2",
      "y:   z",
      "z: - 1",
      "- [1, {a: 2}]",
      ": v",
      "key with space: 1",
      "'k': v",
      "- ",
      "a:\n- 1\n- 2",
      "b:\n  - 1\n - 2",
      "{a: 1, b: 2}",
      "[1, 2,]",
      "{a: 1,}",
      "c: [x\ny]",
      "e: {a: [1, {b: c}], d: 'e'}",
      "  ",
      "# only",
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 8 }), (lines) => {
        const text = `${lines.join("\n")}\n`;
        const fast = fastParse(text);
        if (fast === undefined) return;
        const expected = full(text);
        expect(expected, text).not.toBe("error");
        expect(fast, text).toStrictEqual(expected);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
  }, 120_000);
});
