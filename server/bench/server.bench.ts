/**
 * `npm run bench:server`: 200 concurrent POST /api/runs through the server to a fake PAIFlow,
 * against the same load sent straight to the fake with the same client, in one run. The fakes,
 * the servers and the bare proxy each run in a child process, as they would in life; the load
 * comes from this process.
 *
 * Two fakes: one that answers at once (the zero-latency figures: what the server itself costs)
 * and one that answers after 50 ms, as a same-region cloud API call does (what users feel). At
 * 50 ms the load also goes through a bare node:http proxy that forwards each run with the same
 * client and nothing else, the physical limit of a proxy here; the server's CPU per request is
 * measured against that proxy's on the same load. Prints a table, then as the very last line:
 * {"bench":"server","ratios":{"p50_ratio":R,"p99_ratio":R,"throughput_ratio":R,"errors":N,
 *  "p50_ratio_50ms":R,"p99_ratio_50ms":R,"throughput_ratio_50ms":R,"cpu_per_request_vs_bare_proxy":R}}
 * (ours / direct; throughput ours / direct; CPU ours / bare proxy). The main figures send the
 * same manifest each time, as a user re-running a pipeline does; a row at zero latency sends
 * manifests the server has never seen, so its remembered manifest checks cannot help.
 *
 * Fair to both sides: the direct path and the bare proxy send the same CreatePipelineRun input
 * the server builds (name, execution arguments), and the server logs each request at info as it
 * does in life (to /dev/null, synchronously like pino's stdout). BENCH_PROFILE=1 writes the
 * servers' CPU profiles to /tmp/pfd-prof.
 */
import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pino } from "pino";
import { createApp } from "../src/app";
import { loadComponents } from "../src/config/components";
import { staticCredential } from "../src/config/credentials";
import { loadConfig } from "../src/config/env";
import { PaiflowClient } from "../src/paiflow/client";
import { executionArguments } from "../src/paiflow/submit";
import { startFakePaiflow } from "../test/fake-paiflow";

const CONCURRENCY = 200;
const ROUNDS = 10;
const LATENCY_MS = 50;
const MANIFEST = readFileSync(join(import.meta.dirname, "../test/fixtures/two-steps.yaml"), "utf8");

interface FakeInfo {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
}

const role = process.argv.find((a) => a.startsWith("--role="))?.slice(7);
if (role === "fake") await runFake();
else if (role === "server") await runServer();
else if (role === "proxy") await runProxy();
else await main();

async function runFake(): Promise<void> {
  const fake = await startFakePaiflow({
    record: false,
    latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0),
  });
  // Go when the bench goes, even if it failed before killing us (else the run never ends).
  process.on("disconnect", () => process.exit(0));
  process.send?.({
    endpoint: fake.endpoint,
    accessKeyId: fake.accessKeyId,
    accessKeySecret: fake.accessKeySecret,
  });
}

function benchConfig() {
  return loadConfig({ PAI_WORKSPACE_ID: "ws-bench", MAXCOMPUTE_PROJECT: "bench", RUN_RATE_LIMIT: "1000000" });
}

/** What the server sends to CreatePipelineRun for `manifest`: its name and stamp, and the execution argument. */
function createInput(manifest: string) {
  return {
    WorkspaceId: "ws-bench",
    PipelineManifest: manifest,
    Name: `Air quality, typed ${new Date().toISOString().slice(0, 19).replace("T", " ")}`,
    NoConfirmRequired: true,
    SourceType: "DESIGNER" as const,
    Arguments: executionArguments(benchConfig()),
  };
}

