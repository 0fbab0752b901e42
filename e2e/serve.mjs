// The app as `npm start` serves it, for the browser tests: the real server (embedded PAIFlow,
// local mode) on a port of its own, with a fresh data dir and a snapshot of web/dist, so other
// engineers rebuilding web/dist or running `npm start` cannot disturb a test run.
// With E2E_AUTH=oidc it also starts a real OpenID provider on E2E_PROVIDER_PORT and serves the
// designer with sign-in on (AUTH_MODE=oidc), as a team deployment would, for the sign-in tests.
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

const port = process.env.E2E_PORT ?? "4319";
const designerUrl = `http://127.0.0.1:${port}`;
// Loaded only here: oidc-provider warns on Node 20, and the main designer has no use for it.
const oidc = process.env.E2E_AUTH === "oidc" ? await import("../server/test/oidc-provider.ts") : undefined;
const provider = await oidc?.startTestProvider(designerUrl, Number(process.env.E2E_PROVIDER_PORT ?? "0"));
const signIn =
  oidc && provider
    ? {
        AUTH_MODE: "oidc",
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: oidc.TEST_CLIENT.id,
        OIDC_CLIENT_SECRET: oidc.TEST_CLIENT.secret,
        OIDC_SCOPES: "openid profile email groups",
        PUBLIC_URL: designerUrl,
        SESSION_SECRET: "e2e-session-secret-of-at-least-32-chars",
        AUTH_RUNNER_GROUPS: "pfd-runners",
        AUTH_ADMIN_GROUPS: "pfd-admins",
      }
    : { AUTH_MODE: "none" };

const config = loadConfig({
  ...process.env,
  HOST: "127.0.0.1",
  PORT: port,
  PAIFLOW_MODE: "local",
  PAIFLOW_LOCAL_DATA: dataDir,
  DESIGNER_DATA: join(scratch, "designer"),
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
  ...signIn,
});
const running = await startServer({ config, logger: pino({ level: config.logLevel }), webDist: dist });
console.log(
  `e2e: designer at ${running.url} (${running.mode} mode, sign-in ${config.auth.mode}${provider ? ` at ${provider.issuer}` : ""}, data in ${dataDir})`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await running.close();
    await provider?.close();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    process.exit(0);
  }
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
