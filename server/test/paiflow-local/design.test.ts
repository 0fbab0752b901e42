/**
 * Design-time schemas: every local component's output schema from its inputs and parameters,
 * checked against what running the same pipeline really produces; unknown parts say why; the
 * table catalog's list and preview.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PortSchema, StepSchema } from "@pfd/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, manifest, type StepSpec, startHarness, T1, T2 } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface SchemasAnswer {
  Version: string;
  Steps: Record<string, StepSchema>;
  Reason?: string;
}

const schemas = (text: string, args?: string) =>
  h.call<SchemasAnswer>("DescribePipelineSchemas", "POST", "/api/v1/local/schemas", {
    body: { PipelineManifest: text, ...(args ? { Arguments: args } : {}) },
  });

const columns = (port: PortSchema | undefined) => (port?.kind === "table" ? port.columns : undefined);

/** One pipeline using every component the engine runs. */
const EVERY_COMPONENT: StepSpec[] = [
  { name: "read", component: "data_source", params: { inputTableName: "pai_online_project.wumai_data" } },
  {
    name: "users",
    component: "data_source",
    params: { inputTableName: "pai_online_project.user_info" },
  },
  {
    name: "conv",
    component: "type_transform",
    params: { cols_to_double: "pm2,pm10,so2,co,no2", cols_to_int: "hour", reserveOldFeat: "false" },
    inputs: { inputTable: "read.outputTable" },
  },
  {
    name: "label",
    component: "sql",
    params: {
      sql: `select hour, (case when pm2 > 200 then 1 else 0 end), pm10, so2, co, no2, upper(time) t from ${T1}`,
    },
    inputs: { inputTable1: "conv.outputTable" },
  },
  {
    name: "norm",
    component: "normalize_1",
    params: { selectedColNames: "pm10,so2", keepOriginal: "true" },
    inputs: { inputTable: "label.outputTable" },
  },
  {
    name: "split",
    component: "split",
    params: { fraction: "0.7" },
    inputs: { inputTable: "norm.outputTable" },
  },
  {
    name: "lr",
    component: "logisticregression_binary",
    params: { featureColNames: "pm10,so2,co,no2", labelColName: "_c1" },
    inputs: { inputTable: "split.output1Table" },
  },
  {
    name: "rf",
    component: "random_forests_1",
    params: { featureColNames: "pm10,so2,co,no2", labelColName: "_c1", treeNum: "3" },
    inputs: { inputTable: "split.output1Table" },
  },
  {
    name: "pred",
    component: "Prediction_1",
    params: { appendColNames: "hour,_c1" },
    inputs: { model: "lr.model", inputTable: "split.output2Table" },
  },
  {
    name: "pred-rf",
    component: "Prediction_1",
    params: { resultColName: "r", scoreColName: "s", detailColName: "d" },
    inputs: { model: "rf.model", inputTable: "split.output2Table" },
  },
  {
    name: "eval",
    component: "evaluate_1",
    params: { labelColName: "_c1", binCount: "50" },
    inputs: { inputTable: "pred.outputTable" },
  },
  {
    name: "hist",
    component: "histograms",
    params: { selectedColNames: "pm10,hour", intervalNum: "5" },
    inputs: { inputTable: "label.outputTable" },
  },
  {
    name: "view",
    component: "fe_meta_runner",
    params: { selectedCols: "pm10,t", labelCol: "_c1", maxBins: "4" },
    inputs: { inputTable: "label.outputTable" },
  },
  {
    name: "merge",
    component: "AppendColumns",
    params: { leftColumns: "uid:id:STRING,city", rightColumns: "gender" },
    inputs: { leftTable: "users.outputTable", rightTable: "users.outputTable" },
  },
  {
    name: "join",
    component: "sql",
    params: { sql: `select a.id, count(*) as n from ${T1} a join ${T2} b on a.id = b.uid group by all` },
    inputs: { inputTable1: "merge.outputTable", inputTable2: "users.outputTable" },
  },
  {
    name: "write",
    component: "SqlWriteTable_1",
    params: { outputTableName: "design_test.merged" },
    inputs: { inputTable: "merge.outputTable" },
  },
];

