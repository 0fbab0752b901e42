import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's Chromium (never a downloaded browser): fail fast, in one line,
// when it is missing rather than letting every test time out on launch.
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `e2e: Chromium not found at ${chromium}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
  );
  process.exit(1);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ci = Boolean(process.env.CI);
// A port of our own, away from the dev server (5173) and `npm start` (8080), and from another
// engineer's run on this machine: chosen once in the runner, inherited by its workers.
process.env.E2E_PORT ??= String(4319 + 3 * (process.pid % 600));
const port = Number(process.env.E2E_PORT);
// The second designer, with OpenID sign-in (tests/auth.spec.ts, support/sign-in.ts), and its provider.
const OIDC_DESIGNER_PORT = port + 1;
const providerPort = port + 2;

export default defineConfig({
  testDir: "tests",
  outputDir: resolve(root, "test-results"),
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  // The machine is shared; two workers keep runs quick without starving the others.
  workers: ci ? 2 : 1,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: ci
    ? [["list"], ["html", { open: "never", outputFolder: resolve(root, "playwright-report") }]]
    : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    viewport: { width: 1400, height: 900 },
    // The specs read the English UI; the language follows the browser (i18n.spec.ts runs zh-CN).
    locale: "en-US",
    acceptDownloads: true,
    trace: ci ? "retain-on-failure" : "off",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // The real app: the production build (root `npm run build` -> web/dist) served by the Express
  // server with the embedded PAIFlow, as `npm start` runs it (see serve.mjs); and a second one
  // with OpenID sign-in against a real provider, as a team deploys it.
  webServer: [
    {
      command: "node --import tsx e2e/serve.mjs",
      cwd: root,
      env: { E2E_PORT: String(port) },
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      command: "node --import tsx e2e/serve.mjs",
      cwd: root,
      env: {
        E2E_PORT: String(OIDC_DESIGNER_PORT),
        E2E_AUTH: "oidc",
        E2E_PROVIDER_PORT: String(providerPort),
      },
      url: `http://127.0.0.1:${OIDC_DESIGNER_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
