/**
 * The local engine is a sandbox: pipeline SQL and parameters read the catalog and the run's
 * inputs and write only the run's own outputs. Every attempt below fails its step with a clear
 * message, and the data is the same after as before.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTables } from "../../src/paiflow-local/catalog";
import { type Harness, manifest, type StepSpec, startHarness } from "./harness";

let h: Harness;
/** A finished run whose output other runs must not touch. */
let other: string;
const OTHER_OUTPUT = () => `"${other}"."t__outputTable"`;

beforeAll(async () => {
  h = await startHarness();
  other = await h.create(manifest([{ name: "t", component: "sql", params: { sql: "select 42 as answer" } }]));
  expect((await h.wait(other)).Status).toBe("Succeeded");
});
afterAll(() => h.close());

/** What must not change: the sample table's rows and another run's output, by checksum. */
async function fingerprint(): Promise<string> {
  return h.svc.service.warehouse.with(async (conn) => {
    const sample = await conn.runAndReadAll(
      "SELECT count(*), sum(hash(time, hour, pm2, pm10, so2, co, no2)) FROM pai_online_project.wumai_data",
    );
    const output = await conn.runAndReadAll(`SELECT count(*), sum(answer) FROM ${OTHER_OUTPUT()}`);
    return JSON.stringify([sample.getRowsJS(), output.getRowsJS()], (_, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
  });
}

/** Runs the steps; resolves to the failed run's message (fails the test if the run succeeds). */
async function refused(steps: StepSpec[]): Promise<string> {
  const run = await h.wait(await h.create(manifest(steps)));
  expect(run.Status, `expected the run to fail: ${JSON.stringify(steps)}`).toBe("Failed");
  return String(run.Message);
}

const sql = (text: string): StepSpec[] => [{ name: "s", component: "sql", params: { sql: text } }];

describe("pipeline SQL", () => {
  it("cannot drop, alter, insert into, update, delete from or replace a catalog table", async () => {
    const before = await fingerprint();
    const attempts = [
      "drop table pai_online_project.wumai_data; select 1",
      "alter table pai_online_project.wumai_data rename to gone; select 1",
      "alter table pai_online_project.wumai_data add column x integer; select 1",
      "insert into pai_online_project.wumai_data select * from pai_online_project.wumai_data limit 1; select 1",
      "update pai_online_project.wumai_data set pm2 = '0'; select 1",
      "delete from pai_online_project.wumai_data; select 1",
      "create or replace table pai_online_project.wumai_data as select 1 as x; select 1",
      "drop view pai_inner_project.wumai_data; select 1",
      "create table pai_online_project.evil as select 1 as x; select 1",
      "create schema evil; select 1",
      "create table leftover as select 1 as x; select 1",
    ];
    const messages = await Promise.all(attempts.map((text) => refused(sql(text))));
    for (const message of messages) {
      expect(message).toMatch(
        /SQL statement 1 of 2 \(\w+\) was refused: it would create, change or drop a table that is not this step's own .* nothing was changed/,
      );
    }
    expect(await fingerprint()).toBe(before);
    const names = await h.svc.service.warehouse.with(async (conn) =>
      (await listTables(conn)).map((t) => t.name),
    );
    expect(names).toContain("pai_online_project.wumai_data");
    expect(names).toContain("pai_inner_project.wumai_data");
    expect(names.filter((n) => /evil|gone|leftover/.test(n))).toEqual([]);
    // And the catalog still works: the sample table reads as before.
    const read = await h.wait(
      await h.create(
        manifest([
          { name: "r", component: "data_source", params: { inputTableName: "pai_inner_project.wumai_data" } },
        ]),
      ),
    );
    expect(read.Status).toBe("Succeeded");
  });

  it("cannot change another run's output", async () => {
    const before = await fingerprint();
    for (const text of [
      `drop table ${OTHER_OUTPUT()}; select 1`,
      `insert into ${OTHER_OUTPUT()} values (1); select 1`,
      `update ${OTHER_OUTPUT()} set answer = 0; select 1`,
      `drop schema "${other}" cascade; select 1`,
    ]) {
      expect(await refused(sql(text))).toMatch(/was refused: .*nothing was changed/);
    }
    expect(await fingerprint()).toBe(before);
    expect(await h.rows(other, "t", "outputTable")).toEqual([{ answer: 42 }]);
  });

  it("refuses ATTACH, COPY, INSTALL, LOAD, SET, PRAGMA and transaction control, by statement kind", async () => {
    const before = await fingerprint();
    const cases: [string, RegExp][] = [
      ["attach ':memory:' as m; select 1", /is ATTACH and is not allowed/],
      ["attach '/tmp/pfd-sandbox.duckdb' as f; select 1", /is ATTACH and is not allowed/],
      ["detach memory; select 1", /is DETACH and is not allowed/],
      // DuckDB refuses the file while binding, before the kind is known.
      [
        "copy pai_online_project.wumai_data to '/tmp/pfd-sandbox.csv'; select 1",
        /SQL error in statement 1 of 2: .*file system operations are disabled/,
      ],
      ["copy (select 1) to '/tmp/pfd-sandbox.csv'; select 1", /file system operations are disabled/],
      ["install httpfs; select 1", /is INSTALL\/LOAD and is not allowed/],
      ["load json; select 1", /is INSTALL\/LOAD and is not allowed/],
      ["set enable_external_access = true; select 1", /is SET\/RESET\/USE and is not allowed/],
      ["set threads = 1; select 1", /is SET\/RESET\/USE and is not allowed/],
      ["reset lock_configuration; select 1", /is SET\/RESET\/USE and is not allowed/],
      ["use pai_online_project; select 1", /is SET\/RESET\/USE and is not allowed/],
      ["pragma version; select 1", /is a PRAGMA and is not allowed/],
      ["pragma database_list", /is a PRAGMA and is not allowed/],
      ["pragma memory_limit = '1GB'; select 1", /is SET\/RESET\/USE and is not allowed/],
      ["checkpoint; select 1", /is CALL\/CHECKPOINT and is not allowed/],
      [
        "commit; drop table pai_online_project.wumai_data; select 1",
        /is BEGIN\/COMMIT\/ROLLBACK and is not allowed/,
      ],
      ["rollback; select 1", /is BEGIN\/COMMIT\/ROLLBACK and is not allowed/],
      ["export database '/tmp/pfd-sandbox-export'; select 1", /file system operations are disabled/],
      ["select 1; drop table pai_online_project.wumai_data", /the last statement must be a SELECT query/],
    ];
    const messages = await Promise.all(cases.map(([text]) => refused(sql(text))));
    for (const [i, [text, expected]] of cases.entries()) expect(messages[i], text).toMatch(expected);
    expect(await fingerprint()).toBe(before);
    expect(existsSync("/tmp/pfd-sandbox.csv") || existsSync("/tmp/pfd-sandbox-export")).toBe(false);
  });

  it("cannot reach the file system through file functions", async () => {
    for (const text of [
      "select * from read_csv('/etc/hostname')",
      "select * from read_text('/etc/hostname')",
      "select * from read_blob('/etc/hostname')",
      "select * from read_parquet('/tmp/none.parquet')",
      "select * from read_json('/tmp/none.json')",
      "select * from glob('/etc/*')",
      "select * from query_table('/etc/hostname')",
    ]) {
      expect(await refused(sql(text)), text).toMatch(
        /SQL error: .*(file system operations are disabled|does not exist)/,
      );
    }
  });

  it("makes temporary tables that live and vanish with the step", async () => {
    const id = await h.create(
      manifest(
        sql(
          "create temp table scratch as select range as x from range(3); insert into scratch values (10); update scratch set x = x * 2 where x = 1; select sum(x) as total from scratch",
        ),
      ),
    );
    expect((await h.wait(id)).Status).toBe("Succeeded");
    expect(await h.rows(id, "s", "outputTable")).toEqual([{ total: 14 }]);
    expect(await refused(sql("select * from scratch"))).toMatch(/SQL error: .*scratch does not exist/);
  });
});

describe("Write Table", () => {
  const write = (target: string): StepSpec[] => [
    { name: "t", component: "sql", params: { sql: "select 1 as x" } },
    {
      name: "w",
      component: "SqlWriteTable_1",
      params: { outputTableName: target },
      inputs: { inputTable: "t.outputTable" },
    },
  ];

  it("refuses sample, imported and unrecorded tables and views, leaving them untouched", async () => {
    await h.svc.service.warehouse.with((conn) =>
      conn.run("CREATE SCHEMA IF NOT EXISTS mine; CREATE OR REPLACE TABLE mine.hand_made AS SELECT 7 AS y"),
    );
    const before = await fingerprint();
    expect(await refused(write("pai_online_project.wumai_data"))).toMatch(
      /pai_online_project.wumai_data is a sample table; Write Table writes only new tables and tables that Write Table created, so it was left unchanged/,
    );
    expect(await refused(write("pai_inner_project.wumai_data"))).toMatch(/is a view/);
    expect(await refused(write("mine.hand_made"))).toMatch(/is a table no Write Table step created/);
    expect(await fingerprint()).toBe(before);
    const kept = await h.svc.service.warehouse.with(async (conn) =>
      (await conn.runAndReadAll("SELECT y FROM mine.hand_made")).getRowsJS(),
    );
    expect(kept).toEqual([[7]]);
  });

  it("creates a new table and replaces a table Write Table created", async () => {
    const first = await h.wait(await h.create(manifest(write("out_proj.result"))));
    expect(first.Status).toBe("Succeeded");
    const again = await h.wait(await h.create(manifest(write("out_proj.result"))));
    expect(again.Status).toBe("Succeeded");
    const tables = await h.svc.service.warehouse.with((conn) => listTables(conn, "out_proj"));
    expect(tables).toEqual([
      expect.objectContaining({ name: "out_proj.result", origin: "pipeline", rows: 1 }),
    ]);
  });
});

describe("parameters", () => {
  it("are data, never SQL", async () => {
    const before = await fingerprint();
    expect(
      await refused([
        {
          name: "r",
          component: "data_source",
          params: {
            inputTableName: "pai_online_project.wumai_data; drop table pai_online_project.wumai_data",
          },
        },
      ]),
    ).toMatch(/inputTableName: /);
    // A partition value with a quote is a value: it matches no row, it runs no SQL.
    const id = await h.create(
      manifest([
        {
          name: "r",
          component: "data_source",
          params: {
            inputTableName: "pai_online_project.wumai_data",
            partition: "time=1' or '1'='1",
          },
        },
      ]),
    );
    expect((await h.wait(id)).Status).toBe("Succeeded");
    expect((await h.preview(id, "r", "outputTable", 1)).TotalCount).toBe(0);
    expect(await fingerprint()).toBe(before);
  });
});
