/**
 * The canvas conversion on the real material in `../shared/reference` (outside the repo, read
 * only): PaiStudio's own GetExperiment example (PAISTUDIO.md §4.3) and a draft made from every
 * real manifest. Skipped where that folder is absent (a clean clone); the project's own fixtures
 * (shared/fixtures/drafts) cover the same ground everywhere.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  canvasToGraph,
  dataEdges,
  graphToCanvas,
  manifestToGraph,
  type PipelineGraph,
  parseManifest,
  readCanvas,
} from "@pfd/shared";
import { describe, expect, it } from "vitest";

const REFERENCE = join(import.meta.dirname, "..", "..", "..", "shared", "reference");
const present = existsSync(join(REFERENCE, "PAISTUDIO.md"));

function open(text: string) {
  const read = readCanvas(text);
  if (!read.base) throw new Error(read.problems.map((p) => p.message).join("; "));
  return { base: read.base, graph: canvasToGraph(read.base.canvas) };
}

describe.skipIf(!present)("real PaiStudio material (../shared/reference)", () => {
  it("opens GetExperiment's example canvas (§4.3) and saves it back unchanged", () => {
    const doc = readFileSync(join(REFERENCE, "PAISTUDIO.md"), "utf8");
    const section = doc.slice(doc.indexOf("### 4.3"));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    if (!json) throw new Error("no JSON block in §4.3");
    // The service sends it as a string: JSON.stringify of the example, as its text says.
    const content = JSON.stringify(JSON.parse(json));
    const { base, graph } = open(content);
    expect(graph.steps.map((s) => [s.displayName, s.component.identifier])).toEqual([
      ["读数据表", "data_source"],
      ["读数据表", "data_source"],
      ["DeepFM", "deepfm"],
    ]);
    expect(dataEdges(graph).map((e) => e.targetInput)).toEqual(["input1TableName", "input2TableName"]);
    const saved = graphToCanvas(graph, base);
    expect(saved.content).toBe(content);
    expect(saved.lost).toEqual([]);
  });

  const manifests = present
    ? readdirSync(join(REFERENCE, "manifests")).filter((f) => f.endsWith(".yaml"))
    : [];
  it.each(manifests)("makes a draft of %s that opens and saves back exactly", (file) => {
    const stream = parseManifest(readFileSync(join(REFERENCE, "manifests", file), "utf8")).stream;
    if (!stream) throw new Error(`${file} does not parse`);
    const source = manifestToGraph(stream);
    const made = graphToCanvas(source);
    // Designer's own exports hold nothing a draft cannot (they were drafts).
    if (file.startsWith("designer-export")) expect(made.lost).toEqual([]);
    const { base, graph } = open(made.content);
    expect(graphToCanvas(graph, base).content).toBe(made.content);
    const shape = (g: PipelineGraph) =>
      g.steps.map((s) => ({
        name: s.name,
        label: s.displayName,
        component: s.component,
        values: s.parameters.filter((p) => p.binding.kind === "value").map((p) => [p.name, p.binding]),
        position: s.position,
      }));
    // A step without a display name gets a label on the canvas (the component's name).
    expect(shape(graph)).toEqual(shape(source).map((s) => ({ ...s, label: s.label ?? expect.any(String) })));
    expect(
      dataEdges(graph)
        .map((e) => e.id)
        .sort(),
    ).toEqual(
      dataEdges(source)
        .map((e) => e.id)
        .sort(),
    );
  });
});