/** A child that serves HTTP: tells the bench its port, answers CPU questions, exits with the bench. */
function serveChild(server: ReturnType<typeof createServer>): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
  process.on("message", (message) => {
    if (message === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
  // Exit normally on kill, so a --cpu-prof profile (BENCH_PROFILE=1) gets written.
  process.on("SIGTERM", () => process.exit(0));
  process.on("disconnect", () => process.exit(0));
}

async function runServer(): Promise<void> {
  const fake = JSON.parse(process.env.BENCH_FAKE ?? "{}") as FakeInfo;
  const config = benchConfig();
  const app = createApp(
    {
      config,
      mode: "cloud",
      endpoint: fake.endpoint,
      paiflow: clientFor(fake),
      components: () => loadComponents(undefined),
      webDist: null,
    },
    pino({ level: "info" }, pino.destination({ dest: "/dev/null", sync: true })),
  );
  serveChild(createServer(app));
}

/** The bare proxy: read the body, forward the run with the same client, answer 201. Nothing else. */
async function runProxy(): Promise<void> {
  const client = clientFor(JSON.parse(process.env.BENCH_FAKE ?? "{}") as FakeInfo);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const { manifest } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { manifest: string };
      client.createPipelineRun(createInput(manifest)).then(
        (created) => {
          const body = JSON.stringify({ pipelineRunId: created.PipelineRunId, requestId: created.RequestId });
          res.writeHead(201, { "content-type": "application/json; charset=utf-8" });
          res.end(body);
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  serveChild(server);
}

function clientFor(fake: FakeInfo): PaiflowClient {
  return new PaiflowClient({
    endpoint: fake.endpoint,
    protocol: "http",
    credential: staticCredential(fake.accessKeyId, fake.accessKeySecret),
    timeoutMs: 30_000,
  });
}

function child(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ proc: ChildProcess; info: unknown }> {
  const profile = process.env.BENCH_PROFILE && args[0] !== "--role=fake";
  const proc = fork(import.meta.filename, args, {
    execArgv: ["--import", "tsx", ...(profile ? ["--cpu-prof", "--cpu-prof-dir=/tmp/pfd-prof"] : [])],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    proc.once("message", (info) => resolve({ proc, info }));
    proc.once("exit", (code) => reject(new Error(`bench child ${args.join(" ")} exited with ${code}`)));
  });
}

/** CPU time (user + system, ms) a server child has used so far. */
function cpuMs(proc: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    proc.once("message", (m) => resolve((m as { cpuMicros: number }).cpuMicros / 1000));
    proc.send("cpu");
  });
}

interface Sample {
  latencies: number[];
  wallMs: number;
  errors: number;
}

async function burst(one: () => Promise<boolean>): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const t0 = performance.now();
      const ok = await one().catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }),
  );
  return { latencies, wallMs: performance.now() - start, errors };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Summary {
  p50: number;
  p99: number;
  throughput: number;
  errors: number;
}

function summary(samples: Sample[]): Summary {
  const all = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  return {
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    throughput: (all.length / wall) * 1000,
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
  };
}

/** Runs each load `ROUNDS` times after two warm-up rounds, rotating the order so none always runs first. */
async function measure(loads: Record<string, () => Promise<boolean>>): Promise<Record<string, Summary>> {
  const names = Object.keys(loads);
  const samples: Record<string, Sample[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < 2; i++) for (const name of names) await burst(loads[name] as () => Promise<boolean>);
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length] as string);
    for (const name of order) samples[name]?.push(await burst(loads[name] as () => Promise<boolean>));
  }
  return Object.fromEntries(names.map((n) => [n, summary(samples[n] ?? [])]));
}

