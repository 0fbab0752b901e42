import type { PipelineGraph } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { graphToYaml, readManifestText } from "../io/codec";
import { readManifestTextAsync, WORKER_TEXT_THRESHOLD } from "./readInWorker";
import { edited, evaluate, graphChanged, hasUnappliedEdits, initialSync, settle, takeGraph } from "./sync";

const seedGraph = (): PipelineGraph => {
  const r = readManifestText(seed);
  if (!r.ok) throw new Error("seed must read");
  return r.graph;
};

const rename = (g: PipelineGraph, step: string, displayName: string): PipelineGraph => ({
  ...g,
  steps: g.steps.map((s) => (s.name === step ? { ...s, displayName } : s)),
});

describe("YAML sync", () => {
  it("starts with the graph's YAML, in sync", () => {
    const g = seedGraph();
    const s = initialSync(g);
    expect(s.text).toBe(graphToYaml(g));
    expect(hasUnappliedEdits(s)).toBe(false);
  });

  it("follows graph changes while the text has no edits of its own", () => {
    const g = seedGraph();
    const s = graphChanged(initialSync(g), rename(g, "data_source", "Orders"));
    expect(s.text).toContain('displayName: "Orders"');
    expect(hasUnappliedEdits(s)).toBe(false);
  });

  it("applies a valid edit: the graph follows, positions stay", () => {
    const g = seedGraph();
    const s = edited(initialSync(g), initialSync(g).text.replace('"Read-Table-1"', '"Orders"'));
    const { state, apply } = evaluate(s, g);
    expect(apply?.steps[0]?.displayName).toBe("Orders");
    expect(apply?.steps.map((x) => x.position)).toEqual(g.steps.map((x) => x.position));
    expect(hasUnappliedEdits(state)).toBe(false);
    // The user's text stays exactly as typed.
    expect(state.text).toBe(s.text);
  });

  it("keeps an invalid edit in the editor, with its problems, and applies nothing", () => {
    const g = seedGraph();
    const typed = `${initialSync(g).text}  - oops: [\n`;
    const { state, apply } = evaluate(edited(initialSync(g), typed), g);
    expect(apply).toBeUndefined();
    expect(state.text).toBe(typed);
    expect(state.problems.some((p) => p.severity === "error" && p.location.line !== undefined)).toBe(true);
  });

  it("never overwrites unapplied edits when the graph changes elsewhere: it flags a conflict", () => {
    const g = seedGraph();
    const typed = `${initialSync(g).text}# half-typed: [\n`;
    const s = graphChanged(edited(initialSync(g), typed), rename(g, "data_source", "Orders"));
    expect(s.text).toBe(typed);
    expect(s.conflict).toBe(true);
    const taken = takeGraph(rename(g, "data_source", "Orders"));
    expect(taken.text).toContain('"Orders"');
    expect(taken.conflict).toBe(false);
  });

  it("adding a step in the text adds it to the graph", () => {
    const g = seedGraph();
    const text = initialSync(g).text.replace(
      /(\n {2}pipelines:\n)/,
      `$1  - apiVersion: "core/v1"\n    metadata:\n      provider: "pai"\n      version: "v1"\n      identifier: "data_source"\n      name: "second_source"\n      displayName: "Second source"\n    spec:\n      arguments:\n        parameters:\n        - name: "inputTableName"\n          value: "a.b"\n        - name: "execution"\n          from: "{{inputs.parameters.execution_maxcompute}}"\n`,
    );
    const { apply } = evaluate(edited(initialSync(g), text), g);
    expect(apply?.steps.map((s) => s.name)).toEqual(["second_source", "data_source", "type_transform"]);
    expect(apply?.steps[0]?.position).toBeDefined();
  });

  it("drops the result of a read the user has typed past", async () => {
    const g = seedGraph();
    const first = edited(initialSync(g), initialSync(g).text.replace('"Read-Table-1"', '"Or"'));
    const result = await readManifestTextAsync(first.text, g, undefined);
    const typedOn = edited(first, first.text.replace('"Or"', '"Orders"'));
    expect(settle(typedOn, first.text, result)).toBeNull();
    expect(settle(first, first.text, result)?.apply?.steps[0]?.displayName).toBe("Or");
  });

  it("reads a large edit the same way off the main thread or on it (no Worker here: on it)", async () => {
    const g = seedGraph();
    const padding = `# ${"x".repeat(WORKER_TEXT_THRESHOLD)}\n`;
    const text = padding + initialSync(g).text.replace('"Read-Table-1"', '"Orders"');
    const result = await readManifestTextAsync(text, g, undefined);
    expect(result.ok && result.graph.steps[0]?.displayName).toBe("Orders");
  });
});
