/**
 * `npm run bench:canvas`: the designer's canvas against a bare @xyflow/react page, in one run.
 *
 * Builds the app for production and the bare page (e2e/bench/bare, default nodes), serves both,
 * and in Chromium opens the same generated pipeline in each, at 1,000 and at 5,000 steps:
 * (a) import to the pipeline's nodes painted (ours: the "Import YAML" file input, so parsing,
 * validation and the lossless model count; bare: the `yaml` package's parse mapped to default
 * nodes; above DRAW_IN_VIEW_ABOVE steps ours draws only the nodes in view, the bare page all),
 * (b) mean frame time while panning, (c) at 1,000 steps, mean frame time while dragging one node.
 * Prints a table, then as its last line one JSON object with the ratios (ours / bare) and the
 * gzip size of the JavaScript a first visit may need: the initial bundle, both languages' catalogs
 * and the chunk that loads Chart.js (Chart.js itself, fetched with the first chart, left out).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { type GeneratedGraph, generatePipeline } from "./generate";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
// Own output folders: web/dist may be rebuilt at any moment by a test run on the same tree.
const appDist = join(root, "node_modules/.cache/pfd-bench-app");
const bareDist = join(root, "node_modules/.cache/pfd-bench-bare");
/** Pipeline sizes measured; drag is measured at the first only (it moves one node either way). */
// BENCH_SIZES=1000 measures one size only (a quick check while working); the goals need both.
const SIZES = (process.env.BENCH_SIZES ?? "1000,5000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MOVES = 60;

const MIME: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

/** A static server for a built directory; `/api/*` answers 404 as a server-less build would. */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    const file = join(dir, path === "/" ? "index.html" : path);
    if (!file.startsWith(dir) || path.startsWith("/api/") || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () =>
      ok({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }),
    ),
  );
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipped = (file: string) => gzipSync(readFileSync(join(appDist, file))).length;

/**
 * Gzip sizes (KB) of the JavaScript a first visit can need before anything heavy: what index.html
 * loads before any lazy import, both languages' catalogs, and the chunk that loads Chart.js (the
 * chart views; Chart.js itself is fetched with the first chart). `total` is the goal's figure.
 */
function bundleKb(): { initial: number; languages: number; chartLoader: number; total: number } {
  const html = readFileSync(join(appDist, "index.html"), "utf8");
  const initial = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g),
  ].map(([, src]) => src ?? "");
  const assets = readdirSync(join(appDist, "assets")).filter((f) => f.endsWith(".js"));
  const languages = assets.filter((f) => /^(en|zh-CN)-[\w-]+\.js$/.test(f)).map((f) => `assets/${f}`);
  const draw = assets.find((f) => /^draw-[\w-]+\.js$/.test(f));
  const loaders = assets
    .map((f) => `assets/${f}`)
    .filter(
      (f) =>
        draw &&
        !initial.includes(f) &&
        !f.endsWith(draw) &&
        readFileSync(join(appDist, f), "utf8").includes(draw),
    );
  const sum = (files: string[]) => files.reduce((n, f) => n + gzipped(f), 0);
  const [a, b, c] = [sum(initial), sum(languages), sum(loaders)];
  return { initial: kb(a), languages: kb(b), chartLoader: kb(c), total: kb(a + b + c) };
}

/**
 * Resolves once the imported pipeline's nodes are on screen: nodes exist and their number held
 * for two frames (all of them on a page that draws every node; those in view where the app draws
 * only those, above DRAW_IN_VIEW_ABOVE steps); ms since the page's time origin.
 */
const waitShown = () =>
  new Promise<number>((ok) => {
    let last = -1;
    let stable = 0;
    const tick = () => {
      const n = document.querySelectorAll(".react-flow__node").length;
      if (n > 0 && n === last) stable++;
      else stable = 0;
      last = n;
      if (stable >= 2) ok(performance.now());
      else requestAnimationFrame(tick);
    };
    tick();
  });

interface Figures {
  render: number;
  pan: number;
  drag?: number;
}

/** Mean frame time (ms) while `gesture` runs, from requestAnimationFrame deltas. */
async function meanFrame(page: Page, gesture: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stopFrames: boolean };
    w.frames_ = [];
    w.stopFrames = false;
    let last = performance.now();
    const loop = (t: number) => {
      w.frames_.push(t - last);
      last = t;
      if (!w.stopFrames) requestAnimationFrame(loop);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(loop);
    });
  });
  await gesture();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stopFrames: boolean };
    w.stopFrames = true;
    return w.frames_;
  });
  return frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length);
}

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    await page.mouse.move(from.x + (by.x * i) / MOVES, from.y + (by.y * i) / MOVES);
  }
  await page.mouse.up();
}

/** Pan over empty pane and (when asked) drag the node nearest the viewport centre. */
async function gestures(page: Page, withDrag: boolean): Promise<{ pan: number; drag?: number }> {
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no pane");
  const pan = await meanFrame(page, () =>
    drag(page, { x: pane.x + pane.width - 30, y: pane.y + 20 }, { x: -200, y: 120 }),
  );
  if (!withDrag) return { pan };
  const target = await page.evaluate(
    ({ cx, cy }) => {
      let best: { x: number; y: number; d: number } | null = null;
      for (const n of Array.from(document.querySelectorAll(".react-flow__node"))) {
        const r = n.getBoundingClientRect();
        const x = r.x + r.width / 2;
        const y = r.y + r.height / 2;
        const d = (x - cx) ** 2 + (y - cy) ** 2;
        if (!best || d < best.d) best = { x, y, d };
      }
      return best;
    },
    { cx: pane.x + pane.width / 2, cy: pane.y + pane.height / 2 },
  );
  if (!target) throw new Error("no node to drag");
  const dragMs = await meanFrame(page, () => drag(page, target, { x: 150, y: 90 }));
  return { pan, drag: dragMs };
}

