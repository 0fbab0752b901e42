import { graphToManifest, manifestToGraph, type PipelineGraph, parseManifest } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import multiDoc from "../../../shared/fixtures/multi-doc-loop.yaml?raw";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import unknownComponent from "../../../shared/fixtures/unknown-component.yaml?raw";
import { graphToYaml, readManifestText } from "./codec";

const graphOf = (text: string): PipelineGraph => {
  const r = readManifestText(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return r.graph;
};

describe("readManifestText", () => {
  it("reads the seed sample and lays it out", () => {
    const g = graphOf(seed);
    expect(g.steps.map((s) => s.name)).toEqual(["data_source", "type_transform"]);
    expect(g.steps.every((s) => s.position)).toBe(true);
  });

  it("refuses text with a syntax error, saying where", () => {
    const r = readManifestText('apiVersion: "core/v1"\nmetadata:\n  name: "x"\n   bad: [\n');
    expect(r.ok).toBe(false);
    expect(r.problems[0]?.location.line).toBeGreaterThan(0);
  });

  it("refuses a manifest that validates with an error (a dangling reference)", () => {
    const broken = seed.replace("pipelines.data_source.outputs", "pipelines.nowhere.outputs");
    const r = readManifestText(broken);
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.severity === "error" && p.location.step === "type_transform")).toBe(true);
  });

  it("accepts warnings: an unknown component imports", () => {
    const r = readManifestText(unknownComponent);
    expect(r.ok).toBe(true);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.severity === "warning")).toBe(true);
  });

  it("keeps multi-document streams whole", () => {
    const g = graphOf(multiDoc);
    const docs = parseAllDocuments(graphToYaml(g));
    expect(Array.isArray(docs) && docs.length).toBe(parseAllDocuments(multiDoc).length);
  });

  it("keeps the positions of steps the text leaves unplaced", () => {
    const before = graphOf(seed);
    const moved: PipelineGraph = {
      ...before,
      steps: before.steps.map((s) => ({ ...s, position: { x: 500, y: 300 } })),
    };
    // Text without any position annotation: both steps are known by name and keep their place.
    const r = readManifestText(seed, { previous: moved });
    expect(r.ok && r.graph.steps.map((s) => s.position)).toEqual([
      { x: 500, y: 300 },
      { x: 500, y: 300 },
    ]);
  });

  it("does not let errors the graph already has block an edit", () => {
    // A half-built pipeline: Data Type Conversion with its required input not connected.
    const half = seed
      .replace(/ {8}artifacts:\n {8}- name: "inputTable"\n {10}from: "[^"]+"\n/, "")
      .replace(/ {6}dependencies:\n {6}- "data_source"\n/, "");
    expect(readManifestText(half).ok).toBe(false);
    const previous = manifestToGraph(parseManifest(half).stream ?? { documents: [] });
    const edited = half.replace('"Data Type Conversion-1"', '"Convert types"');
    const r = readManifestText(edited, { previous });
    expect(r.ok).toBe(true);
    expect(r.ok && r.graph.steps[1]?.displayName).toBe("Convert types");
    // ...but a new error does.
    const worse = edited.replace('name: "data_source"', 'name: "type_transform"');
    expect(readManifestText(worse, { previous }).ok).toBe(false);
  });
});

describe("graphToYaml", () => {
  it("writes the graph's manifest, equal to the input after parse", () => {
    const g = manifestToGraph(parseManifest(seed).stream ?? { documents: [] });
    expect(parse(graphToYaml(g))).toEqual(parse(seed));
    expect(graphToManifest(g).documents).toHaveLength(1);
  });
});
