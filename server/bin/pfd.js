#!/usr/bin/env node
// `pfd`, as installed from package.json's `bin`: runs the built CLI (`npm run build` makes it).
import { existsSync } from "node:fs";

const built = new URL("../dist/pfd.js", import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    `pfd: the CLI is not built yet: run \`npm run build\` in ${new URL("../..", import.meta.url).pathname}\n`,
  );
  process.exit(1);
}
await import(built.href);
