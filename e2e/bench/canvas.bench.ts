/**
 * `npm run bench:canvas`: the designer's canvas against a bare @xyflow/react page, in one run.
 *
 * Builds the app for production and the bare page (e2e/bench/bare, default nodes), serves both,
 * and in Chromium opens the same generated 1,000-step pipeline in each: (a) import to all nodes
 * painted (ours: the "Import YAML" file input, so parsing, validation and the lossless model
 * count; bare: the `yaml` package's parse mapped to default nodes), (b) mean frame time while panning, (c) mean frame time while dragging one node.
 * Also (d) `palette_300_ms`: the designer served by its real server whose workspace (the fake
 * PAI workspace of the server tests) has 300 components, server cache warm: milliseconds from the
 * page's navigation start until all 300 are in the palette.
 * Prints a table, then as its last line one JSON object with the ratios (ours / bare), the
 * gzip size of the app's initial JavaScript and palette_300_ms.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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
const STEPS = 1000;
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

/** Gzip size (KB) of the JavaScript the app's index.html loads before any lazy import. */
function initialBundleKb(): number {
  const html = readFileSync(join(appDist, "index.html"), "utf8");
  const srcs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)];
  let bytes = 0;
  for (const [, src] of srcs) bytes += gzipSync(readFileSync(join(appDist, src ?? ""))).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

/** Resolves once `count` nodes exist and a frame has been painted after that; ms since `t0`. */
const waitPainted = (count: number) =>
  new Promise<number>((ok) => {
    const tick = () => {
      if (document.querySelectorAll(".react-flow__node").length >= count) {
        requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now())));
      } else requestAnimationFrame(tick);
    };
    tick();
  });

interface Figures {
  render: number;
  pan: number;
  drag: number;
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

/** Pan over empty pane and drag the node nearest the viewport centre. */
async function gestures(page: Page): Promise<{ pan: number; drag: number }> {
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no pane");
  const pan = await meanFrame(page, () =>
    drag(page, { x: pane.x + pane.width - 30, y: pane.y + 20 }, { x: -200, y: 120 }),
  );
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

async function measureOurs(browser: Browser, url: string, g: GeneratedGraph): Promise<Figures> {
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
  const painted = page.evaluate(waitPainted, STEPS);
  await page
    .locator('input[type="file"][aria-label="Import YAML"]')
    .setInputFiles({ name: "bench-1000.yaml", mimeType: "application/yaml", buffer: Buffer.from(g.yaml) });
  const end = await painted;
  const render = end - (await page.evaluate(() => (window as unknown as { t0: number }).t0));
  await page.waitForTimeout(600);
  const { pan, drag: dragMs } = await gestures(page);
  await page.close();
  return { render, pan, drag: dragMs };
}

async function measureBare(browser: Browser, url: string, g: GeneratedGraph): Promise<Figures> {
  const page = await newPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => "benchImport" in window);
  const render = await page.evaluate(
    async ({ text, count }) => {
      const t0 = performance.now();
      (window as unknown as { benchImport: (text: string) => void }).benchImport(text);
      const end = await new Promise<number>((ok) => {
        const tick = () => {
          if (document.querySelectorAll(".react-flow__node").length >= count) {
            requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now())));
          } else requestAnimationFrame(tick);
        };
        tick();
      });
      return end - t0;
    },
    { text: g.yaml, count: STEPS },
  );
  await page.waitForTimeout(600);
  const { pan, drag: dragMs } = await gestures(page);
  await page.close();
  return { render, pan, drag: dragMs };
}

const PALETTE_COMPONENTS = 300;

/** Starts the designer with a 300-component workspace (workspace-serve.mjs); resolves with its URL. */
function serveWorkspace(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(root, "e2e/bench/workspace-serve.mjs"), appDist],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((ok, fail) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\S+)/.exec(out);
      if (ready?.[1]) ok({ url: ready[1], stop: () => child.kill("SIGTERM") });
    });
    child.once("exit", (code) => fail(new Error(`workspace server exited (${code})`)));
  });
}

