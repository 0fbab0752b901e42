/**
 * Data Type Conversion (`type_transform`): casts the listed columns to DOUBLE, BIGINT or VARCHAR.
 * A value that does not convert becomes the default_*_value when one is set, else NULL.
 * With reserveOldFeat=true the originals stay and the converted columns are added as
 * `<col>_double` / `<col>_int` / `<col>_string` (the suffixes are this engine's choice).
 * The output is a view over the input when the input outlives it, else a table.
 */
import {
  boolValue,
  type Component,
  requireColumns,
  StepError,
  type TableInput,
  tableSchema,
} from "../engine/component";
import { type Column, columnList, ident, lit } from "../engine/sql";

type Target = "double" | "int" | "string";

function defaultValue(raw: string | undefined, target: Target): string | undefined {
  if (raw === undefined) return undefined;
  if (target === "string") return lit(raw);
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new StepError(`default_${target}_value="${raw}" is not a number`);
  return target === "int" ? String(Math.trunc(n)) : String(n);
}

function castExpr(col: string, target: Target, fallback: string | undefined): string {
  const c = ident(col);
  const expr =
    target === "double"
      ? `TRY_CAST(${c} AS DOUBLE)`
      : target === "int"
        ? `TRY_CAST(trunc(TRY_CAST(${c} AS DOUBLE)) AS BIGINT)`
        : `CAST(${c} AS VARCHAR)`;
  return fallback === undefined ? expr : `coalesce(${expr}, ${fallback})`;
}

const SQL_TYPE: Record<Target, string> = { double: "DOUBLE", int: "BIGINT", string: "VARCHAR" };

/** The conversion's select list and output columns, from the parameters and the input's columns. */
function conversion(param: (name: string) => string | undefined, input: TableInput) {
  const targets = new Map<string, Target>();
  for (const [name, target] of [
    ["cols_to_double", "double"],
    ["cols_to_int", "int"],
    ["cols_to_string", "string"],
  ] as const) {
    const cols = columnList(param(name));
    requireColumns(input, cols, name);
    for (const col of cols) {
      if (targets.has(col)) throw new StepError(`column ${col} is listed in two conversions`);
      targets.set(col, target);
    }
  }
  if (targets.size === 0)
    throw new StepError("no column to convert: set cols_to_double, cols_to_int or cols_to_string");
  const defaults: Record<Target, string | undefined> = {
    double: defaultValue(param("default_double_value"), "double"),
    int: defaultValue(param("default_int_value"), "int"),
    string: defaultValue(param("default_string_value"), "string"),
  };
  const keep = boolValue(param("reserveOldFeat"), "reserveOldFeat", false);
  const select: string[] = [];
  const columns: Column[] = [];
  for (const col of input.columns) {
    const target = targets.get(col.name);
    if (!target) {
      select.push(ident(col.name));
      columns.push(col);
      continue;
    }
    const name = keep ? `${col.name}_${target}` : col.name;
    if (keep) {
      select.push(ident(col.name));
      columns.push(col);
    }
    select.push(
      `CAST(${castExpr(col.name, target, defaults[target])} AS ${SQL_TYPE[target]}) AS ${ident(name)}`,
    );
    columns.push({ name, type: SQL_TYPE[target] });
  }
  return { select, columns, targets, keep };
}

export const typeTransform: Component = {
  identifier: "type_transform",
  description: "Data Type Conversion: casts columns to double, int or string",
  outputs: [{ name: "outputTable", type: "DataSet" }],
  async run(ctx) {
    const input = await ctx.requireInput("inputTable");
    const { select, targets, keep } = conversion(ctx.param, input);
    // The casts are per row and cheap: kept as a view, they run while the next step reads, which
    // spares writing the whole table and reading it back (as Read Table hands on its table). Only
    // over an input that lives as long as the view (the catalog, or this run's own schema): a view
    // over an earlier run's output would break when that run is deleted, so that input is copied.
    const kind = input.run === undefined || input.run === ctx.runId ? "view" : "table";
    const out = ctx.tableOutput("outputTable", kind);
    await ctx.conn.run(
      `CREATE ${kind === "view" ? "VIEW" : "TABLE"} ${out} AS SELECT ${select.join(", ")} FROM ${input.relation}`,
    );
    const summary = [...targets].map(([c, t]) => `${c}->${t}`).join(", ");
    ctx.log(`converted ${summary}${keep ? " (originals kept)" : ""}`);
  },
  schema(ctx) {
    return { outputTable: tableSchema(conversion(ctx.param, ctx.requireInput("inputTable")).columns) };
  },
};
