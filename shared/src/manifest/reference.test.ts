import { describe, expect, it } from "vitest";
import { findReferences, formatReference, parseCanonicalReference, parseReference } from "./reference";

describe("references", () => {
  it("parses the reference forms of core/v1", () => {
    expect(parseReference("{{pipelines.id-1.outputs.artifacts.outputTable}}")).toEqual({
      kind: "step",
      step: "id-1",
      io: "artifacts",
      name: "outputTable",
    });
    expect(parseReference("{{pipelines.s1.outputs.parameters.acc}}")).toMatchObject({ io: "parameters" });
    expect(parseReference("{{inputs.parameters.execution_maxcompute}}")).toEqual({
      kind: "input",
      io: "parameters",
      name: "execution_maxcompute",
    });
    expect(parseReference("{{ inputs.artifacts.t }}")).toEqual({ kind: "input", io: "artifacts", name: "t" });
    expect(parseReference("{{item}}")).toEqual({ kind: "item" });
    expect(parseReference("{{item.lr}}")).toEqual({ kind: "item", path: "lr" });
  });

  it("rejects what is not a reference", () => {
    for (const text of [
      "pipelines.a.outputs.artifacts.b",
      "{{pipelines.a.outputs}}",
      "{{x}} and {{y}}",
      "{{}}",
    ]) {
      expect(parseReference(text), text).toBeUndefined();
    }
  });

  it("formats canonically and only accepts canonical text as canonical", () => {
    const ref = parseReference("{{ pipelines.a.outputs.artifacts.b }}");
    expect(ref && formatReference(ref)).toBe("{{pipelines.a.outputs.artifacts.b}}");
    expect(parseCanonicalReference("{{ pipelines.a.outputs.artifacts.b }}")).toBeUndefined();
    expect(parseCanonicalReference("{{pipelines.a.outputs.artifacts.b}}")).toBeDefined();
  });

  it("finds references inside expressions", () => {
    const found = findReferences("{{pipelines.s1.outputs.parameters.acc}} > 0.8 && {{bogus}}");
    expect(found.map((f) => f.ref?.kind)).toEqual(["step", undefined]);
  });
});
