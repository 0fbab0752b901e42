/**
 * `pfd validate` with schemas: column parameters checked against the columns the local engine
 * knows, from its data directory (in this process) or from a running designer server.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/env";
import { type RunningServer, startServer } from "../src/main";
import { type PfdResult, startPfd } from "./pfd";

const SEED = readFileSync(path.resolve(__dirname, "../../shared/fixtures/seed-sample.yaml"), "utf8");

/** The seed sample with a typo in cols_to_double, and a learner fed the text columns directly. */
const TYPO = SEED.replace('value: "time,hour,pm2,pm10,so2,co,no2"', 'value: "time,hour,pm25"');
const TEXT_FEATURES = `${SEED.trimEnd()}
  - apiVersion: "core/v1"
    metadata:
      provider: "pai"
      version: "v1"
      identifier: "logisticregression_binary"
      name: "lr"
    spec:
      arguments:
        artifacts:
        - name: "inputTable"
          from: "{{pipelines.data_source.outputs.artifacts.outputTable}}"
        parameters:
        - name: "featureColNames"
          value: "pm10,so2"
        - name: "labelColName"
          value: "hour"
        - name: "execution"
          from: "{{inputs.parameters.execution_maxcompute}}"
      dependencies:
      - "data_source"
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pfd-validate-"));
  await writeFile(path.join(dir, "typo.yaml"), TYPO);
  await writeFile(path.join(dir, "text-features.yaml"), TEXT_FEATURES);
  await writeFile(path.join(dir, "seed.yaml"), SEED);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function pfd(...argv: string[]): Promise<PfdResult> {
  return startPfd(dir, argv).done;
}

const codes = (out: string) =>
  out
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => /^([^:]+)(?::\d+:\d+)?: ((?:error|warning) [\w-]+):/.exec(line)?.slice(1, 3).join(": "));

describe("pfd validate with schemas", () => {
  it("without a way to know the columns, finds nothing wrong with them", async () => {
    const r = await pfd("validate", "typo.yaml", "text-features.yaml");
    expect(r.out).not.toMatch(/unknown-column|column-type/);
  });

  it("--data: a column that does not reach the step, and text features into a learner, are errors", async () => {
    const r = await pfd("validate", "--data", "store", "seed.yaml", "typo.yaml", "text-features.yaml");
    expect(codes(r.out)).toEqual([
      "typo.yaml: error unknown-column",
      "text-features.yaml: error column-type",
    ]);
    expect(r.out).toContain("column pm25 of cols_to_double does not reach this step");
    expect(r.out).toContain("convert with Data Type Conversion first");
    expect(r.out).toMatch(/typo\.yaml:\d+:\d+: error unknown-column/);
    expect(r.code).toBe(1);
  });

  it("--server: the same, asking a running designer", async () => {
    let server: RunningServer | undefined;
    try {
      const config = loadConfig({
        HOST: "127.0.0.1",
        PORT: "0",
        PAIFLOW_MODE: "local",
        PAIFLOW_LOCAL_DATA: path.join(dir, "served"),
        DESIGNER_DATA: path.join(dir, "designer"),
        AUTH_MODE: "none",
      });
      server = await startServer({ config, logger: pino({ level: "silent" }), webDist: null });
      const r = await pfd("validate", "--server", server.url, "typo.yaml", "seed.yaml");
      expect(codes(r.out)).toEqual(["typo.yaml: error unknown-column"]);
      expect(r.code).toBe(1);
    } finally {
      await server?.close();
    }
  });

  it("says why the columns are unknown and still checks the rest", async () => {
    const r = await pfd("validate", "--server", "http://127.0.0.1:9", "typo.yaml");
    expect(r.err).toContain("typo.yaml: warning schemas-unavailable: cannot reach http://127.0.0.1:9");
    expect(r.code).toBe(0);
    expect((await pfd("validate", "--data", "x", "--server", "http://h", "typo.yaml")).code).toBe(2);
  });
});
