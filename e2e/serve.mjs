// The app as `npm start` serves it, for the browser tests: the real server (embedded PAIFlow,
// local mode) on a port of its own, with a fresh data dir and a snapshot of web/dist, so other
// engineers rebuilding web/dist or running `npm start` cannot disturb a test run.
// Run with `node --import tsx e2e/serve.mjs` (the server is TypeScript).
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { loadConfig } from "../server/src/config/env.ts";
import { startServer } from "../server/src/main.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const builtDist = join(root, "web", "dist");
if (!existsSync(join(builtDist, "index.html"))) {
  console.error("e2e: web/dist is missing: run `npm run build` first (npm run test:e2e does)");
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), "pfd-e2e-"));
const dist = join(scratch, "dist");
cpSync(builtDist, dist, { recursive: true });
const dataDir = join(scratch, "paiflow-local");

const config = loadConfig({
  ...process.env,
  HOST: "127.0.0.1",
  PORT: process.env.E2E_PORT ?? "4319",
  PAIFLOW_MODE: "local",
  PAIFLOW_LOCAL_DATA: dataDir,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
});
const running = await startServer({ config, logger: pino({ level: config.logLevel }), webDist: dist });
console.log(`e2e: designer at ${running.url} (${running.mode} mode, data in ${dataDir})`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await running.close();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    process.exit(0);
  }
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
