/**
 * `npm run bench:server`: 200 concurrent POST /api/runs through the server to a fake PAIFlow
 * that answers at once, against the same load sent straight to the fake with the same client,
 * in one run. The fake and the server each run in a child process, as they would in life; the
 * load comes from this process. Prints a table, then as the very last line:
 * {"bench":"server","ratios":{"p50_ratio":R,"p99_ratio":R,"throughput_ratio":R,"p50_ratio_auth":R,"errors":N}}
 * (ours / direct; throughput ours / direct). The main figures send the same manifest each time,
 * as a user re-running a pipeline does; a third row sends manifests the server has never seen,
 * so its remembered manifest checks cannot help, and prints those ratios in the table.
 * `p50_ratio_auth` is the same load sent, signed in, to the same server with OpenID sign-in on
 * (a session cookie checked and its session looked up on every request; a real provider, idle
 * once signed in), served by the same process on another port, over the server without sign-in:
 * the median of each round's ratio, the two sent one right after the other, so that what the
 * rest of the machine is doing weighs on both alike.
 *
 * Fair to both sides: the direct path sends the same CreatePipelineRun input the server builds
 * (name, execution arguments), and the server logs each request at info as it does in life
 * (to /dev/null, synchronously like pino's stdout). BENCH_PROFILE=1 writes the server's CPU
 * profile to /tmp/pfd-prof.
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createApp } from "../src/app";
import { openAuthServices } from "../src/auth/services";
import { loadComponents } from "../src/config/components";
import { staticCredential } from "../src/config/credentials";
import { loadConfig } from "../src/config/env";
import { PaiflowClient } from "../src/paiflow/client";
import { executionArguments } from "../src/paiflow/submit";
import { startFakePaiflow } from "../test/fake-paiflow";
import { signIn } from "../test/oidc-sign-in";

const CONCURRENCY = 200;
const ROUNDS = 10;
const MANIFEST = readFileSync(join(import.meta.dirname, "../test/fixtures/two-steps.yaml"), "utf8");

interface FakeInfo {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
}

const role = process.argv.find((a) => a.startsWith("--role="))?.slice(7);
if (role === "fake") await runFake();
else if (role === "server") await runServer();
else await main();

async function runFake(): Promise<void> {
  const fake = await startFakePaiflow({ record: false });
  // Go when the bench goes, even if it failed before killing us (else the run never ends).
  process.on("disconnect", () => process.exit(0));
  process.send?.({
    endpoint: fake.endpoint,
    accessKeyId: fake.accessKeyId,
    accessKeySecret: fake.accessKeySecret,
  });
}

function benchConfig(env: Record<string, string> = {}) {
  return loadConfig({
    PAI_WORKSPACE_ID: "ws-bench",
    MAXCOMPUTE_PROJECT: "bench",
    RUN_RATE_LIMIT: "1000000",
    ...env,
  });
}

/** Sign-in on (AUTH_MODE=oidc) for the server at `url`, against a real OpenID provider started here. */
async function signInEnv(url: string): Promise<Record<string, string>> {
  const { startTestProvider, TEST_CLIENT } = await import("../test/oidc-provider");
  const provider = await startTestProvider(url);
  return {
    AUTH_MODE: "oidc",
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: TEST_CLIENT.id,
    OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    PUBLIC_URL: url,
    SESSION_SECRET: "bench-session-secret-of-at-least-32-chars",
  };
}

/**
 * One app on its own port in this process. Listening first: with sign-in, the app's own URL is
 * its OpenID callback.
 */
async function serveApp(fake: FakeInfo, withSignIn: boolean): Promise<{ port: number; dataDir: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const dataDir = mkdtempSync(join(tmpdir(), "pfd-bench-designer-"));
  const signIn = withSignIn ? await signInEnv(`http://127.0.0.1:${port}`) : {};
  const config = benchConfig({ DESIGNER_DATA: dataDir, ...signIn });
  const app = createApp(
    {
      config,
      mode: "cloud",
      endpoint: fake.endpoint,
      paiflow: clientFor(fake),
      components: () => loadComponents(undefined),
      webDist: null,
      ...(await openAuthServices(config)),
    },
    pino({ level: "info" }, pino.destination({ dest: "/dev/null", sync: true })),
  );
  server.on("request", app);
  server.keepAliveTimeout = 60_000;
  return { port, dataDir };
}

/**
 * The server as `npm start` runs it (no sign-in) and, in the same process so that both meet the
 * same machine, the same server with OpenID sign-in on another port.
 */