describe("schemas", () => {
  it("of every component equal the columns a run produces, without running anything", async () => {
    const text = manifest(EVERY_COMPONENT, "every-component");
    const before = (await h.call<{ TotalCount: number }>("ListPipelineRuns", "GET", "/api/v1/pipelineruns"))
      .TotalCount;
    const answer = await schemas(text);
    expect(answer.Reason).toBeUndefined();
    expect(
      (await h.call<{ TotalCount: number }>("ListPipelineRuns", "GET", "/api/v1/pipelineruns")).TotalCount,
    ).toBe(before);
    for (const [name, step] of Object.entries(answer.Steps)) expect(step.reason, name).toBeUndefined();

    const id = await h.create(text, { Options: JSON.stringify({ pfd: { reuse: false } }) });
    const run = await h.wait(id, 60_000);
    expect(run.Message).toBeUndefined();
    let compared = 0;
    for (const spec of EVERY_COMPONENT) {
      for (const [output, port] of Object.entries(answer.Steps[spec.name]?.outputs ?? {})) {
        if (port.kind !== "table") continue;
        const actual = await h.preview(id, spec.name, output, 1);
        expect(port.columns, `${spec.name}.${output}`).toEqual(
          actual.Columns.map((c) => ({ name: c.Name, type: c.Type })),
        );
        compared++;
      }
    }
    expect(compared).toBe(16);
    // Inputs are the upstream outputs; models carry their features and label.
    expect(answer.Steps.pred?.inputs.model).toEqual({
      kind: "model",
      features: ["pm10", "so2", "co", "no2"],
      label: "_c1",
      labelType: "INTEGER",
    });
    expect(answer.Steps.write?.outputs).toEqual({});
  });

  it("of the seed sample's Read Table are its seven text columns", async () => {
    const answer = await schemas(
      manifest([
        { name: "r", component: "data_source", params: { inputTableName: "pai_online_project.wumai_data" } },
      ]),
    );
    expect(columns(answer.Steps.r?.outputs.outputTable)).toEqual(
      ["time", "hour", "pm2", "pm10", "so2", "co", "no2"].map((name) => ({ name, type: "VARCHAR" })),
    );
  });

  it("of the smog template: all 13 steps known", async () => {
    const text = await readFile(path.join(__dirname, "fixtures/smog-prediction.yaml"), "utf8");
    const answer = await schemas(text);
    expect(Object.keys(answer.Steps)).toHaveLength(13);
    expect(Object.values(answer.Steps).filter((s) => s.reason)).toEqual([]);
    expect(columns(answer.Steps["smog-label"]?.outputs.outputTable)?.map((c) => c.name)).toEqual([
      "time",
      "hour",
      "_c2",
      "pm10",
      "so2",
      "co",
      "no2",
    ]);
  });

  it("say why a step is unknown, once on the step, and what that leaves unknown below it", async () => {
    const answer = await schemas(
      manifest([
        { name: "r", component: "data_source", params: { inputTableName: "pai_online_project.wumai_data" } },
        {
          name: "typo",
          component: "type_transform",
          params: { cols_to_double: "pm25" },
          inputs: { inputTable: "r.outputTable" },
        },
        {
          name: "after",
          component: "split",
          inputs: { inputTable: "typo.outputTable" },
        },
        { name: "bad-sql", component: "sql", params: { sql: "select nope from range(3)" } },
        {
          name: "drop",
          component: "sql",
          params: { sql: "drop table pai_online_project.wumai_data; select 1" },
        },
        { name: "missing", component: "data_source", params: { inputTableName: "nowhere.t" } },
        { name: "custom", component: "my_own_component" },
      ]),
    );
    const s = answer.Steps;
    expect(s.r?.reason).toBeUndefined();
    expect(s.typo?.inputs.inputTable?.kind).toBe("table");
    expect(s.typo?.reason).toMatch(/cols_to_double: column\(s\) pm25 not in/);
    expect(s.typo?.outputs.outputTable).toEqual({ kind: "unknown", reason: s.typo?.reason });
    expect(s.after?.inputs.inputTable?.kind).toBe("unknown");
    expect(s.after?.reason).toMatch(/^input inputTable is unknown: cols_to_double/);
    expect(s["bad-sql"]?.reason).toMatch(/SQL error: .*nope/);
    expect(s.drop?.reason).toMatch(/was refused/);
    expect(s.missing?.reason).toMatch(/nowhere.t is not in the local table catalog/);
    expect(s.custom?.reason).toMatch(/component .*my_own_component is not supported by the local engine/);
    // Describing the refused SQL changed nothing.
    const read = await h.wait(
      await h.create(
        manifest([
          {
            name: "r",
            component: "data_source",
            params: { inputTableName: "pai_online_project.wumai_data" },
          },
        ]),
      ),
    );
    expect(read.Status).toBe("Succeeded");
  });

  it("answer a manifest that does not parse with the reason, never an error", async () => {
    const answer = await schemas("spec: [");
    expect(answer.Steps).toEqual({});
    expect(answer.Reason).toMatch(/line/);
  });

  it("are versioned by manifest and catalog: a replaced table gives a new version", async () => {
    const text = manifest([
      { name: "r", component: "data_source", params: { inputTableName: "design_v.t" } },
    ]);
    const write = (sql: string) =>
      h.create(
        manifest([
          { name: "s", component: "sql", params: { sql } },
          {
            name: "w",
            component: "SqlWriteTable_1",
            params: { outputTableName: "design_v.t" },
            inputs: { inputTable: "s.outputTable" },
          },
        ]),
      );
    await h.wait(await write("select 1 as a"));
    const first = await schemas(text);
    const again = await schemas(text);
    expect([again.Version, again.Steps]).toEqual([first.Version, first.Steps]);
    await h.wait(await write("select 1 as a, 'x' as b"));
    const second = await schemas(text);
    expect(second.Version).not.toBe(first.Version);
    expect(columns(second.Steps.r?.outputs.outputTable)?.map((c) => c.name)).toEqual(["a", "b"]);
  });
});

