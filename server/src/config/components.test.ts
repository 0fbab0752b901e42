import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalog } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { loadComponents } from "./components";

const component = (identifier: string) => `apiVersion: core/v1
metadata:
  provider: "1234567890"
  version: v1
  identifier: ${identifier}
  name: ${identifier}
spec:
  inputs:
    artifacts:
    - name: inputTable
      metadata: { type: { DataSet: { locationType: MaxComputeTable } } }
    parameters:
    - name: threshold
      type: Double
      value: 0.5
  outputs:
    artifacts:
    - name: outputTable
      metadata: { type: { DataSet: { locationType: MaxComputeTable } } }
`;

describe("loadComponents", () => {
  it("is the catalog alone without COMPONENTS_DIR", async () => {
    const result = await loadComponents(undefined);
    expect(result.components).toHaveLength(catalog.length);
    expect(result.problems).toEqual([]);
  });

  it("adds a folder's component manifests and reports the files it cannot read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pfd-components-"));
    writeFileSync(join(dir, "scorer.yaml"), component("my_scorer"));
    mkdirSync(join(dir, "team"));
    writeFileSync(join(dir, "team", "filter.yml"), component("my_filter"));
    writeFileSync(join(dir, "zz-again.yaml"), component("my_scorer"));
    writeFileSync(join(dir, "broken.yaml"), "apiVersion: core/v1\nmetadata: [\n");
    writeFileSync(join(dir, "notes.txt"), "ignored");
    const result = await loadComponents(dir);
    const mine = result.components.slice(catalog.length);
    expect(mine.map((c) => c.identifier).sort()).toEqual(["my_filter", "my_scorer"]);
    expect(mine.find((c) => c.identifier === "my_scorer")?.inputs[0]?.name).toBe("inputTable");
    expect(result.problems.map((p) => p.file.split(":")[0]).sort()).toEqual(["broken.yaml", "zz-again.yaml"]);
    expect(result.problems.find((p) => p.file.startsWith("broken.yaml"))?.file).toMatch(
      /^broken\.yaml:\d+:\d+$/,
    );
  });

  it("reports a COMPONENTS_DIR that does not exist", async () => {
    const result = await loadComponents("/no/such/dir");
    expect(result.components).toHaveLength(catalog.length);
    expect(result.problems[0]?.message).toContain("ENOENT");
  });
});
