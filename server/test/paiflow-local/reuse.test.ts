/**
 * Reuse and partial runs: a step whose component, parameters and inputs are unchanged since a
 * step that succeeded takes its outputs (status Reused, logs and previews of the source);
 * scoped runs execute only their steps and take what they need from earlier runs, or are
 * refused naming the step to run first.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, manifest, type StepSpec, startHarness, T1 } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface NodeView {
  Metadata: { Name: string; NodeId: string };
  StatusInfo: { Status: string; ReusedFrom?: { PipelineRunId: string; NodeId: string; Name: string } };
}

/** Creates a run with the local engine's options and waits for it; its nodes by step name. */
async function run(steps: StepSpec[], pfd?: Record<string, unknown>, name = "reuse-test") {
  const id = await h.create(manifest(steps, name), pfd ? { Options: JSON.stringify({ pfd }) } : {});
  const result = await h.wait(id);
  const root = await h.call<{ Spec: { Pipelines: NodeView[] } }>(
    "GetPipelineRunNode",
    "GET",
    `/api/v1/pipelineruns/${id}/nodes/${result.NodeId}`,
    { query: { Depth: "2" } },
  );
  const nodes = new Map(root.Spec.Pipelines.map((p) => [p.Metadata.Name, p]));
  const statuses = Object.fromEntries([...nodes].map(([n, p]) => [n, p.StatusInfo.Status]));
  return { id, status: String(result.Status), message: result.Message, nodes, statuses };
}

const chain = (double = "x * 2", sum = "sum(y)", rows = 5): StepSpec[] => [
  { name: "t", component: "sql", params: { sql: `select range as x from range(${rows})` } },
  {
    name: "a",
    component: "sql",
    params: { sql: `select ${double} as y from ${T1}` },
    inputs: { inputTable1: "t.outputTable" },
  },
  {
    name: "b",
    component: "sql",
    params: { sql: `select ${sum} as s from ${T1}` },
    inputs: { inputTable1: "a.outputTable" },
  },
  {
    name: "c",
    component: "sql",
    params: { sql: `select count(*) as n from ${T1}` },
    inputs: { inputTable1: "a.outputTable" },
  },
];

