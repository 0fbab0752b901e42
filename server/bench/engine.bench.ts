/**
 * `npm run bench:engine`: the local engine against hand-written DuckDB SQL, in one run.
 * 1. chain_1m / chain_10m: Read Table -> Data Type Conversion -> SQL -> Normalization -> Split
 *    on 1,000,000 and 10,000,000 generated rows (string columns, like the smog table) through the
 *    service with reuse off, against the same work written as one DuckDB SQL script on the same
 *    database. Each round runs both, in turns first; the figure is the median of the rounds'
 *    ratios. (goal chain_10m <= 1.2)
 * 2. overhead_ms_per_step: a 200-step chain of trivial SQL steps through the service, minus the
 *    same 200 statements run straight on one connection, per step: what scheduling,
 *    persistence, logs, row counts and fingerprints cost.
 * 3. rerun_last_step: the smog template rerun after changing its last step's parameter (reuse
 *    on: only that step runs), divided by a full run of it (reuse off). (goal <= 0.2)
 * 4. schema_ms: design-time schemas of the smog template's 13 steps through the signed HTTP
 *    extension on a warm service, each time for a new version (nothing cached). (goal <= 300)
 * BENCH_ONLY=chain_10m (keys, comma-separated) measures only those, for quicker work on one figure.
 * Prints a table, then as the very last line:
 * {"bench":"engine","ratios":{"chain_1m":R,"chain_10m":R,"overhead_ms_per_step":MS,"rerun_last_step":R,"schema_ms":MS}}
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { staticCredential } from "../src/config/credentials";
import { PaiflowClient } from "../src/paiflow/client";
import { planManifest } from "../src/paiflow-local/engine/plan";
import { topological } from "../src/paiflow-local/engine/scope";
import { startLocalPaiflow } from "../src/paiflow-local/index";

const SIZES = [
  { key: "chain_1m", rows: 1_000_000, rounds: 5 },
  { key: "chain_10m", rows: 10_000_000, rounds: 5 },
] as const;
const TRIVIAL_STEPS = 200;
const SMOG_ROUNDS = 3;
const SCHEMA_ROUNDS = 9;
const SMOG = path.join(import.meta.dirname, "../test/paiflow-local/fixtures/smog-prediction.yaml");
const T1 = "$" + "{t1}";
const NO_REUSE = JSON.stringify({ pfd: { reuse: false } });
const ONLY = process.env.BENCH_ONLY?.split(",").map((k) => k.trim());
const wanted = (key: string) => !ONLY || ONLY.includes(key);

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

const chain = (table: string) =>
  JSON.stringify({
    apiVersion: "core/v1",
    metadata: { name: "bench-chain" },
    spec: {
      pipelines: [
        step("read", "data_source", { inputTableName: `bench.${table}` }),
        step("conv", "type_transform", { cols_to_double: "time,hour,pm2,pm10,so2,co,no2" }, [
          "inputTable",
          "read",
          "outputTable",
        ]),
        step(
          "label",
          "sql",
          {
            sql: `select time,hour,(case when pm2>200 then 1 else 0 end) as label,pm10,so2,co,no2 from ${T1}`,
          },
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
const script = (schema: string, table: string) => `
  CREATE SCHEMA ${schema};
  CREATE TABLE ${schema}.labelled AS SELECT TRY_CAST(time AS DOUBLE) AS time, TRY_CAST(hour AS DOUBLE) AS hour,
    CASE WHEN TRY_CAST(pm2 AS DOUBLE) > 200 THEN 1 ELSE 0 END AS label, TRY_CAST(pm10 AS DOUBLE) AS pm10,
    TRY_CAST(so2 AS DOUBLE) AS so2, TRY_CAST(co AS DOUBLE) AS co, TRY_CAST(no2 AS DOUBLE) AS no2 FROM bench.${table};
  CREATE TABLE ${schema}.normalized AS SELECT time, hour, label, (pm10 - s.a) / (s.b - s.a) AS pm10,
    (so2 - s.c) / (s.d - s.c) AS so2, (co - s.e) / (s.f - s.e) AS co, (no2 - s.g) / (s.h - s.g) AS no2
    FROM ${schema}.labelled, (SELECT min(pm10) a, max(pm10) b, min(so2) c, max(so2) d, min(co) e, max(co) f, min(no2) g, max(no2) h FROM ${schema}.labelled) s;
  CREATE TABLE ${schema}.train AS SELECT * FROM ${schema}.normalized WHERE hash(rowid, 0) % 1000000007 < 800000006;
  CREATE TABLE ${schema}.test AS SELECT * FROM ${schema}.normalized WHERE NOT (hash(rowid, 0) % 1000000007 < 800000006);`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const fmt = (n: number) => n.toFixed(1).padStart(9);
const runsOf = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "pfd-bench-engine-"));
  const svc = await startLocalPaiflow({ dataDir, port: 0 });
  const ratios: Record<string, number> = {};
  try {
    const { service, warehouse } = { service: svc.service, warehouse: svc.service.warehouse };
    /** Runs a manifest to the end; its wall time in ms. */
    const runPipeline = async (text: string, options = NO_REUSE, keep = false) => {
      const started = performance.now();
      const { PipelineRunId } = await service.createRun(
        { WorkspaceId: "bench", PipelineManifest: text, Options: options },
        "bench",
      );
      await service.settled(PipelineRunId);
      const ms = performance.now() - started;
      const run = service.store.get(PipelineRunId);
      if (run?.Status !== "Succeeded") throw new Error(`bench run ${run?.Status}: ${run?.Message}`);
      if (!keep) await service.deleteRun(PipelineRunId);
      return ms;
    };

    await warehouse.with((conn) => conn.run("CREATE SCHEMA bench"));
    for (const size of SIZES) {
      if (!wanted(size.key)) continue;
      const table = `smog_${size.rows}`;
      await warehouse.with((conn) =>
        // Hourly-looking rows with string columns, spread like the smog sample (hash-based, so deterministic).
        conn.run(`CREATE TABLE bench.${table} AS SELECT
          CAST(20160101 + (i // 24) % 28 AS VARCHAR) AS time, CAST(i % 24 AS VARCHAR) AS hour,
          CAST(10 + hash(i, 1) % 400 AS VARCHAR) AS pm2, CAST(20 + hash(i, 2) % 500 AS VARCHAR) AS pm10,
          CAST(2 + hash(i, 3) % 120 AS VARCHAR) AS so2, CAST(round(0.1 + (hash(i, 4) % 80) / 10, 1) AS VARCHAR) AS co,
          CAST(5 + hash(i, 5) % 200 AS VARCHAR) AS no2
        FROM range(${size.rows}) t(i)`),
      );
      let round = 0;
      const runScript = () =>
        warehouse.with(async (conn) => {
          const schema = `hand_${round++}`;
          const started = performance.now();
          await conn.run(script(schema, table));
          const ms = performance.now() - started;
          await conn.run(`DROP SCHEMA ${schema} CASCADE`);
          return ms;
        });
      // Warm both paths once (page cache, DuckDB catalog), then alternate.
      await runPipeline(chain(table));
      await runScript();
      const engine: number[] = [];
      const hand: number[] = [];
      // CPU time of this process (DuckDB's threads included, each side's clean-up too): on a
      // shared machine it tells the work done apart from the waiting for a core.
      const engineCpu: number[] = [];
      const handCpu: number[] = [];
      const roundRatios: number[] = [];
      const timed = async (run: () => Promise<number>, times: number[], cpus: number[]) => {
        const cpu = cpuMs();
        times.push(await run());
        cpus.push(cpuMs() - cpu);
      };
      for (let i = 0; i < size.rounds; i++) {
        // Each round runs both, one right after the other, in turns first, so the rest of the
        // machine weighs on both alike; the figure is the median of the rounds' ratios.
        const engineRun = () => timed(() => runPipeline(chain(table)), engine, engineCpu);
        const handRun = () => timed(runScript, hand, handCpu);
        if (i % 2 === 0) {
          await engineRun();
          await handRun();
        } else {
          await handRun();
          await engineRun();
        }
        roundRatios.push((engine[i] as number) / (hand[i] as number));
      }
      ratios[size.key] = Number(median(roundRatios).toFixed(3));
      console.log(`${size.rows} rows, ${size.rounds} rounds (median ms)`);
      console.log(`  chain through the engine     ${fmt(median(engine))}   runs: ${runsOf(engine)}`);
      console.log(`  hand-written DuckDB script   ${fmt(median(hand))}   runs: ${runsOf(hand)}`);
      console.log(`  ratio per round              ${roundRatios.map((r) => r.toFixed(3)).join(", ")}`);
      console.log(
        `  CPU ms, engine / script      ${fmt(median(engineCpu))} / ${median(handCpu).toFixed(1)} = ${(median(engineCpu) / median(handCpu)).toFixed(3)}`,
      );
      await warehouse.with((conn) => conn.run(`DROP TABLE bench.${table}`));
    }

    const smog = await readFile(SMOG, "utf8");
    if (wanted("overhead_ms_per_step")) await overhead();
    if (wanted("rerun_last_step")) await rerunLastStep();
    if (wanted("schema_ms")) await schemas();
    console.log(JSON.stringify({ bench: "engine", ratios }));

    async function overhead() {
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
      ratios.overhead_ms_per_step = Number(
        ((median(trivialRuns) - median(direct)) / TRIVIAL_STEPS).toFixed(3),
      );
      console.log(`${TRIVIAL_STEPS} trivial steps, engine      ${fmt(median(trivialRuns))}`);
      console.log(`${TRIVIAL_STEPS} trivial statements, direct ${fmt(median(direct))}`);
    }

    async function rerunLastStep() {
      // The smog template: a full run, then the same with its last step's binCount changed.
      const last = topological(planManifest(smog)).at(-1)?.name ?? "";
      const withBins = (bins: number) =>
        smog.replace(
          new RegExp(`(name: "${last}"[\\s\\S]*?name: "binCount"\\s+value: )"\\d+"`),
          `$1"${bins}"`,
        );
      if (withBins(7) === smog) throw new Error(`the smog template's last step ${last} has no binCount`);
      const full: number[] = [];
      const rerun: number[] = [];
      for (let i = 0; i < SMOG_ROUNDS; i++) {
        full.push(await runPipeline(smog, NO_REUSE, true));
        rerun.push(await runPipeline(withBins(500 + i), JSON.stringify({}), true));
      }
      ratios.rerun_last_step = Number((median(rerun) / median(full)).toFixed(3));
      console.log(`smog template (${SMOG_ROUNDS} rounds, median ms; last step ${last})`);
      console.log(`  full run                     ${fmt(median(full))}   runs: ${runsOf(full)}`);
      console.log(`  rerun after its last step changed ${fmt(median(rerun))}   runs: ${runsOf(rerun)}`);
    }

    async function schemas() {
      // Schemas through the signed HTTP extension, as the server asks for them.
      const client = new PaiflowClient({
        endpoint: svc.endpoint,
        protocol: "http",
        credential: staticCredential(svc.accessKeyId, svc.accessKeySecret),
        timeoutMs: 30_000,
      });
      for (let i = 0; i < 5; i++) await client.describeSchemas(`${smog}\n# warm-up ${i}`);
      const schemaMs: number[] = [];
      for (let i = 0; i < SCHEMA_ROUNDS; i++) {
        const started = performance.now();
        const answer = await client.describeSchemas(`${smog}\n# version ${i}`);
        schemaMs.push(performance.now() - started);
        const unknown = Object.values(answer.Steps).filter((s) => s.reason);
        if (Object.keys(answer.Steps).length !== 13 || unknown.length > 0)
          throw new Error(`smog schemas incomplete: ${JSON.stringify(answer).slice(0, 300)}`);
      }
      const cachedStarted = performance.now();
      await client.describeSchemas(`${smog}\n# version 0`);
      const cached = performance.now() - cachedStarted;
      ratios.schema_ms = Number(median(schemaMs).toFixed(1));
      console.log(
        `smog schemas, 13 steps (${SCHEMA_ROUNDS} new versions, median ms) ${fmt(median(schemaMs))}   runs: ${runsOf(schemaMs)}; cached ${cached.toFixed(1)}`,
      );
    }
  } finally {
    await svc.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