async function runServer(): Promise<void> {
  const fake = JSON.parse(process.env.BENCH_FAKE ?? "{}") as FakeInfo;
  const plain = await serveApp(fake, false);
  const signedIn = await serveApp(fake, true);
  process.send?.({ port: plain.port, portAuth: signedIn.port });
  const exit = () => {
    for (const { dataDir } of [plain, signedIn]) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  // Exit normally on kill, so a --cpu-prof profile (BENCH_PROFILE=1) gets written.
  process.on("SIGTERM", exit);
  process.on("disconnect", exit);
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
  const proc = fork(import.meta.filename, args, {
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_PROFILE && args[0] === "--role=server"
        ? ["--cpu-prof", "--cpu-prof-dir=/tmp/pfd-prof"]
        : []),
    ],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    proc.once("message", (info) => resolve({ proc, info }));
    proc.once("exit", (code) => reject(new Error(`bench child ${args.join(" ")} exited with ${code}`)));
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

function median(values: number[]): number {
  return percentile(
    [...values].sort((x, y) => x - y),
    50,
  );
}

function summary(samples: Sample[]) {
  const all = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  return {
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    throughput: (all.length / wall) * 1000,
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
  };
}

async function main(): Promise<void> {
  const fake = await child(["--role=fake"]);
  const fakeInfo = fake.info as FakeInfo;
  const server = await child(["--role=server"], { BENCH_FAKE: JSON.stringify(fakeInfo) });
  const { port, portAuth } = server.info as { port: number; portAuth: number };
  const { jar } = await signIn(`http://127.0.0.1:${portAuth}`, "alice");
  const cookie = jar.header();

  const direct = clientFor(fakeInfo);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const sameBody = JSON.stringify({ manifest: MANIFEST });
  let unique = 0;
  // A manifest never seen before, so the server's check cannot be remembered from an earlier request.
  const uniqueBody = () =>
    JSON.stringify({
      manifest: MANIFEST.replace('name: "air-quality-typed"', `name: "air-quality-typed-${++unique}"`),
    });
  const post = (body: string, to = port, session?: string) =>
    new Promise<boolean>((resolve) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: to,
          path: "/api/runs",
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            ...(session ? { cookie: session } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode === 201));
        },
      );
      req.on("error", () => resolve(false));
      req.end(body);
    });
  const viaServer = () => post(sameBody);
  const viaServerUnique = () => post(uniqueBody());
  const viaServerSignedIn = () => post(sameBody, portAuth, cookie);
  // What the server sends for the same manifest: its name and stamp, and the execution argument.
  const directInput = {
    WorkspaceId: "ws-bench",
    PipelineManifest: MANIFEST,
    Name: `Air quality, typed ${new Date().toISOString().slice(0, 19).replace("T", " ")}`,
    NoConfirmRequired: true,
    SourceType: "DESIGNER" as const,
    Arguments: executionArguments(benchConfig()),
  };
  const straight = async () => {
    const created = await direct.createPipelineRun(directInput);
    return created.PipelineRunId.startsWith("flow-");
  };

  // Warm up both paths (JIT, sockets) before measuring.
  for (let i = 0; i < 2; i++) {
    await burst(straight);
    await burst(viaServer);
    await burst(viaServerUnique);
    await burst(viaServerSignedIn);
  }
  const ours: Sample[] = [];
  const oursUnique: Sample[] = [];
  const oursSignedIn: Sample[] = [];
  const baseline: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so neither path always runs on a warmer machine.
    if (round % 2 === 0) {
      baseline.push(await burst(straight));
      ours.push(await burst(viaServer));
      oursSignedIn.push(await burst(viaServerSignedIn));
      oursUnique.push(await burst(viaServerUnique));
    } else {
      oursUnique.push(await burst(viaServerUnique));
      oursSignedIn.push(await burst(viaServerSignedIn));
      ours.push(await burst(viaServer));
      baseline.push(await burst(straight));
    }
  }
  agent.destroy();
  fake.proc.kill();
  server.proc.kill();

  const o = summary(ours);
  const d = summary(baseline);
  const u = summary(oursUnique);
  const a = summary(oursSignedIn);
  const authRatios = oursSignedIn.map(
    (sample, i) => median(sample.latencies) / median(ours[i]?.latencies ?? []),
  );
  const fmt = (n: number) => n.toFixed(2).padStart(10);
  console.log(`${CONCURRENCY} concurrent CreatePipelineRun x ${ROUNDS} rounds`);
  console.log(
    `${"".padEnd(22)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}${"req/s".padStart(10)}${"errors".padStart(10)}`,
  );
  console.log(
    `${"direct (client->fake)".padEnd(22)}${fmt(d.p50)}${fmt(d.p99)}${fmt(d.throughput)}${String(d.errors).padStart(10)}`,
  );
  console.log(
    `${"ours (server->fake)".padEnd(22)}${fmt(o.p50)}${fmt(o.p99)}${fmt(o.throughput)}${String(o.errors).padStart(10)}`,
  );
  console.log(
    `${"ours, signed in (oidc)".padEnd(22)}${fmt(a.p50)}${fmt(a.p99)}${fmt(a.throughput)}${String(a.errors).padStart(10)}`,
  );
  console.log(
    `${"ours, unseen manifests".padEnd(22)}${fmt(u.p50)}${fmt(u.p99)}${fmt(u.throughput)}${String(u.errors).padStart(10)}`,
  );
  console.log(
    `signed in: p50 ratio per round ${authRatios.map((r) => r.toFixed(2)).join(" ")} (median ${median(authRatios).toFixed(2)})`,
  );
  console.log(
    `unseen manifests: p50 ratio ${(u.p50 / d.p50).toFixed(2)}, throughput ratio ${(u.throughput / d.throughput).toFixed(2)} (the check cannot be reused)`,
  );
  const round2 = (n: number) => Math.round(n * 100) / 100;
  console.log(
    JSON.stringify({
      bench: "server",
      ratios: {
        p50_ratio: round2(o.p50 / d.p50),
        p99_ratio: round2(o.p99 / d.p99),
        throughput_ratio: round2(o.throughput / d.throughput),
        p50_ratio_auth: round2(median(authRatios)),
        errors: o.errors + d.errors + u.errors + a.errors,
      },
    }),
  );
}
