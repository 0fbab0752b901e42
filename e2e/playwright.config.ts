import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
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
// A port of our own, away from the dev server (5173) and `npm start` (8080).
const port = Number(process.env.E2E_PORT ?? 4319);
const snapshot = resolve(tmpdir(), `pfd-e2e-dist-${port}`);

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
  // The production build (root `npm run build` -> web/dist), served as users get it, from a copy:
  // other engineers rebuilding web/dist mid-run must not pull files from under the browser.
  webServer: {
    command: `rm -rf ${snapshot} && cp -r web/dist ${snapshot} && npx vite preview --outDir ${snapshot} --port ${port} --strictPort --host 127.0.0.1`,
    cwd: root,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