describe("reuse", () => {
  it("takes unchanged steps' outputs, reruns what changed and what is below it, and can be turned off", async () => {
    const first = await run(chain("x * 3"));
    expect(first.statuses).toEqual({ t: "Succeeded", a: "Succeeded", b: "Succeeded", c: "Succeeded" });

    const second = await run(chain("x * 3"));
    expect(second.status).toBe("Succeeded");
    expect(second.statuses).toEqual({ t: "Reused", a: "Reused", b: "Reused", c: "Reused" });
    expect(second.nodes.get("b")?.StatusInfo.ReusedFrom).toEqual({
      PipelineRunId: first.id,
      NodeId: first.nodes.get("b")?.Metadata.NodeId,
      Name: "b",
    });
    // A reused step's preview and logs are the source step's.
    expect(await h.rows(second.id, "b", "outputTable")).toEqual([{ s: 30 }]);
    const logs = await h.logs(second.id, second.nodes.get("b")?.Metadata.NodeId ?? "");
    expect(logs[0]).toMatch(new RegExp(`outputs reused from run ${first.id} \\(step b\\)`));
    expect(logs.some((l) => /succeeded in/.test(l))).toBe(true);

    // Changing b's parameter reruns b only.
    const third = await run(chain("x * 3", "sum(y) + 1"));
    expect(third.statuses).toEqual({ t: "Reused", a: "Reused", b: "Succeeded", c: "Reused" });
    expect(await h.rows(third.id, "b", "outputTable")).toEqual([{ s: 31 }]);

    // Changing a reruns a and everything reading it.
    const fourth = await run(chain("x * 4", "sum(y) + 1"));
    expect(fourth.statuses).toEqual({ t: "Reused", a: "Succeeded", b: "Succeeded", c: "Succeeded" });

    const again = await run(chain("x * 3"), { reuse: false });
    expect(again.statuses).toEqual({ t: "Succeeded", a: "Succeeded", b: "Succeeded", c: "Succeeded" });
  });

  it("never serves a catalog table's old data: a replaced table is read again", async () => {
    const write = (value: number): StepSpec[] => [
      { name: "v", component: "sql", params: { sql: `select ${value} as x` } },
      {
        name: "w",
        component: "SqlWriteTable_1",
        params: { outputTableName: "reuse_t.src" },
        inputs: { inputTable: "v.outputTable" },
      },
    ];
    const read: StepSpec[] = [
      { name: "r", component: "data_source", params: { inputTableName: "reuse_t.src" } },
      {
        name: "s",
        component: "sql",
        params: { sql: `select x + 1 as y from ${T1}` },
        inputs: { inputTable1: "r.outputTable" },
      },
    ];
    expect((await run(write(1))).statuses).toEqual({ v: "Succeeded", w: "Succeeded" });
    expect((await run(read)).statuses).toEqual({ r: "Succeeded", s: "Succeeded" });
    expect((await run(read)).statuses).toEqual({ r: "Reused", s: "Reused" });
    // Write Table has side effects: it always runs, even when its input is reused.
    expect((await run(write(1))).statuses).toEqual({ v: "Reused", w: "Succeeded" });
    // Rewritten with the same rows, the table still has a new version: read again, same data.
    expect((await run(read)).statuses).toEqual({ r: "Succeeded", s: "Succeeded" });
    expect((await run(write(5))).statuses).toEqual({ v: "Succeeded", w: "Succeeded" });
    const after = await run(read);
    expect(after.statuses).toEqual({ r: "Succeeded", s: "Succeeded" });
    expect(await h.rows(after.id, "s", "outputTable")).toEqual([{ y: 6 }]);
  });

  it("forgets outputs that are gone: a deleted run's steps are computed again", async () => {
    const steps = chain("x * 7", "sum(y)", 7);
    const first = await run(steps);
    const reused = await run(steps);
    expect(reused.statuses.b).toBe("Reused");
    await h.call("DeletePipelineRun", "DELETE", `/api/v1/pipelineruns/${first.id}`);
    expect((await run(steps)).statuses).toEqual({
      t: "Succeeded",
      a: "Succeeded",
      b: "Succeeded",
      c: "Succeeded",
    });
    // The run that had reused them says where its outputs went.
    await expect(h.preview(reused.id, "b", "outputTable")).rejects.toMatchObject({
      code: "OutputNotFound",
      message: expect.stringContaining(`run ${first.id}, whose outputs were deleted or rerun`),
    });
  });

  it("keeps a later run's outputs readable when the run it reused from is deleted", async () => {
    // Data Type Conversion's output may be a view over its input; over a reused input it is not.
    const steps = (cols: string): StepSpec[] => [
      { name: "t", component: "sql", params: { sql: "select '1.5' as a, '2' as b" } },
      {
        name: "c",
        component: "type_transform",
        params: { cols_to_double: cols },
        inputs: { inputTable: "t.outputTable" },
      },
    ];
    const first = await run(steps("a"));
    expect(await h.rows(first.id, "c", "outputTable")).toEqual([{ a: 1.5, b: "2" }]);
    const second = await run(steps("a,b"));
    expect(second.statuses).toEqual({ t: "Reused", c: "Succeeded" });
    await h.call("DeletePipelineRun", "DELETE", `/api/v1/pipelineruns/${first.id}`);
    expect(await h.rows(second.id, "c", "outputTable")).toEqual([{ a: 1.5, b: 2 }]);
  });
});