/** A page that tolerates tsx's `__name` helper inside functions passed to `page.evaluate`. */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript({ content: "window.__name = (f) => f;" });
  return page;
}

async function measureOurs(
  browser: Browser,
  url: string,
  g: GeneratedGraph,
  steps: number,
): Promise<Figures> {
  const page = await newPage(browser);
  await page.goto(url);
  await page.locator(".react-flow").first().waitFor();
  // Start the clock when the file input reports the file: parse, validate, lay out and paint all count.
  await page.evaluate(() => {
    document.addEventListener(
      "change",
      () => ((window as unknown as { t0: number }).t0 = performance.now()),
      {
        capture: true,
        once: true,
      },
    );
  });
  const painted = page.evaluate(waitShown);
  await page.locator('input[type="file"][aria-label="Import YAML"]').setInputFiles({
    name: `bench-${steps}.yaml`,
    mimeType: "application/yaml",
    buffer: Buffer.from(g.yaml),
  });
  const end = await painted;
  const render = end - (await page.evaluate(() => (window as unknown as { t0: number }).t0));
  await page.waitForTimeout(600);
  const moves = await gestures(page, steps === 1000);
  await page.close();
  return { render, ...moves };
}

async function measureBare(
  browser: Browser,
  url: string,
  g: GeneratedGraph,
  steps: number,
): Promise<Figures> {
  const page = await newPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => "benchImport" in window);
  const t0 = await page.evaluate((text) => {
    const start = performance.now();
    (window as unknown as { benchImport: (text: string) => void }).benchImport(text);
    return start;
  }, g.yaml);
  const render = (await page.evaluate(waitShown)) - t0;
  await page.waitForTimeout(600);
  const moves = await gestures(page, steps === 1000);
  await page.close();
  return { render, ...moves };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function main() {
  console.log("building the app (production) and the bare React Flow page...");
  await build({
    configFile: resolve(root, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: appDist, emptyOutDir: true },
  });
  await build({
    configFile: false,
    root: join(root, "e2e/bench/bare"),
    plugins: [react()],
    logLevel: "warn",
    build: { outDir: bareDist, emptyOutDir: true },
  });
  const bundle = bundleKb();

  const app = await serve(appDist);
  const bare = await serve(bareDist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-timer-throttling"],
  });
  const ratios: Record<string, number> = {};
  const label = {
    render: "import -> nodes painted",
    pan: "mean frame, panning",
    drag: "mean frame, dragging one node",
  };
  try {
    for (const steps of SIZES) {
      const g = generatePipeline(steps);
      const ours: Figures[] = [];
      const base: Figures[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Alternate the order so neither side always runs on a warmer machine.
        if (i % 2 === 0) {
          base.push(await measureBare(browser, bare.url, g, steps));
          ours.push(await measureOurs(browser, app.url, g, steps));
        } else {
          ours.push(await measureOurs(browser, app.url, g, steps));
          base.push(await measureBare(browser, bare.url, g, steps));
        }
        console.log(
          `${steps} steps, run ${i + 1}/${RUNS}: ours ${JSON.stringify(ours.at(-1))} bare ${JSON.stringify(base.at(-1))}`,
        );
      }
      const kinds = steps === 1000 ? (["render", "pan", "drag"] as const) : (["render", "pan"] as const);
      const pick = (xs: Figures[], k: keyof Figures) => median(xs.map((x) => x[k] ?? Number.NaN));
      // Each run measures both pages back to back, so its ratio compares like with like on a
      // shared, busy machine; the median of those paired ratios is steadier than a ratio of medians.
      console.log(
        `\n${steps} steps, ${g.edges.length} edges, ${RUNS} runs: median times, median of per-run ratios`,
      );
      console.log("measure                         ours (ms)   bare (ms)   ratio");
      for (const k of kinds) {
        const o = pick(ours, k);
        const b = pick(base, k);
        const r = median(ours.map((x, i) => (x[k] ?? Number.NaN) / (base[i]?.[k] ?? Number.NaN)));
        ratios[`${k}_${steps}`] = round(r);
        console.log(
          `${label[k].padEnd(32)}${round(o, 1).toString().padStart(9)}${round(b, 1).toString().padStart(12)}${round(r).toString().padStart(8)}`,
        );
      }
      console.log("");
    }
  } finally {
    await browser.close();
    app.server.close();
    bare.server.close();
  }
  console.log(
    `JS (gzip): ${bundle.total} KB (goal <= 350) = initial ${bundle.initial} + both languages ${bundle.languages} + chart loader ${bundle.chartLoader}`,
  );
  console.log("goals: render_1000 <= 1.5, render_5000 <= 1.3, pan_5000 <= 1.1, bundle_kb_gzip <= 350");
  console.log(JSON.stringify({ bench: "canvas", ratios: { ...ratios, bundle_kb_gzip: bundle.total } }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
