/**
 * The `pfd` binary as installed (server/bin/pfd.js, package.json's `bin`), on the JavaScript this
 * stage built: the one test of the real program, as processes (exit codes, signals, two processes
 * on one data directory); the CLI's other tests run it in-process.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { expect, fixturePath, REPO_ROOT, test } from "./support/test";

const PFD = resolve(REPO_ROOT, "server/bin/pfd.js");
const FIXTURES = resolve(REPO_ROOT, "shared/fixtures");

function pfd(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(PFD, args, { cwd: FIXTURES, encoding: "utf8", env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("the built pfd: validate's problems and exit codes, and paiflow-local serving another process's run until SIGTERM", async () => {
  test.setTimeout(90_000);
  await test.step("validate, help, unknown command", () => {
    const ok = pfd(["validate", fixturePath("seed-sample.yaml")]);
    expect(ok.err).toContain("1 file checked: 0 errors, 0 warnings");
    expect(ok.code).toBe(0);

    const broken = pfd(["validate", "broken/dangling-reference.yaml"]);
    expect(broken.out).toMatch(/^broken\/dangling-reference\.yaml:37:17: error unknown-step: /);
    expect(broken.code).toBe(1);

    const help = pfd(["--help"]);
    for (const name of ["validate", "normalize", "components", "run", "paiflow-local", "tables"])
      expect(help.out).toContain(`  ${name}  `);
    expect(pfd(["frobnicate"]).code).toBe(2);
  });

  await test.step("paiflow-local runs another process's pfd run, and stops on SIGTERM", async () => {
    const data = mkdtempSync(join(tmpdir(), "pfd-e2e-cli-"));
    // Its own process group, so that nothing of it outlives the test.
    const service = spawn(PFD, ["paiflow-local", "--port", "0", "--data", data], {
      cwd: FIXTURES,
      env: { ...process.env, LOCAL_PAIFLOW_ACCESS_KEY_SECRET: "e2e-cli-secret" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const exited = new Promise<number | null>((r) => service.once("exit", r));
    try {
      const listening = await new Promise<string>((done, fail) => {
        createInterface({ input: service.stdout }).once("line", done);
        void exited.then((code) => fail(new Error(`pfd paiflow-local exited with ${code}`)));
      });
      expect(listening).toMatch(/^PAIFlow local service listening on http:\/\/127\.0\.0\.1:\d+$/);
      expect(existsSync(join(data, "service.json"))).toBe(true);

      // DuckDB lets one process hold the data directory: `pfd run` finds the service and runs there.
      const run = pfd(["run", resolve(REPO_ROOT, "server/test/fixtures/two-steps.yaml"), "--wait"], {
        ...process.env,
        PAIFLOW_MODE: "local",
        PAIFLOW_LOCAL_DATA: data,
      });
      expect(run.out.trim().split("\n").at(-1)).toMatch(/^flow-\S+ Succeeded/);
      expect(run.code).toBe(0);

      if (service.pid) process.kill(-service.pid, "SIGTERM");
      expect(await exited).toBe(0);
      // A stopped service leaves no address behind for others to find.
      expect(existsSync(join(data, "service.json"))).toBe(false);
    } finally {
      try {
        if (service.pid && service.exitCode === null) process.kill(-service.pid, "SIGKILL");
      } catch {
        // Already stopped.
      }
      rmSync(data, { recursive: true, force: true });
    }
  });
});
