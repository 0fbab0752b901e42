/** `pfd` run in this process, for the CLI's tests (e2e/tests/cli.spec.ts runs the built binary). */
import { main } from "../src/cli/main";

export interface PfdResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `pfd ...args` as typed in `cwd`; resolves to its exit code and what it printed. */
export async function runPfd(cwd: string, args: string[]): Promise<PfdResult> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}