async function main(): Promise<void> {
  const fake0 = await child(["--role=fake"]);
  const fake50 = await child(["--role=fake"], { BENCH_LATENCY_MS: String(LATENCY_MS) });
  const at = (fake: { info: unknown }) => ({ BENCH_FAKE: JSON.stringify(fake.info) });
  const server0 = await child(["--role=server"], at(fake0));
  const server50 = await child(["--role=server"], at(fake50));
  const proxy50 = await child(["--role=proxy"], at(fake50));
  const children = [fake0, fake50, server0, server50, proxy50];
  const portOf = (c: { info: unknown }) => (c.info as { port: number }).port;

  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const sameBody = JSON.stringify({ manifest: MANIFEST });
  let unique = 0;
  // A manifest never seen before, so the server's check cannot be remembered from an earlier request.
  const uniqueBody = () =>
    JSON.stringify({
      manifest: MANIFEST.replace('name: "air-quality-typed"', `name: "air-quality-typed-${++unique}"`),
    });
  const post = (port: number, body: string) =>
    new Promise<boolean>((resolve) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/api/runs",
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode === 201));
        },
      );
      req.on("error", () => resolve(false));
      req.end(body);
    });
  const straight = (fake: { info: unknown }) => {
    const client = clientFor(fake.info as FakeInfo);
    const input = createInput(MANIFEST);
    return async () => (await client.createPipelineRun(input)).PipelineRunId.startsWith("flow-");
  };

  const zero = await measure({
    direct: straight(fake0),
    ours: () => post(portOf(server0), sameBody),
    unseen: () => post(portOf(server0), uniqueBody()),
  });

  const cpuBefore = await Promise.all([cpuMs(server50.proc), cpuMs(proxy50.proc)]);
  const slow = await measure({
    direct: straight(fake50),
    ours: () => post(portOf(server50), sameBody),
    bare: () => post(portOf(proxy50), sameBody),
  });
  const cpuAfter = await Promise.all([cpuMs(server50.proc), cpuMs(proxy50.proc)]);
  // Warm-up included: both served the same number of requests.
  const requests = (ROUNDS + 2) * CONCURRENCY;
  const serverCpu = ((cpuAfter[0] ?? 0) - (cpuBefore[0] ?? 0)) / requests;
  const proxyCpu = ((cpuAfter[1] ?? 0) - (cpuBefore[1] ?? 0)) / requests;

  agent.destroy();
  for (const c of children) c.proc.kill();

  const fmt = (n: number) => n.toFixed(2).padStart(10);
  const row = (label: string, s: Summary, extra = "") =>
    console.log(
      `${label.padEnd(34)}${fmt(s.p50)}${fmt(s.p99)}${fmt(s.throughput)}${String(s.errors).padStart(8)}${extra}`,
    );
  const z = zero as Record<"direct" | "ours" | "unseen", Summary>;
  const w = slow as Record<"direct" | "ours" | "bare", Summary>;
  console.log(`${CONCURRENCY} concurrent CreatePipelineRun x ${ROUNDS} rounds`);
  console.log(
    `${"".padEnd(34)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}${"req/s".padStart(10)}${"errors".padStart(8)}${"  CPU ms/req".padStart(12)}`,
  );
  row("fake answers at once: direct", z.direct);
  row("  through the server", z.ours);
  row("  through the server, unseen", z.unseen);
  row(`fake answers after ${LATENCY_MS} ms: direct`, w.direct);
  row("  through the server", w.ours, serverCpu.toFixed(3).padStart(12));
  row("  through a bare node:http proxy", w.bare, proxyCpu.toFixed(3).padStart(12));
  console.log(
    `unseen manifests: p50 ratio ${(z.unseen.p50 / z.direct.p50).toFixed(2)}, throughput ratio ${(z.unseen.throughput / z.direct.throughput).toFixed(2)} (the check cannot be reused)`,
  );
  const round2 = (n: number) => Math.round(n * 100) / 100;
  console.log(
    JSON.stringify({
      bench: "server",
      ratios: {
        p50_ratio: round2(z.ours.p50 / z.direct.p50),
        p99_ratio: round2(z.ours.p99 / z.direct.p99),
        throughput_ratio: round2(z.ours.throughput / z.direct.throughput),
        errors: [...Object.values(zero), ...Object.values(slow)].reduce((sum, s) => sum + s.errors, 0),
        p50_ratio_50ms: round2(w.ours.p50 / w.direct.p50),
        p99_ratio_50ms: round2(w.ours.p99 / w.direct.p99),
        throughput_ratio_50ms: round2(w.ours.throughput / w.direct.throughput),
        cpu_per_request_vs_bare_proxy: round2(serverCpu / proxyCpu),
      },
    }),
  );
}
