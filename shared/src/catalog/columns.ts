/**
 * Column parameters: which parameters name columns, how a list of them is written, and which
 * column types count as numeric or text. The inspector's column pickers, schema-aware validation
 * and the local engine all decide with these rules.
 */
import type { ComponentSpec, ParamSpec } from "./types";

/** A column parameter of a component, with the input port its columns come from. */
export interface ColumnParam {
  /** A comma-separated list; otherwise one column. */
  multiple: boolean;
  /** The input port whose columns it names. */
  input: string;
  /** Only numeric columns are accepted. */
  numeric: boolean;
}

/**
 * What `param` of `component` takes when it names columns; undefined for any other parameter,
 * and when the component has no table input to take them from.
 */
export function columnParam(
  component: Pick<ComponentSpec, "inputs"> | undefined,
  param: Pick<ParamSpec, "columns">,
): ColumnParam | undefined {
  const spec = param.columns;
  if (!spec) return undefined;
  const input = spec.input ?? component?.inputs.find((p) => p.type === "DataSet")?.name;
  if (input === undefined) return undefined;
  return { multiple: spec.multiple === true, input, numeric: spec.numeric === true };
}

/** A column list as the components read it (`"a, b,c"`): trimmed names, empty entries dropped. */
export function splitColumns(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The names written back as a parameter value: comma-separated, in the order given. */
export function joinColumns(names: readonly string[]): string {
  return names.join(",");
}

// DuckDB's names (local mode) and MaxCompute's (INT, STRING, DECIMAL(p,s)), upper-cased.
const NUMERIC =
  /^(TINYINT|SMALLINT|INT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL.*|NUMERIC.*)$/;
const TEXT = /^(VARCHAR|STRING|TEXT|CHAR)(\(.*\))?$/;

/** A column of this type holds numbers (a learner can take it as a feature). */
export const isNumericType = (type: string): boolean => NUMERIC.test(type.toUpperCase());
/** A column of this type holds text (Data Type Conversion turns it into numbers). */
export const isTextType = (type: string): boolean => TEXT.test(type.toUpperCase());
