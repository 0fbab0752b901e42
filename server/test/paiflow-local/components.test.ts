/** Each component's results on small tables: values, not "it ran". */
import {
  ColumnStatisticsListSchema,
  DATA_VIEW_COLUMNS,
  EVALUATION_THRESHOLD_COLUMNS,
  EvaluationMetricsSchema,
  HISTOGRAM_COLUMNS,
} from "@pfd/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, manifest, type StepSpec, startHarness, T1, T2 } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Runs the steps; fails the test with the run's message unless it succeeds. */
async function run(steps: StepSpec[]): Promise<string> {
  const id = await h.create(manifest(steps));
  const result = await h.wait(id);
  if (result.Status !== "Succeeded") throw new Error(`run ${result.Status}: ${result.Message}`);
  return id;
}

const values = (name: string, sql: string): StepSpec => ({ name, component: "sql", params: { sql } });

/** A value output of a step (`Info.value`), as the step outputs route passes it on. */
async function valueOutput(id: string, step: string, output: string): Promise<unknown> {
  const node = (await h.steps(id)).get(step);
  const outs = await h.call<{ Outputs: { Name: string; Info: { value: unknown } }[] }>(
    "ListPipelineRunNodeOutputs",
    "GET",
    `/api/v1/pipelineruns/${id}/nodes/${node?.NodeId}/outputs`,
    { query: { Depth: "1", Name: output } },
  );
  return outs.Outputs[0]?.Info.value;
}

/** An output table's column names, in order. */
async function columnNames(id: string, step: string, output: string): Promise<string[]> {
  return (await h.preview(id, step, output, 1)).Columns.map((c) => c.Name);
}

describe("data_source", () => {
  it("reads the sample smog table with every column a string", async () => {
    const id = await run([
      { name: "read", component: "data_source", params: { inputTableName: "pai_online_project.wumai_data" } },
    ]);
    const p = await h.preview(id, "read", "outputTable", 3);
    expect(p.TotalCount).toBeGreaterThanOrEqual(10_000);
    expect(p.Columns).toEqual(
      ["time", "hour", "pm2", "pm10", "so2", "co", "no2"].map((Name) => ({ Name, Type: "VARCHAR" })),
    );
    expect(p.Rows[0]?.[0]).toMatch(/^2016\d{4}$/);
  });

  it("filters partitions and names a missing table", async () => {
    const id = await run([
      values("t", "select * from (values ('20240101', 1), ('20240102', 2), ('20240101', 3)) v(dt, x)"),
      {
        name: "w",
        component: "SqlWriteTable_1",
        params: { outputTableName: "test_proj.parted" },
        inputs: { inputTable: "t.outputTable" },
      },
      {
        name: "r",
        component: "data_source",
        params: { inputTableName: "test_proj.parted", hasPartition: "true", partition: "dt=20240101" },
        deps: ["w"],
      },
    ]);
    expect((await h.rows(id, "r", "outputTable")).map((r) => r.x).sort()).toEqual([1, 3]);
    const bad = await h.create(
      manifest([{ name: "r", component: "data_source", params: { inputTableName: "nowhere.table1" } }]),
    );
    const result = await h.wait(bad);
    expect(result.Status).toBe("Failed");
    expect(String(result.Message)).toContain("nowhere.table1 is not in the local table catalog");
  });
});