describe("scoped runs", () => {
  it("run this step: the step runs, the steps it reads from are reused, the rest are left out", async () => {
    const base = await run(chain("x * 5"));
    const one = await run(chain("x * 5", "max(y)"), { scope: { mode: "one", step: "b" } });
    expect(one.status).toBe("Succeeded");
    expect(one.statuses).toEqual({ t: "Reused", a: "Reused", b: "Succeeded" });
    expect(one.nodes.get("a")?.StatusInfo.ReusedFrom?.PipelineRunId).toBe(base.id);
    expect(await h.rows(one.id, "b", "outputTable")).toEqual([{ s: 20 }]);
    // Asked for by name, the step runs even when nothing changed.
    expect((await run(chain("x * 5"), { scope: { mode: "one", step: "b" } })).statuses).toEqual({
      t: "Reused",
      a: "Reused",
      b: "Succeeded",
    });
  });

  it("run to here and run from here", async () => {
    await run(chain("x * 6"));
    const to = await run(chain("x * 6"), { scope: { mode: "to", step: "a" } });
    expect(to.statuses).toEqual({ t: "Reused", a: "Succeeded" });
    const toFresh = await run(chain("x * 6"), { scope: { mode: "to", step: "a" }, reuse: false });
    expect(toFresh.statuses).toEqual({ t: "Succeeded", a: "Succeeded" });
    const from = await run(chain("x * 6", "sum(y) * 10"), { scope: { mode: "from", step: "a" } });
    expect(from.statuses).toEqual({ t: "Reused", a: "Succeeded", b: "Succeeded", c: "Reused" });
    expect(await h.rows(from.id, "b", "outputTable")).toEqual([{ s: 600 }]);
  });

  it("is refused, naming the step to run first, when a needed output does not exist; nothing is created", async () => {
    const count = async () =>
      (await h.call<{ TotalCount: number }>("ListPipelineRuns", "GET", "/api/v1/pipelineruns")).TotalCount;
    const before = await count();
    // a changed since any run: b cannot take its input from an earlier run.
    await expect(run(chain("x * 99"), { scope: { mode: "one", step: "b" } })).rejects.toMatchObject({
      code: "StepOutputMissing",
      data: expect.objectContaining({ Step: "a" }),
      message: expect.stringMatching(/Step "a" has no outputs from an earlier run .* run "a" first/),
    });
    await expect(run(chain(), { scope: { mode: "one", step: "nope" } })).rejects.toMatchObject({
      code: "InvalidParameter",
    });
    await expect(run(chain(), { scope: { mode: "sideways", step: "b" } })).rejects.toMatchObject({
      code: "InvalidParameter",
    });
    expect(await count()).toBe(before);
  });

  it("of the smog template: rerunning an evaluation reuses the other twelve steps, models included", async () => {
    const text = await readFile(path.join(__dirname, "fixtures/smog-prediction.yaml"), "utf8");
    const full = await h.wait(await h.create(text), 120_000);
    expect(full.Status).toBe("Succeeded");
    const changed = text.replace(/(name: "smog-eval-lr"[\s\S]*?name: "binCount"\s+value: )"1000"/, '$1"200"');
    expect(changed).not.toBe(text);
    const rerun = await h.wait(await h.create(changed), 60_000);
    expect(rerun.Status).toBe("Succeeded");
    const steps = await h.steps(String(rerun.PipelineRunId));
    const ran = [...steps].filter(([, s]) => s.Status === "Succeeded").map(([n]) => n);
    expect(ran).toEqual(["smog-eval-lr"]);
    expect([...steps.values()].filter((s) => s.Status === "Reused")).toHaveLength(12);
    // A prediction run alone reads the model its learner wrote in the first run.
    const predict = await h.wait(
      await h.create(text, {
        Options: JSON.stringify({ pfd: { scope: { mode: "one", step: "smog-predict-lr" } } }),
      }),
      60_000,
    );
    expect(predict.Message).toBeUndefined();
    expect((await h.steps(String(predict.PipelineRunId))).get("smog-predict-lr")?.Status).toBe("Succeeded");
  });
});
