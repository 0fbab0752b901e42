/**
 * `npm run bench:engine`: the local engine against hand-written DuckDB SQL, in one run.
 * 1. chain_1m: Read Table -> Data Type Conversion -> SQL -> Normalization -> Split on 1,000,000
 *    generated rows (string columns, like the smog table) through the service, against the same
 *    work written as one DuckDB SQL script on the same database. Median of ROUNDS, alternating.
 * 2. overhead_ms_per_step: a 200-step chain of trivial SQL steps through the service, minus the
 *    same 200 statements run straight on one connection, per step: what scheduling,
 *    persistence, logs and row counts cost.
 * Prints a table, then as the very last line:
 * {"bench":"engine","ratios":{"chain_1m":R,"overhead_ms_per_step":MS}}
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startLocalPaiflow } from "../src/paiflow-local/index";

const ROWS = 1_000_000;
const ROUNDS = 5;
const TRIVIAL_STEPS = 200;
const T1 = "$" + "{t1}";

function step(
  name: string,
  identifier: string,
  params: Record<string, string>,
  input?: [string, string, string],
) {
  return {
    metadata: { name, identifier, provider: "pai", version: "v1" },
    spec: {
      arguments: {
        parameters: Object.entries(params).map(([k, value]) => ({ name: k, value })),
        artifacts: input
          ? [{ name: input[0], from: `{{pipelines.${input[1]}.outputs.artifacts.${input[2]}}}` }]
          : [],
      },
      dependencies: input ? [input[1]] : [],
    },
  };
}

const chain = JSON.stringify({
  apiVersion: "core/v1",
  metadata: { name: "bench-chain" },
  spec: {
    pipelines: [
      step("read", "data_source", { inputTableName: "bench.smog_1m" }),
      step("conv", "type_transform", { cols_to_double: "time,hour,pm2,pm10,so2,co,no2" }, [
        "inputTable",
        "read",
        "outputTable",
      ]),
      step(
        "label",
        "sql",
        { sql: `select time,hour,(case when pm2>200 then 1 else 0 end) as label,pm10,so2,co,no2 from ${T1}` },
        ["inputTable1", "conv", "outputTable"],
      ),
      step("norm", "normalize_1", { selectedColNames: "pm10,so2,co,no2" }, [
        "inputTable",
        "label",
        "outputTable",
      ]),
      step("split", "split", { fraction: "0.8" }, ["inputTable", "norm", "outputTable"]),
    ],
  },
});

const trivial = JSON.stringify({
  apiVersion: "core/v1",
  metadata: { name: "bench-trivial" },
  spec: {
    pipelines: Array.from({ length: TRIVIAL_STEPS }, (_, i) =>
      i === 0
        ? step("s0", "sql", { sql: "select 0 as x" })
        : step(`s${i}`, "sql", { sql: `select x + 1 as x from ${T1}` }, [
            "inputTable1",
            `s${i - 1}`,
            "outputTable",
          ]),
    ),
  },
});

/** The chain's work as one would write it by hand: cast + label in one pass, then min-max, then the split. */
const script = (schema: string) => `
  CREATE SCHEMA ${schema};
  CREATE TABLE ${schema}.labelled AS SELECT TRY_CAST(time AS DOUBLE) AS time, TRY_CAST(hour AS DOUBLE) AS hour,
    CASE WHEN TRY_CAST(pm2 AS DOUBLE) > 200 THEN 1 ELSE 0 END AS label, TRY_CAST(pm10 AS DOUBLE) AS pm10,
    TRY_CAST(so2 AS DOUBLE) AS so2, TRY_CAST(co AS DOUBLE) AS co, TRY_CAST(no2 AS DOUBLE) AS no2 FROM bench.smog_1m;
  CREATE TABLE ${schema}.normalized AS SELECT time, hour, label, (pm10 - s.a) / (s.b - s.a) AS pm10,
    (so2 - s.c) / (s.d - s.c) AS so2, (co - s.e) / (s.f - s.e) AS co, (no2 - s.g) / (s.h - s.g) AS no2
    FROM ${schema}.labelled, (SELECT min(pm10) a, max(pm10) b, min(so2) c, max(so2) d, min(co) e, max(co) f, min(no2) g, max(no2) h FROM ${schema}.labelled) s;
  CREATE TABLE ${schema}.train AS SELECT * FROM ${schema}.normalized WHERE hash(rowid, 0) % 1000000007 < 800000006;
  CREATE TABLE ${schema}.test AS SELECT * FROM ${schema}.normalized WHERE NOT (hash(rowid, 0) % 1000000007 < 800000006);`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "pfd-bench-engine-"));
  const svc = await startLocalPaiflow({ dataDir, port: 0 });
  try {
    const { service, warehouse } = { service: svc.service, warehouse: svc.service.warehouse };
    await warehouse.with(async (conn) => {
      await conn.run("CREATE SCHEMA bench");
      // Hourly-looking rows with string columns, spread like the smog sample (hash-based, so deterministic).
      await conn.run(`CREATE TABLE bench.smog_1m AS SELECT
          CAST(20160101 + (i // 24) % 28 AS VARCHAR) AS time, CAST(i % 24 AS VARCHAR) AS hour,
          CAST(10 + hash(i, 1) % 400 AS VARCHAR) AS pm2, CAST(20 + hash(i, 2) % 500 AS VARCHAR) AS pm10,
          CAST(2 + hash(i, 3) % 120 AS VARCHAR) AS so2, CAST(round(0.1 + (hash(i, 4) % 80) / 10, 1) AS VARCHAR) AS co,
          CAST(5 + hash(i, 5) % 200 AS VARCHAR) AS no2
        FROM range(${ROWS}) t(i)`);
    });
    const runPipeline = async (text: string) => {
      const started = performance.now();
      const { PipelineRunId } = await service.createRun(
        { WorkspaceId: "bench", PipelineManifest: text },
        "bench",
      );
      await service.settled(PipelineRunId);
      const ms = performance.now() - started;
      const run = service.store.get(PipelineRunId);
      if (run?.Status !== "Succeeded") throw new Error(`bench run ${run?.Status}: ${run?.Message}`);
      await service.deleteRun(PipelineRunId);
      return ms;
    };
    let round = 0;
    const runScript = () =>
      warehouse.with(async (conn) => {
        const schema = `hand_${round++}`;
        const started = performance.now();
        await conn.run(script(schema));
        const ms = performance.now() - started;
        await conn.run(`DROP SCHEMA ${schema} CASCADE`);
        return ms;
      });

    // Warm both paths once (page cache, DuckDB catalog), then alternate.
    await runPipeline(chain);
    await runScript();
    const engine: number[] = [];
    const hand: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      engine.push(await runPipeline(chain));
      hand.push(await runScript());
    }

    await runPipeline(trivial);
    const trivialRuns: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < 3; i++) {
      trivialRuns.push(await runPipeline(trivial));
      direct.push(
        await warehouse.with(async (conn) => {
          await conn.run("CREATE SCHEMA direct");
          const started = performance.now();
          await conn.run("CREATE TABLE direct.s0 AS select 0 as x");
          for (let s = 1; s < TRIVIAL_STEPS; s++)
            await conn.run(`CREATE TABLE direct.s${s} AS select x + 1 as x from direct.s${s - 1}`);
          const ms = performance.now() - started;
          await conn.run("DROP SCHEMA direct CASCADE");
          return ms;
        }),
      );
    }

    const chainRatio = median(engine) / median(hand);
    const overhead = (median(trivialRuns) - median(direct)) / TRIVIAL_STEPS;
    const fmt = (n: number) => n.toFixed(1).padStart(9);
    console.log(`rows ${ROWS}, rounds ${ROUNDS} (median ms)`);
    console.log(
      `chain through the engine      ${fmt(median(engine))}   runs: ${engine.map((x) => x.toFixed(0)).join(", ")}`,
    );
    console.log(
      `hand-written DuckDB script    ${fmt(median(hand))}   runs: ${hand.map((x) => x.toFixed(0)).join(", ")}`,
    );
    console.log(`${TRIVIAL_STEPS} trivial steps, engine     ${fmt(median(trivialRuns))}`);
    console.log(`${TRIVIAL_STEPS} trivial statements, direct ${fmt(median(direct))}`);
    console.log(
      JSON.stringify({
        bench: "engine",
        ratios: {
          chain_1m: Number(chainRatio.toFixed(3)),
          overhead_ms_per_step: Number(overhead.toFixed(3)),
        },
      }),
    );
  } finally {
    await svc.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
