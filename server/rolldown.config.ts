/**
 * `npm run build:server`: the server and the `pfd` CLI compiled to JavaScript in server/dist, run
 * by plain Node (`npm run serve`, server/bin/pfd.js) without tsx.
 *
 * Our own TypeScript (server/src and @pfd/shared) is compiled in; npm packages stay imports,
 * loaded from node_modules at run time, so `npm prune --omit=dev` keeps what the build needs.
 * Each `pfd` command is a chunk of its own, loaded only when it runs.
 */
import { rmSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { defineConfig } from "rolldown";

const here = import.meta.dirname;
// Chunk names carry content hashes: without a clean start every build would leave the last one's behind.
rmSync(join(here, "dist"), { recursive: true, force: true });

// Two builds, so that the CLI's chunks hold only what its commands use, not what the server shares.
const build = (name: string, entry: string) =>
  defineConfig({
    input: { [name]: join(here, entry) },
    platform: "node",
    tsconfig: join(here, "tsconfig.json"),
    external: (id) => !id.startsWith(".") && !isAbsolute(id) && !id.startsWith("@pfd/"),
    output: {
      dir: join(here, "dist"),
      format: "esm",
      entryFileNames: "[name].js",
      chunkFileNames: `${name}/[name]-[hash].js`,
      sourcemap: true,
    },
  });

export default [build("server", "src/main.ts"), build("pfd", "src/cli/pfd.ts")];
