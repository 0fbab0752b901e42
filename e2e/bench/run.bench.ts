/**
 * `npm run bench:run`: following a run on a 1,000-step canvas, against the same canvas at rest,
 * in one run.
 *
 * Builds the app, starts the real server in local mode (embedded PAIFlow, temp data folder),
 * imports the canvas benchmark's generated 1,000-step pipeline (its tables pointed at the sample
 * table) and measures in Chromium the frame times and long tasks: at rest; at rest while the
 * engine (in this process, on the same cores) runs the pipeline unfollowed, the baseline; and
 * while the canvas follows a run of it (statuses changing on every poll, badges ticking, edges
 * animating). Last line: one JSON object with the ratios following / baseline.
 * Diagnostics: BENCH_TRACE=1 prints where the following window's time went (trace events);
 * BENCH_NO_ANIM=1 turns CSS animations off, to see what the running-edge animation costs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { build } from "vite";
import { generatePipeline } from "./generate";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const STEPS = 1000;
const WINDOW_MS = 3000;

interface Window_ {
  frames: number[];
  longTasks: number;
}

/** rAF deltas and long-task time (ms) over `ms` of wall time. */
async function measure(page: Page, ms: number): Promise<Window_> {
  return page.evaluate(
    (ms) =>
      new Promise<Window_>((ok) => {
        const frames: number[] = [];
        let longTasks = 0;
        const obs = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks += e.duration;
        });
        obs.observe({ type: "longtask", buffered: false });
        const end = performance.now() + ms;
        let last = performance.now();
        const loop = (t: number) => {
          frames.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(loop);
          else {
            obs.disconnect();
            ok({ frames, longTasks });
          }
        };
        requestAnimationFrame((t) => {
          last = t;
          requestAnimationFrame(loop);
        });
      }),
    ms,
  );
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

async function main() {
  const dist = join(root, "node_modules/.cache/pfd-bench-run");
  await build({
    configFile: join(root, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: dist, emptyOutDir: true },
  });
  const data = mkdtempSync(join(tmpdir(), "pfd-bench-run-"));
  // The server is loaded at run time (tsx): the e2e project's type check stays within e2e/.
  const serverSrc = join(root, "server/src");
  const { loadConfig } = (await import(join(serverSrc, "config/env.ts"))) as {
    loadConfig(env: Record<string, string | undefined>): { logLevel: string };
  };
  const { startServer } = (await import(join(serverSrc, "main.ts"))) as {
    startServer(o: {
      config: unknown;
      logger: unknown;
      webDist: string;
    }): Promise<{ url: string; close(): Promise<void> }>;
  };
  const { pino } = (await import("pino")) as { pino: (o: { level: string }) => unknown };
  const config = loadConfig({
    ...process.env,
    HOST: "127.0.0.1",
    PORT: "0",
    PAIFLOW_MODE: "local",
    PAIFLOW_LOCAL_DATA: data,
    LOG_LEVEL: "warn",
  });
  const server = await startServer({ config, logger: pino({ level: "warn" }), webDist: dist });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx keeps function names with a `__name` helper the page does not have.
    await page.addInitScript("window.__name = (f) => f;");
    await page.goto(server.url);
    await page.locator(".react-flow").first().waitFor();
    const yaml = generatePipeline(STEPS).yaml.replace(/bench\.table_\d+/g, "pai_online_project.wumai_data");
    await page
      .locator('input[type="file"][aria-label="Import YAML"]')
      .setInputFiles({ name: "bench.yaml", mimeType: "application/yaml", buffer: Buffer.from(yaml) });
    await page
      .locator(".react-flow__node")
      .nth(STEPS - 1)
      .waitFor({ state: "attached", timeout: 60_000 });
    await page.waitForTimeout(1000);

    if (process.env.BENCH_NO_ANIM) await page.addStyleTag({ content: "*{animation:none!important}" });
    const rest = await measure(page, WINDOW_MS);

    // Baseline under the same engine load: a run of the same pipeline that the page does not
    // follow (created through the API), so only the cost of following differs between windows.
    const unfollowed = await page.evaluate(async (manifest) => {
      const res = await fetch("/api/runs", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ manifest }),
      });
      return ((await res.json()) as { pipelineRunId: string }).pipelineRunId;
    }, yaml);
    await page.waitForTimeout(1500);
    const busy = await measure(page, WINDOW_MS);
    await page.evaluate(
      (id) =>
        fetch(`/api/runs/${id}/terminate`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        }),
      unfollowed,
    );
    await page.waitForTimeout(1000);

    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.locator('.react-flow__node[data-status="Running"]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const statusesBefore = await page.locator('.react-flow__node[data-status="Succeeded"]').count();
    if (process.env.BENCH_TRACE) await browser.startTracing(page, { categories: ["devtools.timeline"] });
    const following = await measure(page, WINDOW_MS);
    if (process.env.BENCH_TRACE) {
      const buf = await browser.stopTracing();
      const events = (
        JSON.parse(buf.toString()) as { traceEvents: { name: string; dur?: number; ph: string }[] }
      ).traceEvents;
      const by = new Map<string, number>();
      for (const e of events) if (e.ph === "X" && e.dur) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
      for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25))
        console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
    }
    const statusesAfter = await page.locator('.react-flow__node[data-status="Succeeded"]').count();

    const terminate = page
      .getByRole("region", { name: "Run status" })
      .getByRole("button", { name: "Terminate" });
    if (await terminate.count()) await terminate.click();

    const rows = [
      ["canvas at rest, engine idle", rest],
      ["canvas at rest, engine running an unfollowed run", busy],
      ["following the run", following],
    ] as const;
    console.log(`${STEPS} steps; ${statusesAfter - statusesBefore} steps finished while measuring following`);
    for (const [name, w] of rows) {
      console.log(
        `${name.padEnd(50)} mean frame ${mean(w.frames).toFixed(1)} ms  p95 ${p95(w.frames).toFixed(1)} ms  long tasks ${w.longTasks.toFixed(0)} ms`,
      );
    }
    console.log(
      JSON.stringify({
        bench: "run",
        ratios: {
          follow_frame_1000: Number((mean(following.frames) / mean(busy.frames)).toFixed(2)),
          follow_p95_1000: Number((p95(following.frames) / p95(busy.frames)).toFixed(2)),
          follow_longtask_ms: Math.round(following.longTasks),
          steps_finished: statusesAfter - statusesBefore,
        },
      }),
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(data, { recursive: true, force: true });
  }
}

await main();
