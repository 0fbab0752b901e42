/**
 * The `pfd` program: `npm run --silent pfd -- <command>` from the sources, or the built
 * server/dist/pfd.js through the package's `bin` (server/bin/pfd.js).
 */
import { type CliIo, EXIT } from "./command";
import { main } from "./main";

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // `npm run pfd` runs in the repo root; INIT_CWD is where the user typed it.
  cwd: (process.env.npm_lifecycle_event === "pfd" && process.env.INIT_CWD) || process.cwd(),
  untilStopped: () =>
    new Promise((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    }),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`pfd: ${(e as Error).stack ?? e}\n`);
    process.exitCode = EXIT.failed;
  },
);
