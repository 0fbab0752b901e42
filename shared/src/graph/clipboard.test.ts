import { describe, expect, it } from "vitest";
import { validFixtures } from "../fixtures.test-helper";
import { parseManifest } from "../manifest/parse";
import { MAX_MANIFEST_BYTES } from "../manifest/size";
import { copySteps, pasteSteps, readClipboardText } from "./clipboard";
import { manifestToGraph } from "./from-manifest";

const seed = manifestToGraph(
  parseManifest(validFixtures["seed-sample.yaml"] as string).stream ?? { documents: [] },
);
const copied = () => JSON.parse(JSON.stringify(copySteps(seed, ["data_source", "type_transform"])));

describe("readClipboardText", () => {
  it("reads what copy wrote, whole, and pastes it", () => {
    const text = JSON.stringify(copySteps(seed, ["data_source", "type_transform"]));
    const read = readClipboardText(text);
    if (read.kind !== "steps") throw new Error(`not read: ${JSON.stringify(read)}`);
    expect(read.clip).toEqual(JSON.parse(text));
    const { graph, names } = pasteSteps(seed, read.clip, { x: 40, y: 40 });
    expect(names).toEqual(["data_source_2", "type_transform_2"]);
    expect(graph.steps[3]?.artifacts[0]?.binding).toEqual({
      kind: "step",
      step: "data_source_2",
      output: "outputTable",
    });
  });

  it("leaves text that is not steps to whoever else handles a paste", () => {
    expect(readClipboardText("apiVersion: core/v1\n")).toEqual({ kind: "other" });
    expect(readClipboardText('{"kind": "something else", "steps": []}')).toEqual({ kind: "other" });
  });

  it("refuses a malformed step list whole, saying what and where", () => {
    const refused = (edit: (clip: { steps: Record<string, unknown>[] }) => void) => {
      const clip = copied();
      edit(clip);
      const read = readClipboardText(JSON.stringify(clip));
      expect(read.kind).toBe("refused");
      return read.kind === "refused" ? read.reason : "";
    };
    expect(readClipboardText('{"kind": "paiflow-designer/steps", "steps": [')).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/^not valid JSON/),
    });
    expect(refused((c) => (c.steps = []))).toMatch(/^steps: /);
    expect(refused((c) => delete c.steps[0]?.raw)).toMatch(/^steps\.0\.raw: /);
    expect(refused((c) => ((c.steps[1] as { name: unknown }).name = 7))).toMatch(/^steps\.1\.name: /);
    expect(
      refused((c) => {
        (c.steps[0] as { parameters: unknown[] }).parameters = [{ name: "p", binding: { kind: "magic" } }];
      }),
    ).toMatch(/^steps\.0\.parameters\.0\.binding/);
    expect(refused((c) => ((c.steps[0] as { position: unknown }).position = { x: "1", y: 2 }))).toMatch(
      /^steps\.0\.position\.x: /,
    );
    // Edges and dependencies must stay among the pasted steps, as copy leaves them.
    expect(refused((c) => ((c.steps[1] as { dependencies: string[] }).dependencies = ["elsewhere"]))).toBe(
      "steps.1.dependencies.0: depends on elsewhere, which is not pasted",
    );
    expect(refused((c) => ((c.steps[1] as { name: string }).name = "data_source"))).toBe(
      "steps: two steps have the same name",
    );
  });

  it("refuses a step list past the size limit before reading it", () => {
    const clip = copied();
    clip.steps[0].displayName = "x".repeat(MAX_MANIFEST_BYTES);
    const read = readClipboardText(JSON.stringify(clip));
    expect(read).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/^pasted text is \d+ bytes; the limit is 5 MB$/),
    });
  });
});
