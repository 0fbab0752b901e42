import { describe, expect, it } from "vitest";
import { formatYamlMap, MAX_YAML_MAP_CHARS, parseYamlMap } from "./yaml-map";

const execution = {
  endpoint: "http://service.cn-shanghai.maxcompute.aliyun.com/api",
  odpsProject: "smog_dev",
  spec: { endpoint: "http://service.cn-shanghai.maxcompute.aliyun.com/api", odpsProject: "smog_dev" },
  resourceType: "MaxCompute",
};

describe("parseYamlMap", () => {
  it("reads a nested map and round-trips what formatYamlMap writes", () => {
    const text = formatYamlMap(execution);
    expect(text).toContain("spec:\n  endpoint:");
    expect(parseYamlMap(text)).toEqual({ ok: true, value: execution });
  });

  it("gives the line and column of a syntax error", () => {
    const r = parseYamlMap("a: 1\nb: c: d\n");
    expect(r).toEqual({ ok: false, line: 2, col: 4, message: expect.stringMatching(/nested mappings/i) });
  });

  it("refuses duplicate keys at the second one", () => {
    expect(parseYamlMap("a: 1\na: 2")).toMatchObject({ ok: false, line: 2, col: 1 });
  });

  it("refuses a list or a single value: the parameter is a map", () => {
    expect(parseYamlMap("\n- 1\n- 2")).toMatchObject({
      ok: false,
      line: 2,
      message: expect.stringMatching(/a list/),
    });
    expect(parseYamlMap("hello")).toMatchObject({
      ok: false,
      line: 1,
      message: expect.stringMatching(/single value/),
    });
  });

  it("reads empty text, comments and {} as no value", () => {
    for (const t of ["", "  \n", "# nothing yet", "{}"])
      expect(parseYamlMap(t)).toEqual({ ok: true, value: undefined });
  });

  it("refuses text beyond the bound and alias bombs instead of hanging", () => {
    expect(parseYamlMap(`a: "${"x".repeat(MAX_YAML_MAP_CHARS)}"`).ok).toBe(false);
    // Nine levels of ten aliases each: 10^9 nodes once expanded.
    const bomb = ["k0: &k0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `k${i}: &k${i} [${Array(10)
          .fill(`*k${i - 1}`)
          .join(", ")}]`,
      );
    expect(parseYamlMap(bomb.join("\n"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/aliases/),
    });
  });
});

describe("formatYamlMap", () => {
  it("writes nothing for no value and quotes strings that would read as numbers", () => {
    expect(formatYamlMap(undefined)).toBe("");
    expect(formatYamlMap({ n: "123" })).toBe('n: "123"\n');
  });
});
