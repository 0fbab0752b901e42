import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { parseArguments, planManifest } from "./plan";

const base = `apiVersion: core/v1
metadata: {name: p}
spec:
  inputs:
    parameters:
    - {name: execution_maxcompute, type: Map, value: {odpsProject: default}}
    artifacts:
    - {name: source}
  pipelines:
  - metadata: {name: a, identifier: sql, provider: pai, version: v1}
    spec:
      arguments:
        artifacts:
        - {name: inputTable1, from: "{{inputs.artifacts.source}}"}
        parameters:
        - {name: sql, value: "select 1"}
        - {name: execution, from: "{{inputs.parameters.execution_maxcompute}}"}
  - metadata: {name: b, identifier: split}
    spec:
      arguments:
        artifacts:
        - {name: inputTable, from: "{{ pipelines.a.outputs.artifacts.outputTable }}"}
`;

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("planManifest", () => {
  it("resolves parameters from Arguments over input defaults and derives data-edge dependencies", () => {
    const plan = planManifest(
      base,
      JSON.stringify({
        arguments: { artifacts: [{ name: "source", value: { location: { project: "p", table: "t" } } }] },
      }),
    );
    const [a, b] = plan.steps;
    expect(a?.params.get("execution")).toEqual({ odpsProject: "default" });
    expect(a?.inputs.get("inputTable1")).toEqual({
      kind: "value",
      value: { location: { project: "p", table: "t" } },
    });
    expect(b?.dependencies).toEqual(["a"]);
    expect(b?.inputs.get("inputTable")).toEqual({ kind: "step", step: "a", output: "outputTable" });
    const overridden = planManifest(
      base,
      "parameters:\n- name: execution_maxcompute\n  value: {odpsProject: other}\nartifacts:\n- {name: source, value: p.t}",
    );
    expect(overridden.steps[0]?.params.get("execution")).toEqual({ odpsProject: "other" });
  });

  it("refuses an unbound pipeline input artifact, naming step, artifact and line", () => {
    const e = refusal(() => planManifest(base));
    expect(e.code).toBe("InvalidParameter");
    expect(e.message).toMatch(
      /step "a", artifact "inputTable1" \(line \d+\): pipeline input artifact "source"/,
    );
  });

  it("refuses YAML errors with their line, duplicate names, and empty pipelines", () => {
    expect(refusal(() => planManifest("spec:\n  pipelines: [\n")).message).toMatch(/line \d+/);
    const dup = base.replace("name: b, identifier: split", "name: a, identifier: split");
    expect(refusal(() => planManifest(dup, "artifacts: [{name: source, value: p.t}]")).message).toContain(
      'two steps are named "a"',
    );
    expect(
      refusal(() => planManifest("apiVersion: core/v1\nmetadata: {}\nspec: {pipelines: []}")).message,
    ).toContain("no steps");
  });

  it("marks loops and conditions as unsupported instead of running them wrongly", () => {
    const loop = base.replace(
      "  - metadata: {name: b, identifier: split}\n    spec:\n",
      "  - metadata: {name: b, identifier: split}\n    spec:\n      withItems: [1, 2]\n",
    );
    const plan = planManifest(loop, "artifacts: [{name: source, value: p.t}]");
    expect(plan.steps[1]?.unsupported).toMatch(/loops/);
  });
});

describe("parseArguments", () => {
  it("reads YAML or JSON, wrapped in arguments: or not", () => {
    expect(parseArguments('{"parameters":[{"name":"x","value":1}]}').parameters.get("x")).toBe(1);
    expect(parseArguments("arguments:\n  parameters:\n  - {name: y, value: two}").parameters.get("y")).toBe(
      "two",
    );
    expect(refusal(() => parseArguments("parameters: 3")).message).toContain("must be a list");
  });
});
