/** `pfd` run in this process, for the CLI's tests (e2e/tests/cli.spec.ts runs the built binary). */
import { main } from "../src/cli/main";

export interface PfdResult {
  code: number;
  out: string;
  err: string;
}

/** A command that runs until stopped (`pfd paiflow-local`), started in this process. */
export interface RunningPfd {
  /** Resolves to the first `count` lines it printed on standard output (rejects if it ends first). */
  lines(count: number): Promise<string[]>;
  /** Stops it as Ctrl-C would; resolves to its exit code and what it printed. */
  stop(): Promise<PfdResult>;
  /** Resolves when it ends by itself, as every command but `paiflow-local` does. */
  done: Promise<PfdResult>;
}

/** Starts `pfd ...args` as typed in `cwd`. */
export function startPfd(cwd: string, args: string[]): RunningPfd {
  let out = "";
  let err = "";
  let stopRequested!: () => void;
  const stopped = new Promise<void>((resolve) => {
    stopRequested = resolve;
  });
  const waiting = new Set<() => void>();
  const io = {
    out: (text: string) => {
      out += text;
      for (const check of waiting) check();
    },
    err: (text: string) => {
      err += text;
    },
    cwd,
    untilStopped: () => stopped,
  };
  const done = main(args, io).then((code) => ({ code, out, err }));
  return {
    lines: (count) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const lines = out.split("\n");
          if (lines.length <= count) return;
          waiting.delete(check);
          resolve(lines.slice(0, count));
        };
        waiting.add(check);
        check();
        done.then((r) => reject(new Error(`pfd ${args[0]} ended with ${r.code} first: ${r.err}`)), reject);
      }),
    stop: () => {
      stopRequested();
      return done;
    },
    done,
  };
}

/** Runs `pfd ...args` as typed in `cwd`; resolves to its exit code and what it printed. */
export function runPfd(cwd: string, args: string[]): Promise<PfdResult> {
  return startPfd(cwd, args).done;
}
