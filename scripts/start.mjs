#!/usr/bin/env node
/**
 * `npm start`: builds the web app with `vite build` when web/dist is missing or older than its
 * sources (web/ and the shared/ code it bundles), then starts the server with tsx.
 * The designer is then at http://127.0.0.1:8080 (HOST/PORT change it).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const builtIndex = join(root, "web", "dist", "index.html");
const sources = [
  join(root, "web", "src"),
  join(root, "web", "index.html"),
  join(root, "web", "public"),
  join(root, "shared", "src"),
  join(root, "vite.config.ts"),
];

/** Newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function needsBuild() {
  if (!existsSync(builtIndex)) return "web/dist is missing";
  const builtAt = statSync(builtIndex).mtimeMs;
  const changed = sources.find((source) => newest(source) > builtAt);
  return changed ? `${changed.slice(root.length + 1)} changed since the last build` : undefined;
}

const reason = needsBuild();
if (reason) {
  console.log(`Building the web app (${reason})...`);
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const build = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) {
    console.error("The web app failed to build; fix the errors above and run `npm start` again.");
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, ["--import", "tsx", join(root, "server", "src", "main.ts")], {
  cwd: root,
  stdio: "inherit",
});
// The server shuts down gracefully on these; pass them on and exit with its code.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