/**
 * Milliseconds from navigation start until every workspace component is in the palette, and (for
 * scale, on this machine at this moment) until the app first shows any palette item at all.
 */
async function measurePalette(browser: Browser, url: string): Promise<{ all: number; first: number }> {
  const page = await newPage(browser);
  await page.goto(url);
  const ms = await page.evaluate(
    (count) =>
      new Promise<{ all: number; first: number }>((ok) => {
        let first = 0;
        const tick = () => {
          const n = document.querySelectorAll(".palette-item").length;
          if (n > 0 && first === 0) first = performance.now();
          if (n >= count) ok({ all: performance.now(), first });
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    PALETTE_COMPONENTS,
  );
  await page.close();
  return ms;
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
  const bundleKb = initialBundleKb();

  const g = generatePipeline(STEPS);
  const app = await serve(appDist);
  const bare = await serve(bareDist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-timer-throttling"],
  });
  const ours: Figures[] = [];
  const base: Figures[] = [];
  const palette: { all: number; first: number }[] = [];
  const workspace = await serveWorkspace();
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternate the order so neither side always runs on a warmer machine.
      if (i % 2 === 0) {
        base.push(await measureBare(browser, bare.url, g));
        ours.push(await measureOurs(browser, app.url, g));
      } else {
        ours.push(await measureOurs(browser, app.url, g));
        base.push(await measureBare(browser, bare.url, g));
      }
      palette.push(await measurePalette(browser, workspace.url));
      console.log(
        `run ${i + 1}/${RUNS}: ours ${JSON.stringify(ours.at(-1))} bare ${JSON.stringify(base.at(-1))} palette ${round(palette.at(-1)?.all ?? Number.NaN, 0)} ms`,
      );
    }
  } finally {
    workspace.stop();
    await browser.close();
    app.server.close();
    bare.server.close();
  }

  const pick = (xs: Figures[], k: keyof Figures) => median(xs.map((x) => x[k]));
  // Each run measures both pages back to back, so its ratio compares like with like on a shared,
  // busy machine; the median of those paired ratios is steadier than a ratio of medians.
  const rows = (["render", "pan", "drag"] as const).map((k) => ({
    k,
    o: pick(ours, k),
    b: pick(base, k),
    r: median(ours.map((x, i) => x[k] / (base[i]?.[k] ?? Number.NaN))),
  }));
  console.log(
    `\n${STEPS} steps, ${g.edges.length} edges, ${RUNS} runs: median times, median of per-run ratios`,
  );
  console.log("measure                         ours (ms)   bare (ms)   ratio");
  const label = {
    render: "import -> all nodes painted",
    pan: "mean frame, panning",
    drag: "mean frame, dragging one node",
  };
  for (const { k, o, b, r } of rows) {
    console.log(
      `${label[k].padEnd(32)}${round(o, 1).toString().padStart(9)}${round(b, 1).toString().padStart(12)}${round(r).toString().padStart(8)}`,
    );
  }
  const paletteMs = round(median(palette.map((p) => p.all)), 0);
  const bootMs = round(median(palette.map((p) => p.first)), 0);
  console.log(
    `${`palette, ${PALETTE_COMPONENTS} workspace components`.padEnd(32)}${paletteMs.toString().padStart(9)}${bootMs.toString().padStart(12)}${"-".padStart(8)}   (ms from page open; bare = first palette item, the app's boot; goal <= 1000, warm server cache)`,
  );
  console.log(`initial JS (gzip): ${bundleKb} KB (goal <= 350)`);
  const [render, pan, dragRow] = rows;
  console.log(
    JSON.stringify({
      bench: "canvas",
      ratios: {
        render_1000: round(render?.r ?? Number.NaN),
        pan_1000: round(pan?.r ?? Number.NaN),
        drag_1000: round(dragRow?.r ?? Number.NaN),
        bundle_kb_gzip: bundleKb,
        palette_300_ms: paletteMs,
      },
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