describe("tables", () => {
  it("lists what exists with its origin and previews a table's partitions and rows", async () => {
    const steps: StepSpec[] = [
      { name: "s", component: "sql", params: { sql: "select range as x from range(150)" } },
      {
        name: "w",
        component: "SqlWriteTable_1",
        params: {
          outputTableName: "design_t.parted",
          hasPartition: "true",
          outputTablePartition: "dt=20240101",
        },
        inputs: { inputTable: "s.outputTable" },
      },
    ];
    await h.wait(await h.create(manifest(steps)));
    steps[1] = {
      ...(steps[1] as StepSpec),
      params: {
        outputTableName: "design_t.parted",
        hasPartition: "true",
        outputTablePartition: "dt=20240102",
      },
    };
    await h.wait(await h.create(manifest(steps)));
    const list = await h.call<{
      Tables: { Name: string; Origin: string; Rows: number; PartitionColumns: string[] }[];
    }>("ListLocalTables", "GET", "/api/v1/local/tables");
    expect(list.Tables.find((t) => t.Name === "pai_online_project.wumai_data")).toMatchObject({
      Origin: "sample",
      Rows: 17_544,
    });
    expect(list.Tables.find((t) => t.Name === "design_t.parted")).toMatchObject({
      Origin: "pipeline",
      Rows: 300,
      PartitionColumns: ["dt"],
    });
    const filtered = await h.call<{ Tables: { Name: string }[] }>(
      "ListLocalTables",
      "GET",
      "/api/v1/local/tables",
      {
        query: { Keyword: "DESIGN_T." },
      },
    );
    expect(filtered.Tables.map((t) => t.Name)).toEqual(["design_t.parted"]);
    const preview = await h.call<{
      Columns: { Name: string }[];
      Partitions: string[];
      Rows: unknown[][];
      TotalCount: number;
    }>("PreviewLocalTable", "GET", "/api/v1/local/tables/design_t.parted/preview", {
      query: { Limit: "100" },
    });
    expect(preview.Columns.map((c) => c.Name)).toEqual(["x", "dt"]);
    expect(preview.Partitions).toEqual(["dt=20240101", "dt=20240102"]);
    expect(preview.Rows).toHaveLength(100);
    expect(preview.TotalCount).toBe(300);
    const one = await h.call<{ TotalCount: number }>(
      "PreviewLocalTable",
      "GET",
      "/api/v1/local/tables/design_t.parted/preview",
      { query: { Partition: "dt=20240102" } },
    );
    expect(one.TotalCount).toBe(150);
    await expect(
      h.call("PreviewLocalTable", "GET", "/api/v1/local/tables/design_t.nothing/preview"),
    ).rejects.toMatchObject({ code: "TableNotFound" });
  });
});
