/**
 * The `pfd` binary as installed (server/bin/pfd.js, package.json's `bin`), on the JavaScript this
 * stage built: the one test of the real program; the CLI's other tests run it in-process.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { expect, fixturePath, REPO_ROOT, test } from "./support/test";

const PFD = resolve(REPO_ROOT, "server/bin/pfd.js");

function pfd(...args: string[]) {
  const r = spawnSync(PFD, args, { cwd: resolve(REPO_ROOT, "shared/fixtures"), encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("the built pfd validates manifests with FILE:LINE:COL problems and exit codes", () => {
  const ok = pfd("validate", fixturePath("seed-sample.yaml"));
  expect(ok.err).toContain("1 file checked: 0 errors, 0 warnings");
  expect(ok.code).toBe(0);

  const broken = pfd("validate", "broken/dangling-reference.yaml");
  expect(broken.out).toMatch(/^broken\/dangling-reference\.yaml:37:17: error unknown-step: /);
  expect(broken.code).toBe(1);

  const help = pfd("--help");
  for (const name of ["validate", "normalize", "components", "run", "paiflow-local", "tables"])
    expect(help.out).toContain(`  ${name}  `);
  expect(pfd("frobnicate").code).toBe(2);
});
