/**
 * `npm run bench:cli`: how long `pfd validate` of one small file takes as users run it (the built
 * CLI, server/bin/pfd.js), against `node -e "require('yaml')"` (Node starting and loading the
 * YAML library, the least any validator in Node does), in one run. Builds the CLI first, then
 * alternates the two so machine load hits both alike. Also prints the same command run from the
 * sources through tsx (`npm run pfd`), for comparison. Last line:
 * {"bench":"cli","ratios":{"cli_start_ratio":R}} (pfd validate / node + yaml, median wall times).
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const RUNS = 15;
const FILE = join(root, "server/test/fixtures/two-steps.yaml");

const build = spawnSync("npm", ["run", "--silent", "build:server"], { cwd: root, encoding: "utf8" });
if (build.status !== 0) throw new Error(`the CLI failed to build:\n${build.stdout}${build.stderr}`);

/** Wall milliseconds of one run; throws when it does not exit as expected. */
function wall(args: string[], expect = 0): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== expect) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const cases = {
  yaml: ["-e", "require('yaml')"],
  pfd: [join(root, "server/bin/pfd.js"), "validate", FILE],
  tsx: ["--import", "tsx", join(root, "server/src/cli/pfd.ts"), "validate", FILE],
};
const times: Record<keyof typeof cases, number[]> = { yaml: [], pfd: [], tsx: [] };
for (const name of Object.keys(cases) as (keyof typeof cases)[]) wall(cases[name]); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  const order = (i % 2 === 0 ? ["yaml", "pfd"] : ["pfd", "yaml"]) as (keyof typeof cases)[];
  for (const name of order) times[name].push(wall(cases[name]));
  if (i % 3 === 0) times.tsx.push(wall(cases.tsx));
}

const yaml = median(times.yaml);
const pfd = median(times.pfd);
const tsx = median(times.tsx);
console.log(`pfd validate of one small file, median of ${RUNS} runs (wall ms)`);
console.log(`node -e "require('yaml')"      ${yaml.toFixed(0).padStart(6)}`);
console.log(
  `pfd validate (built)           ${pfd.toFixed(0).padStart(6)}   ratio ${(pfd / yaml).toFixed(2)}  goal <= 3`,
);
console.log(
  `pfd validate (sources, tsx)    ${tsx.toFixed(0).padStart(6)}   ratio ${(tsx / yaml).toFixed(2)}`,
);
console.log(
  JSON.stringify({ bench: "cli", ratios: { cli_start_ratio: Math.round((pfd / yaml) * 100) / 100 } }),
);
