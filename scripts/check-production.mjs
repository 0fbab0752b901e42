#!/usr/bin/env node
/**
 * `npm run test:production` (CI runs it after the tests): in a clean copy of the repo, as a
 * deployment would, `npm ci`, `npm run build`, `npm prune --omit=dev`; then `npm run serve` must
 * answer /api/health and serve the web app, and the `pfd` binary installed from the package's
 * `bin` must run, with neither tsx nor Vite installed.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const scratch = mkdtempSync(join(tmpdir(), "pfd-production-"));
const copy = join(scratch, "repo");

function step(title, command, args, options = {}) {
  console.log(`production check: ${title}`);
  execFileSync(command, args, { cwd: copy, stdio: "inherit", ...options });
}

function fail(message) {
  throw new Error(`production check: ${message}`);
}

/** A port nobody listens on right now. */
function freePort() {
  return new Promise((done, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
    probe.on("error", reject);
  });
}

async function waitForHealth(url, server, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail(`npm run serve exited with ${server.exitCode} before answering`);
    try {
      const res = await fetch(url);
      if (res.ok) return res.json();
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`no answer from ${url} within ${ms / 1000} s`);
}

let server;
try {
  // The files git would commit (tracked, and new ones not ignored): no node_modules, no builds.
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root })
    .toString()
    .split("\0")
    .filter((f) => f && existsSync(join(root, f)));
  for (const file of files) cpSync(join(root, file), join(copy, file), { recursive: true });

  step("npm ci", "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
  step("npm run build", "npm", ["run", "--silent", "build"]);
  step("npm prune --omit=dev", "npm", ["prune", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"]);
  for (const dev of ["tsx", "vite", "typescript", "rolldown"])
    if (existsSync(join(copy, "node_modules", dev))) fail(`${dev} is still installed after the prune`);

  const port = await freePort();
  console.log(`production check: npm run serve on port ${port}`);
  server = spawn("npm", ["run", "--silent", "serve"], {
    cwd: copy,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      PAIFLOW_MODE: "local",
      PAIFLOW_LOCAL_DATA: join(scratch, "data"),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const health = await waitForHealth(`http://127.0.0.1:${port}/api/health`, server, 60_000);
  if (health.status !== "ok") fail(`/api/health answered ${JSON.stringify(health)}`);
  const page = await fetch(`http://127.0.0.1:${port}/`);
  if (!page.ok || !(await page.text()).includes('<div id="root">'))
    fail(`GET / did not serve the web app (${page.status})`);
  console.log(`production check: /api/health ok (${health.mode} mode), web app served`);

  step("npm install -g ./server (pfd)", "npm", [
    "install",
    "-g",
    "--prefix",
    join(scratch, "global"),
    "./server",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
  ]);
  const out = execFileSync(join(scratch, "global", "bin", "pfd"), ["validate", "seed-sample.yaml"], {
    cwd: join(copy, "shared", "fixtures"),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (out !== "") fail(`pfd validate printed problems for a valid manifest:\n${out}`);
  console.log("production check: passed");
} finally {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    process.kill(-server.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  rmSync(scratch, { recursive: true, force: true });
}