describe("type_transform", () => {
  it("casts, applies defaults to values that do not convert, keeps originals on request", async () => {
    const id = await run([
      values("t", "select * from (values ('1.5', '7', 3), ('x', '2.9', 4), (NULL, 'y', 5)) v(a, b, c)"),
      {
        name: "conv",
        component: "type_transform",
        params: { cols_to_double: "a", cols_to_int: "b", cols_to_string: "c", default_double_value: "-1" },
        inputs: { inputTable: "t.outputTable" },
      },
      {
        name: "keep",
        component: "type_transform",
        params: { cols_to_double: "a", reserveOldFeat: "true" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    const p = await h.preview(id, "conv", "outputTable");
    expect(p.Columns).toEqual([
      { Name: "a", Type: "DOUBLE" },
      { Name: "b", Type: "BIGINT" },
      { Name: "c", Type: "VARCHAR" },
    ]);
    expect(p.Rows).toEqual([
      [1.5, 7, "3"],
      [-1, 2, "4"],
      [-1, null, "5"],
    ]);
    const keep = await h.preview(id, "keep", "outputTable");
    expect(keep.Columns.map((c) => c.Name)).toEqual(["a", "a_double", "b", "c"]);
  });
});

describe("sql", () => {
  it("substitutes the input tables t1/t2, names unnamed columns _c<i> as MaxCompute does", async () => {
    const id = await run([
      values("l", "select * from (values (1, 150.0), (2, 250.0)) v(id, pm2)"),
      values("r", "select * from (values (1, 'a'), (2, 'b')) v(id, tag)"),
      {
        name: "j",
        component: "sql",
        params: {
          sql: `select l.id, (case when pm2 > 200 then 1 else 0 end), upper(tag) as tag from ${T1} l join ${T2} r on l.id = r.id order by l.id;`,
        },
        inputs: { inputTable1: "l.outputTable", inputTable2: "r.outputTable" },
      },
    ]);
    expect(await h.rows(id, "j", "outputTable")).toEqual([
      { id: 1, _c1: 0, tag: "A" },
      { id: 2, _c1: 1, tag: "B" },
    ]);
  });

  it("fails with the SQL error, and when input table 2 is not connected", async () => {
    const bad = await h.create(manifest([values("s", "select nope from range(3)")]));
    expect(String((await h.wait(bad)).Message)).toMatch(/SQL error: .*nope/);
    const unbound = await h.create(manifest([values("s", `select * from ${T2}`)]));
    expect(String((await h.wait(unbound)).Message)).toContain("inputTable2 is not connected");
  });
});

describe("split", () => {
  it("splits by fraction deterministically and by threshold exactly", async () => {
    const steps: StepSpec[] = [
      values("t", "select range as x from range(1000)"),
      {
        name: "f",
        component: "split",
        params: { fraction: "0.8", randomSeed: "7" },
        inputs: { inputTable: "t.outputTable" },
      },
      {
        name: "g",
        component: "split",
        params: { _splitMethod: "_threshold", thresholdColName: "x", threshold: "300" },
        inputs: { inputTable: "t.outputTable" },
      },
    ];
    const id = await run(steps);
    const a = (await h.rows(id, "f", "output1Table")).map((r) => r.x as number);
    const b = (await h.rows(id, "f", "output2Table")).map((r) => r.x as number);
    expect(a.length + b.length).toBe(1000);
    expect(new Set([...a, ...b]).size).toBe(1000);
    expect(a.length).toBeGreaterThan(740);
    expect(a.length).toBeLessThan(860);
    const again = await run(steps);
    expect((await h.rows(again, "f", "output1Table")).map((r) => r.x)).toEqual(a);
    expect((await h.preview(id, "g", "output1Table")).TotalCount).toBe(300);
    expect((await h.preview(id, "g", "output2Table")).TotalCount).toBe(700);
  });
});

describe("normalize_1", () => {
  it("scales to [0, 1], keeps other columns and writes the min/max table", async () => {
    const id = await run([
      values("t", "select * from (values (0.0, 10, 'a'), (5.0, 10, 'b'), (10.0, 10, 'c')) v(x, k, s)"),
      {
        name: "n",
        component: "normalize_1",
        params: { selectedColNames: "x,k" },
        inputs: { inputTable: "t.outputTable" },
      },
      {
        name: "keep",
        component: "normalize_1",
        params: { selectedColNames: "x", keepOriginal: "true" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    expect(await h.rows(id, "n", "outputTable")).toEqual([
      { x: 0, k: 0, s: "a" },
      { x: 0.5, k: 0, s: "b" },
      { x: 1, k: 0, s: "c" },
    ]);
    expect(await h.rows(id, "n", "outputParaTable")).toEqual([
      { feature: "x", min: 0, max: 10 },
      { feature: "k", min: 10, max: 10 },
    ]);
    expect((await h.rows(id, "keep", "outputTable"))[1]).toEqual({ x: 5, k: 10, s: "b", normalized_x: 0.5 });
  });
});

describe("SqlWriteTable_1 and AppendColumns", () => {
  it("writes a catalog table that a later run reads; replaces only its partition", async () => {
    await run([
      values("t", "select * from (values (1), (2)) v(x)"),
      {
        name: "w",
        component: "SqlWriteTable_1",
        params: { outputTableName: "test_proj.written", hasPartition: "true", outputTablePartition: "dt=1" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    await run([
      values("t", "select * from (values (3)) v(x)"),
      {
        name: "w",
        component: "SqlWriteTable_1",
        params: { outputTableName: "test_proj.written", hasPartition: "true", outputTablePartition: "dt=2" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    await run([
      values("t", "select * from (values (4)) v(x)"),
      {
        name: "w",
        component: "SqlWriteTable_1",
        params: { outputTableName: "test_proj.written", hasPartition: "true", outputTablePartition: "dt=1" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    const id = await run([
      { name: "r", component: "data_source", params: { inputTableName: "test_proj.written" } },
    ]);
    const rows = (await h.rows(id, "r", "outputTable")).sort((a, b) => Number(a.x) - Number(b.x));
    expect(rows).toEqual([
      { x: 3, dt: "2" },
      { x: 4, dt: "1" },
    ]);
    const unresolved = await h.create(
      manifest([
        values("t", "select 1 as x"),
        {
          name: "w",
          component: "SqlWriteTable_1",
          params: {
            outputTableName: "test_proj.w2",
            hasPartition: "true",
            outputTablePartition: "dt=$" + "{bizdate}",
          },
          inputs: { inputTable: "t.outputTable" },
        },
      ]),
    );
    expect(String((await h.wait(unresolved)).Message)).toContain("global variable");
  });

  it("merges columns row by row with aliases and types", async () => {
    const id = await run([
      values("l", "select * from (values (1, 'x'), (2, 'y')) v(a, b)"),
      values("r", "select * from (values ('u1', 30), ('u2', 40)) v(uid, age)"),
      {
        name: "m",
        component: "AppendColumns",
        params: { leftColumns: "a:left_a:STRING", rightColumns: "uid,age:age:DOUBLE" },
        inputs: { leftTable: "l.outputTable", rightTable: "r.outputTable" },
      },
    ]);
    const p = await h.preview(id, "m", "outputTable");
    expect(p.Columns).toEqual([
      { Name: "left_a", Type: "VARCHAR" },
      { Name: "uid", Type: "VARCHAR" },
      { Name: "age", Type: "DOUBLE" },
    ]);
    expect(p.Rows).toEqual([
      ["1", "u1", 30],
      ["2", "u2", 40],
    ]);
  });
});

describe("statistics", () => {
  it("histograms count equal-width bins", async () => {
    const id = await run([
      values("t", "select range::DOUBLE as x from range(10)"),
      {
        name: "h",
        component: "histograms",
        params: { selectedColNames: "x", intervalNum: "2" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    expect(await h.rows(id, "h", "outputTable")).toEqual([
      { feature: "x", bin: 0, lower: 0, upper: 4.5, count: 5, frequency: 0.5 },
      { feature: "x", bin: 1, lower: 4.5, upper: 9, count: 5, frequency: 0.5 },
    ]);
    expect(await columnNames(id, "h", "outputTable")).toEqual([...HISTOGRAM_COLUMNS]);
    const [x] = ColumnStatisticsListSchema.parse(await valueOutput(id, "h", "statistics"));
    expect(x).toMatchObject({ feature: "x", type: "numeric", count: 10, missing: 0, min: 0, max: 9 });
    // Its small distribution: 20 bins of width 0.45 from 0 to 9, one value in each of these.
    const filled = [0, 2, 4, 6, 8, 11, 13, 15, 17, 19];
    expect(x?.histogram).toEqual({
      lower: 0,
      upper: 9,
      counts: Array.from({ length: 20 }, (_, i) => (filled.includes(i) ? 1 : 0)),
    });
  });

  it("data view crosses bins with the label and reports IV", async () => {
    const id = await run([
      values("t", "select range::DOUBLE as x, (range >= 5)::INTEGER as y from range(10)"),
      {
        name: "v",
        component: "fe_meta_runner",
        params: { selectedCols: "x", labelCol: "y", maxBins: "2" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    expect(await h.rows(id, "v", "outputTable")).toEqual([
      { feature: "x", bin: 0, lower: 0, upper: 4.5, value: null, label: "0", count: 5 },
      { feature: "x", bin: 1, lower: 4.5, upper: 9, value: null, label: "1", count: 5 },
    ]);
    expect(await columnNames(id, "v", "outputTable")).toEqual([...DATA_VIEW_COLUMNS]);
    const [stats] = ColumnStatisticsListSchema.parse(await valueOutput(id, "v", "statistics"));
    expect(stats).toMatchObject({ feature: "x", mean: 4.5 });
    // Each bin: (5.5/6 - 0.5/6) * ln(11) twice.
    expect(stats?.iv).toBeCloseTo(2 * (10 / 12) * Math.log(11), 6);
  });

  it("data view counts text columns by value and gives each column a small distribution", async () => {
    const id = await run([
      values(
        "t",
        "select * from (values ('a', 1.0, 'p'), ('b', 2.0, 'p'), ('a', 3.0, 'q'), ('c', 4.0, 'q'), ('a', NULL, 'q')) v(city, x, y)",
      ),
      {
        name: "v",
        component: "fe_meta_runner",
        params: { labelCol: "y", maxBins: "3" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    // Text: the 2 most frequent values get a bin each (maxBins 3), the rest share the last one.
    const rows = (await h.rows(id, "v", "outputTable")).filter((r) => r.feature === "city");
    expect(rows).toEqual([
      { feature: "city", bin: 0, lower: null, upper: null, value: "a", label: "p", count: 1 },
      { feature: "city", bin: 0, lower: null, upper: null, value: "a", label: "q", count: 2 },
      { feature: "city", bin: 1, lower: null, upper: null, value: "b", label: "p", count: 1 },
      { feature: "city", bin: 2, lower: null, upper: null, value: null, label: "q", count: 1 },
    ]);
    const [city, x] = ColumnStatisticsListSchema.parse(await valueOutput(id, "v", "statistics"));
    expect(city).toMatchObject({ feature: "city", type: "text", count: 5, missing: 0 });
    expect(city?.top).toEqual([
      { value: "a", count: 3 },
      { value: "b", count: 1 },
      { value: "c", count: 1 },
    ]);
    expect(x).toMatchObject({ feature: "x", type: "numeric", count: 4, missing: 1, min: 1, max: 4 });
    const histogram = x?.histogram ?? { lower: 0, upper: 0, counts: [] };
    expect(histogram.counts).toHaveLength(20);
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect([histogram.counts[0], histogram.counts[19]]).toEqual([1, 1]);
  });
});

describe("evaluate_1", () => {
  /** Six scored rows, three positive: AUC 8/9, KS 2/3. */
  const SCORED = values(
    "t",
    "select * from (values (1, 0.9), (1, 0.8), (0, 0.7), (1, 0.6), (0, 0.4), (0, 0.2)) v(label, score)",
  );

  it("computes AUC, KS, the confusion matrix, precision, recall and F1", async () => {
    const id = await run([
      SCORED,
      {
        name: "e",
        component: "evaluate_1",
        params: { labelColName: "label", scoreColName: "score", positiveLabel: "1", binCount: "10" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    const m = Object.fromEntries((await h.rows(id, "e", "outputMetricTable")).map((r) => [r.name, r.value]));
    // The metrics output holds the same values as the metric table.
    expect(EvaluationMetricsSchema.parse(await valueOutput(id, "e", "metrics"))).toEqual(m);
    expect(m.AUC).toBeCloseTo(8 / 9, 10);
    expect(m.KS).toBeCloseTo(2 / 3, 10);
    expect([m.TP, m.FP, m.TN, m.FN]).toEqual([3, 1, 2, 0]);
    expect(m.Precision).toBeCloseTo(0.75, 10);
    expect(m.Recall).toBe(1);
    expect(m.F1).toBeCloseTo(6 / 7, 10);
    // binCount 10 over 6 rows: every score is a threshold, strictest first.
    expect(await columnNames(id, "e", "outputDetailTable")).toEqual([...EVALUATION_THRESHOLD_COLUMNS]);
    const detail = await h.rows(id, "e", "outputDetailTable");
    expect(detail.map((r) => r.threshold)).toEqual([0.9, 0.8, 0.7, 0.6, 0.4, 0.2]);
    expect(detail[3]).toMatchObject({
      threshold: 0.6,
      tp: 3,
      fp: 1,
      tn: 2,
      fn: 0,
      precision: 0.75,
      recall: 1,
    });
    expect(detail[3]?.f1).toBeCloseTo(6 / 7, 10);
    expect(detail[3]?.accuracy).toBeCloseTo(5 / 6, 10);
    expect(detail[3]?.fpr).toBeCloseTo(1 / 3, 10);
    expect(detail[3]?.ks).toBeCloseTo(2 / 3, 10);
    expect(detail[3]?.depth).toBeCloseTo(4 / 6, 10);
    expect(detail[3]?.lift).toBeCloseTo(1.5, 10);
    // The curves end at (1, 1); the largest tpr - fpr is the KS metric.
    expect(detail.at(-1)).toMatchObject({ tpr: 1, fpr: 1, depth: 1, lift: 1 });
    expect(Math.max(...detail.map((r) => Number(r.ks)))).toBeCloseTo(m.KS as number, 10);
  });

  it("cuts the threshold table into binCount equal-frequency bins", async () => {
    const id = await run([
      SCORED,
      {
        name: "e",
        component: "evaluate_1",
        params: { labelColName: "label", scoreColName: "score", binCount: "3" },
        inputs: { inputTable: "t.outputTable" },
      },
    ]);
    const detail = await h.rows(id, "e", "outputDetailTable");
    expect(detail.map((r) => [r.threshold, r.tp, r.fp])).toEqual([
      [0.8, 2, 0],
      [0.6, 3, 1],
      [0.2, 3, 3],
    ]);
  });
});

describe("learning", () => {
  const data = values(
    "t",
    "select range::DOUBLE as x, ((range * 7) % 10)::DOUBLE as noise, CASE WHEN range >= 50 THEN 'yes' ELSE 'no' END as label from range(100)",
  );

  it("logistic regression learns a threshold; prediction writes result, score and detail", async () => {
    const id = await run([
      data,
      {
        name: "lr",
        component: "logisticregression_binary",
        params: {
          featureColNames: "x,noise",
          labelColName: "label",
          goodValue: "yes",
          regularizedType: "l2",
          regularizedLevel: "0.1",
        },
        inputs: { inputTable: "t.outputTable" },
      },
      {
        name: "p",
        component: "Prediction_1",
        params: { appendColNames: "x,label" },
        inputs: { model: "lr.model", inputTable: "t.outputTable" },
      },
      {
        name: "e",
        component: "evaluate_1",
        params: { labelColName: "label", positiveLabel: "yes" },
        inputs: { inputTable: "p.outputTable" },
      },
    ]);
    const p = await h.preview(id, "p", "outputTable");
    expect(p.Columns.map((c) => c.Name)).toEqual([
      "x",
      "label",
      "prediction_result",
      "prediction_score",
      "prediction_detail",
    ]);
    const rows = await h.rows(id, "p", "outputTable");
    const wrong = rows.filter((r) => r.prediction_result !== r.label);
    expect(wrong.length).toBeLessThanOrEqual(2);
    const row = rows[90] as Record<string, unknown>;
    const detail = JSON.parse(String(row.prediction_detail)) as Record<string, number>;
    expect(detail.yes).toBeCloseTo(row.prediction_score as number, 10);
    expect((detail.yes ?? 0) + (detail.no ?? 0)).toBeCloseTo(1, 10);
    const m = Object.fromEntries((await h.rows(id, "e", "outputMetricTable")).map((r) => [r.name, r.value]));
    // The metrics output holds the same values as the metric table.
    expect(EvaluationMetricsSchema.parse(await valueOutput(id, "e", "metrics"))).toEqual(m);
    expect(m.AUC).toBeGreaterThan(0.99);
  });

  it("random forest learns the same rule; numeric labels come back numeric", async () => {
    const id = await run([
      values("t", "select range::DOUBLE as x, (range >= 50)::INTEGER as y from range(100)"),
      {
        name: "rf",
        component: "random_forests_1",
        params: { featureColNames: "x", labelColName: "y", treeNum: "10" },
        inputs: { inputTable: "t.outputTable" },
      },
      {
        name: "p",
        component: "Prediction_1",
        params: { featureColNames: "x" },
        inputs: { model: "rf.model", inputTable: "t.outputTable" },
      },
    ]);
    const p = await h.preview(id, "p", "outputTable");
    expect(p.Columns.find((c) => c.Name === "prediction_result")?.Type).toBe("INTEGER");
    const rows = await h.rows(id, "p", "outputTable");
    expect(rows.filter((r) => r.prediction_result !== r.y)).toEqual([]);
  });

  it("refuses string features, naming the column", async () => {
    const bad = await h.create(
      manifest([
        values("t", "select '1' as s, 1 as y"),
        {
          name: "lr",
          component: "logisticregression_binary",
          params: { featureColNames: "s", labelColName: "y" },
          inputs: { inputTable: "t.outputTable" },
        },
      ]),
    );
    expect(String((await h.wait(bad)).Message)).toMatch(/s \(VARCHAR\) not numeric/);
    const continuous = await h.create(
      manifest([
        values("t", "select range::DOUBLE as x, range * 1.5 as y from range(500)"),
        {
          name: "rf",
          component: "random_forests_1",
          params: { featureColNames: "x", labelColName: "y" },
          inputs: { inputTable: "t.outputTable" },
        },
      ]),
    );
    expect(String((await h.wait(continuous)).Message)).toMatch(
      /y has 500 distinct values; classification takes at most 100/,
    );
  });
});
