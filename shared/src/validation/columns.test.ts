import { describe, expect, it } from "vitest";
import type { SchemasResponse } from "../api/schemas";
import { columnParam, isNumericType, isTextType, splitColumns } from "../catalog/columns";
import { componentsFromManifest } from "../catalog/from-manifest";
import { catalog } from "../catalog/index";
import { validFixtures } from "../fixtures.test-helper";
import { manifestToGraph } from "../graph/from-manifest";
import { setParameter } from "../graph/ops";
import type { GraphStep } from "../graph/types";
import { parseManifest } from "../manifest/parse";
import { columnsReaching } from "./columns";
import { validateGraph } from "./graph";

const spec = (identifier: string) => {
  const found = catalog.find((c) => c.identifier === identifier);
  if (!found) throw new Error(identifier);
  return found;
};
const param = (identifier: string, name: string) => {
  const c = spec(identifier);
  return columnParam(c, c.parameters.find((p) => p.name === name) ?? { columns: undefined });
};

const wumai = ["time", "hour", "pm2", "pm10", "so2", "co", "no2"].map((name) => ({ name, type: "VARCHAR" }));

function schemas(source: SchemasResponse["source"] = "engine"): SchemasResponse {
  return {
    version: "v1",
    source,
    steps: {
      data_source: { inputs: {}, outputs: { outputTable: { kind: "table", columns: wumai } } },
      type_transform: { inputs: { inputTable: { kind: "table", columns: wumai } }, outputs: {} },
    },
  };
}

const graph = () => {
  const stream = parseManifest(validFixtures["seed-sample.yaml"] ?? "").stream;
  if (!stream) throw new Error("seed sample does not parse");
  return manifestToGraph(stream);
};

describe("column parameters", () => {
  it("are declared once in the catalog, with the input they read and what they accept", () => {
    expect(param("type_transform", "cols_to_double")).toEqual({
      multiple: true,
      input: "inputTable",
      numeric: false,
    });
    expect(param("logisticregression_binary", "featureColNames")).toMatchObject({ numeric: true });
    expect(param("logisticregression_binary", "labelColName")).toMatchObject({ multiple: false });
    expect(param("Prediction_1", "appendColNames")).toMatchObject({ input: "inputTable" });
    // Names of new output columns are not column parameters.
    expect(param("Prediction_1", "resultColName")).toBeUndefined();
    expect(param("split", "fraction")).toBeUndefined();
  });

  it("can be declared by a user's component manifest", () => {
    const [own] = componentsFromManifest({
      documents: [
        {
          apiVersion: "core/v1",
          metadata: { identifier: "mine", provider: "me", version: "v1" },
          spec: {
            inputs: {
              artifacts: [{ name: "data", metadata: { type: { DataSet: {} } } }],
              parameters: [{ name: "keys", type: "String", columns: { multiple: true, numeric: true } }],
            },
          },
        },
      ],
    });
    expect(own && columnParam(own, own.parameters[0] ?? {})).toEqual({
      multiple: true,
      input: "data",
      numeric: true,
    });
  });

  it("split, and type, as the engine reads them", () => {
    expect(splitColumns(" a, b,,c ")).toEqual(["a", "b", "c"]);
    expect(["BIGINT", "DOUBLE", "DECIMAL(10,2)", "int"].every(isNumericType)).toBe(true);
    expect(isNumericType("VARCHAR")).toBe(false);
    expect(["VARCHAR", "STRING", "varchar(20)"].every(isTextType)).toBe(true);
  });
});

describe("schema-aware validation", () => {
  it("finds nothing in the seed sample, whose columns all reach Data Type Conversion", () => {
    expect(validateGraph(graph(), catalog, { schemas: schemas() })).toEqual([]);
  });

  it("gives unknown-column on the step and field, an error when the schema is exact", () => {
    const g = setParameter(graph(), "type_transform", "cols_to_double", "time,pm25");
    const [p, ...rest] = validateGraph(g, catalog, { schemas: schemas() });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      severity: "error",
      code: "unknown-column",
      location: { step: "type_transform", field: "arguments.parameters.cols_to_double" },
      params: { column: "pm25", param: "cols_to_double" },
    });
  });

  it("warns instead when the schema is incomplete, and says nothing when it is unknown", () => {
    const g = setParameter(graph(), "type_transform", "cols_to_double", "pm25");
    expect(validateGraph(g, catalog, { schemas: schemas("none") }).map((p) => p.severity)).toEqual([
      "warning",
    ]);
    const unknown: SchemasResponse = {
      ...schemas(),
      steps: {
        type_transform: { inputs: { inputTable: { kind: "unknown", reason: "no table" } }, outputs: {} },
      },
    };
    expect(validateGraph(g, catalog, { schemas: unknown })).toEqual([]);
    expect(
      columnsReaching(unknown, "type_transform", { multiple: true, input: "inputTable", numeric: false }),
    ).toEqual({ known: false, reason: "no table" });
  });

  it("gives column-type for text features of a learner, pointing at Data Type Conversion", () => {
    const g = graph();
    const learner = {
      ...g,
      steps: [
        ...g.steps,
        {
          name: "lr",
          component: { provider: "pai", identifier: "logisticregression_binary", version: "v1" },
          parameters: [
            { name: "featureColNames", binding: { kind: "value" as const, value: "pm10,so2" } },
            { name: "labelColName", binding: { kind: "value" as const, value: "time" } },
          ],
          artifacts: [],
          dependencies: [],
          raw: { metadata: {} } as GraphStep["raw"],
        },
      ],
    };
    const s = schemas();
    s.steps.lr = { inputs: { inputTable: { kind: "table", columns: wumai } }, outputs: {} };
    const problems = validateGraph(learner, catalog, { schemas: s }).filter(
      (p) => p.location.step === "lr" && p.code.startsWith("column"),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "column-type",
      params: { columns: "pm10 (VARCHAR), so2 (VARCHAR)" },
    });
    expect(problems[0]?.message).toContain("convert with Data Type Conversion first");
  });
});
