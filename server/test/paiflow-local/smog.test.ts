/** PAI Designer's smog-prediction template, end to end on the sample data. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface MetricsOutput {
  Outputs: { Name: string; Type: string; Info: { value: Record<string, number> } }[];
}

it("runs the 13-step template and both models predict smog with a sensible AUC", async () => {
  const text = await readFile(path.join(__dirname, "fixtures/smog-prediction.yaml"), "utf8");
  const id = await h.create(text, { SourceType: "DESIGNER", Name: "smog" });
  const run = await h.wait(id, 120_000);
  expect(run.Message).toBeUndefined();
  expect(run.Status).toBe("Succeeded");
  const steps = await h.steps(id);
  expect(steps.size).toBe(13);
  expect([...steps.values()].every((s) => s.Status === "Succeeded")).toBe(true);

  // The SQL step's unnamed label column is `_c2`, as MaxCompute names it, and it is 0/1.
  const labelled = await h.preview(id, "smog-label", "outputTable", 5);
  expect(labelled.Columns.map((c) => c.Name)).toEqual(["time", "hour", "_c2", "pm10", "so2", "co", "no2"]);
  expect(labelled.TotalCount).toBeGreaterThanOrEqual(10_000);

  const train = (await h.preview(id, "smog-split", "output1Table", 1)).TotalCount;
  const test = (await h.preview(id, "smog-split", "output2Table", 1)).TotalCount;
  expect(train / (train + test)).toBeCloseTo(0.8, 1);

  for (const step of ["smog-eval-lr", "smog-eval-rf"]) {
    const node = steps.get(step);
    const out = await h.call<MetricsOutput>(
      "ListPipelineRunNodeOutputs",
      "GET",
      `/api/v1/pipelineruns/${id}/nodes/${node?.NodeId}/outputs`,
      {
        query: { Depth: "1", Type: "ModelEvaluation" },
      },
    );
    const m = out.Outputs[0]?.Info.value ?? {};
    console.info(`${step}: AUC ${m.AUC?.toFixed(4)}, KS ${m.KS?.toFixed(4)}, F1 ${m.F1?.toFixed(4)}`);
    expect(m.AUC).toBeGreaterThan(0.85);
    expect(m.AUC).toBeLessThan(1);
    expect(m.Total).toBe(test);
    expect((m.TP ?? 0) + (m.FP ?? 0) + (m.TN ?? 0) + (m.FN ?? 0)).toBe(test);
  }
});
