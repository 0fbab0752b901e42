import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakePaiflow, startFakePaiflow } from "./fake-paiflow";
import { TWO_STEPS } from "./harness";
import { runPfd } from "./pfd";

const work = mkdtempSync(join(tmpdir(), "pfd-run-"));
const home = mkdtempSync(join(tmpdir(), "pfd-home-"));

/** `pfd run ...args` in the work folder, with no credentials but those given (none in HOME either). */
function pfd(args: string[], env: Record<string, string> = {}) {
  for (const key of Object.keys(process.env))
    if (key.startsWith("ALIBABA_CLOUD_") || key.startsWith("PAI")) vi.stubEnv(key, undefined);
  vi.stubEnv("HOME", home);
  vi.stubEnv("PAIFLOW_LOCAL_DATA", join(work, ".paiflow-local"));
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return runPfd(work, ["run", ...args]);
}
afterEach(() => {
  vi.unstubAllEnvs();
});

let fake: FakePaiflow;
beforeAll(async () => {
  writeFileSync(join(work, "two-steps.yaml"), TWO_STEPS);
  writeFileSync(
    join(work, "missing-table.yaml"),
    TWO_STEPS.replace("pai_online_project.wumai_data", "pai_online_project.no_such_table"),
  );
  writeFileSync(
    join(work, "broken.yaml"),
    TWO_STEPS.replace("{{pipelines.read_air.", "{{pipelines.read_airr."),
  );
  writeFileSync(join(work, "args.json"), '{"arguments":{"parameters":[]}}');
  fake = await startFakePaiflow();
});
afterAll(() => fake.close());

describe("pfd run (local mode, no credentials)", () => {
  it("runs Read Table -> Data Type Conversion to Succeeded with --wait", async () => {
    const r = await pfd(["two-steps.yaml", "--wait"]);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toMatch(/^flow-\w+$/);
    expect(lines).toContainEqual(expect.stringMatching(/^\d\d:\d\d:\d\d read_air: Succeeded$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\d\d:\d\d:\d\d to_double: Succeeded$/));
    expect(lines.at(-1)).toMatch(new RegExp(`^${lines[0]} Succeeded`));
    expect(r.code).toBe(0);
  });

  it("exits 1 when the run fails, naming the failure", async () => {
    const r = await pfd(["missing-table.yaml", "--wait", "--name", "should fail"]);
    expect(r.out.trim().split("\n").at(-1)).toMatch(/ Failed/);
    expect(r.out).toMatch(/read_air: Failed/);
    expect(r.code).toBe(1);
  });

  it("prints JSON with --json", async () => {
    const r = await pfd(["two-steps.yaml", "--json", "--wait"]);
    const lines = r.out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ mode: "local", pipelineRunId: expect.stringMatching(/^flow-/) });
    expect(lines.at(-1)).toMatchObject({
      status: "Succeeded",
      steps: [{ stepName: "read_air" }, { stepName: "to_double" }],
    });
    expect(r.code).toBe(0);
  });

  it("reuses unchanged steps unless --no-reuse; runs one step with --only", async () => {
    // The tests above ran two-steps.yaml already.
    const again = await pfd(["two-steps.yaml", "--wait"]);
    expect(again.out).toMatch(/read_air: Reused/);
    expect(again.out).toMatch(/to_double: Reused/);
    const fresh = await pfd(["two-steps.yaml", "--wait", "--no-reuse"]);
    expect(fresh.out).toMatch(/read_air: Succeeded/);
    expect(fresh.out).toMatch(/to_double: Succeeded/);
    const only = await pfd(["two-steps.yaml", "--wait", "--only", "to_double"]);
    expect(only.out).toMatch(/read_air: Reused/);
    expect(only.out).toMatch(/to_double: Succeeded/);
    expect(only.code).toBe(0);
    expect((await pfd(["two-steps.yaml", "--only", "to_double", "--from", "read_air"])).code).toBe(2);
  });

  it("refuses an invalid manifest before submitting, with FILE:LINE:COL problems", async () => {
    const r = await pfd(["broken.yaml"]);
    expect(r.err).toMatch(/^broken\.yaml:\d+:\d+: error [\w-]+: .*read_airr/m);
    expect(r.out).toBe("");
    expect(r.code).toBe(1);
  });

  it("gives usage errors exit 2", async () => {
    expect((await pfd([])).code).toBe(2);
    expect((await pfd(["two-steps.yaml", "--workspace", "not a workspace"])).code).toBe(2);
  });
});

describe("pfd run (cloud mode, credentials from the environment)", () => {
  it("submits a DESIGNER run signed with the environment's key and prints the id", async () => {
    const r = await pfd(
      ["two-steps.yaml", "--workspace", "ws-cli", "--arguments", "args.json", "--name", "from cli"],
      {
        ALIBABA_CLOUD_ACCESS_KEY_ID: fake.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: fake.accessKeySecret,
        PAIFLOW_ENDPOINT: fake.endpoint,
        PAIFLOW_PROTOCOL: "http",
      },
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^flow-fake\d+\n$/);
    const sent = JSON.parse(fake.calls.at(-1)?.body ?? "{}");
    expect(sent).toMatchObject({
      WorkspaceId: "ws-cli",
      Name: "from cli",
      SourceType: "DESIGNER",
      PipelineManifest: TWO_STEPS,
      Arguments: '{"arguments":{"parameters":[]}}',
    });
    expect(r.out + r.err).not.toContain(fake.accessKeySecret);
  });

  it("reports PAIFlow's error with its code and request id", async () => {
    const r = await pfd(["two-steps.yaml", "--workspace", "ws-cli"], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: fake.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "wrong-secret",
      PAIFLOW_ENDPOINT: fake.endpoint,
      PAIFLOW_PROTOCOL: "http",
      MAXCOMPUTE_PROJECT: "p",
    });
    expect(r.err).toMatch(
      /^pfd run: SignatureDoesNotMatch: Specified signature is not matched.*\(request id [0-9A-F-]+\)$/m,
    );
    expect(r.code).toBe(1);
  });
});
