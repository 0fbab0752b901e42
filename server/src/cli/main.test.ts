import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { runPfd } from "../../test/pfd";

const FIXTURES = resolve(import.meta.dirname, "../../../shared/fixtures");

const pfd = (...args: string[]) => runPfd(FIXTURES, args);

const semantic = (text: string) =>
  parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter((v) => v != null);

describe("pfd validate", () => {
  it("accepts valid manifests: exit 0, warnings only", async () => {
    const r = await pfd(
      "validate",
      "seed-sample.yaml",
      "designer-export.yaml",
      "multi-doc-loop.yaml",
      "sdk-style.yaml",
      "unknown-component.yaml",
    );
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^unknown-component\.yaml:45:19: warning unknown-component: component pai\/JoinTables_9\/v1 of step join/,
      ),
    ]);
    expect(r.err).toContain("5 files checked: 0 errors, 1 warning");
  });

  it("prints FILE:LINE:COL: severity CODE: message per problem and exits 1 on errors", async () => {
    const r = await pfd("validate", "broken/dangling-reference.yaml", "seed-sample.yaml");
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      "broken/dangling-reference.yaml:37:17: error unknown-step: {{pipelines.data_source.outputs.artifacts.outputTable}} reads step data_source, which does not exist\n",
    );
    const many = (await pfd("validate", "broken/many-problems.yaml")).out.trim().split("\n");
    expect(many.length).toBeGreaterThan(12);
    for (const line of many)
      expect(line).toMatch(/^broken\/many-problems\.yaml:\d+:\d+: (error|warning) [a-z-]+: .+/);
  });

  it("reports an unreadable file without a position, and a usage error with exit 2", async () => {
    const r = await pfd("validate", "missing.yaml");
    expect(r.code).toBe(1);
    expect(r.out).toBe("missing.yaml: error read-error: cannot read missing.yaml: no such file\n");
    const usage = await pfd("validate");
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("no FILE given");
    expect((await pfd("validate", "--bogus", "x.yaml")).code).toBe(2);
    expect((await pfd("frobnicate")).code).toBe(2);
  });

  it("knows the user's own components with --components", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pfd-cli-"));
    writeFileSync(
      join(dir, "join.yaml"),
      'apiVersion: core/v1\nmetadata: {provider: "pai", version: "v1", identifier: "JoinTables_9"}\nspec:\n  inputs: {artifacts: [{name: leftTable, metadata: {type: {DataSet: {}}}}, {name: rightTable}], parameters: [{name: joinType}, {name: joinCondition}, {name: retryCount, type: Int}]}\n  outputs: {artifacts: [{name: joinedTable}]}\n',
    );
    const r = await pfd("validate", "--components", dir, "unknown-component.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
  });
});

describe("pfd normalize", () => {
  it("gives a manifest back semantically unchanged, in Designer style, without positions", async () => {
    for (const file of ["sdk-style.yaml", "multi-doc-loop.yaml", "designer-export.yaml"]) {
      const r = await pfd("normalize", file);
      expect(r.code, file).toBe(0);
      expect(semantic(r.out), file).toStrictEqual(semantic(readFileSync(join(FIXTURES, file), "utf8")));
    }
    const sdk = (await pfd("normalize", "sdk-style.yaml")).out;
    expect(sdk).toContain('  - name: "cols_to_double"');
    expect(sdk).not.toContain("designer.paiflow/position");
  });

  it("fails with diagnostics on stderr for unreadable text", async () => {
    const r = await pfd("normalize", "broken/syntax-error.yaml");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^broken\/syntax-error\.yaml:9:\d+: error yaml-syntax: /);
    expect((await pfd("normalize", "a.yaml", "b.yaml")).code).toBe(2);
  });
});

describe("pfd components and help", () => {
  it("lists the catalog as a table and as JSON", async () => {
    const table = await pfd("components");
    expect(table.code).toBe(0);
    expect(table.out).toMatch(
      /pai\/split\/v1 +Split \/ 拆分 +Data Preprocessing +inputTable:DataSet -> output1Table:DataSet, output2Table:DataSet/,
    );
    const json = JSON.parse((await pfd("components", "--json")).out) as {
      identifier: string;
      parameters: { name: string; default?: unknown }[];
    }[];
    expect(json).toHaveLength(13);
    expect(
      json.find((c) => c.identifier === "split")?.parameters.find((p) => p.name === "fraction")?.default,
    ).toBe("0.8");
  });

  it("prints help for pfd and for each command", async () => {
    const top = await pfd("--help");
    expect(top.code).toBe(0);
    for (const name of ["validate", "normalize", "components"]) expect(top.out).toContain(`  ${name}`);
    const help = await pfd("validate", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: pfd validate/);
    expect((await pfd()).code).toBe(2);
  });
});
