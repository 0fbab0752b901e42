/** What a component implementation sees of its step, and what it gives back. */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { PortSchema } from "@pfd/shared";
import { parseTableName, type TableName } from "../catalog";
import type { OutputType } from "../model";
import type { Column } from "./sql";

/** A table input: a SQL relation (quoted, qualified) with its columns. */
export interface TableInput {
  relation: string;
  /** Views (Read Table's output) have no stable rowid. */
  kind: "table" | "view";
  columns: Column[];
  /** A `project.table` name when the input is a catalog table, for logs. */
  label: string;
  /**
   * The run whose schema holds the relation: a step's output, this run's or (reused) an earlier
   * run's; undefined for a catalog table. An output may be a view over its input only when that
   * input lives as long as the view does.
   */
  run?: string;
}

export interface StepContext {
  readonly conn: DuckDBConnection;
  readonly runId: string;
  readonly stepName: string;
  readonly signal: AbortSignal;
  /** A parameter as a string (objects as JSON); undefined when unset or empty. */
  param(name: string): string | undefined;
  /** The connected table input, or undefined. */
  input(name: string): Promise<TableInput | undefined>;
  /** The connected table input; fails the step naming the input when it is missing. */
  requireInput(name: string): Promise<TableInput>;
  /** The model connected to a model input. */
  requireModel(name: string): Promise<unknown>;
  /** Reserves the relation name of a table output; the component creates it (a view when kind says so). */
  tableOutput(name: string, kind?: "table" | "view"): string;
  modelOutput(name: string, model: unknown): Promise<void>;
  /** A small JSON value shown in the output's `Info.value` (metrics). */
  valueOutput(name: string, type: OutputType, value: unknown): void;
  log(message: string): void;
}

export interface ComponentOutput {
  name: string;
  type: OutputType;
}

/** A model's schema: what a learner's `model` output carries to Prediction. */
export type ModelSchema = Extract<PortSchema, { kind: "model" }>;

/**
 * What a component sees at design time: its parameters and the schemas of its inputs, never
 * their rows. `conn` may read the catalog (Read Table describes its table; SQL Script describes
 * its query over empty inputs) inside a read-only transaction.
 */
export interface SchemaContext {
  readonly conn: DuckDBConnection;
  param(name: string): string | undefined;
  /**
   * The connected table input as an empty relation with its columns (kind "view"), or undefined
   * when not connected; throws when its schema is unknown (the step's outputs are then unknown).
   */
  input(name: string): TableInput | undefined;
  requireInput(name: string): TableInput;
  requireModel(name: string): ModelSchema;
}

/** Output schemas by output name. */
export type OutputSchemas = Record<string, PortSchema>;

export interface Component {
  identifier: string;
  description: string;
  outputs: readonly ComponentOutput[];
  /**
   * Writes outside the step's own outputs (Write Table writes a catalog table): never reused,
   * always run.
   */
  sideEffects?: boolean;
  /** Catalog tables the step reads by name through a parameter (Read Table), for its fingerprint. */
  catalogReads?(param: (name: string) => string | undefined): string[];
  run(ctx: StepContext): Promise<void>;
  /** The outputs' schemas, from the parameters and the inputs' schemas (design time, no rows read). */
  schema(ctx: SchemaContext): Promise<OutputSchemas> | OutputSchemas;
}

/** A table port's schema. */
export const tableSchema = (columns: Column[]): PortSchema => ({ kind: "table", columns });

/** An error a component raises for bad input; its message is shown as the step's failure. */
export class StepError extends Error {
  override name = "StepError";
}

/** Where components read parameters from: a step's context at run or design time. */
export type Params = { param(name: string): string | undefined };

/** A `project.table` parameter (or input) value; StepError naming `what` when it is not one. */
export function tableNameOf(value: string, what: string): TableName {
  try {
    return parseTableName(value);
  } catch (error) {
    throw new StepError(`${what}: ${(error as Error).message}`);
  }
}

/** Parses a number parameter within bounds; throws StepError naming the parameter. */
export function numberParam(
  ctx: Params,
  name: string,
  fallback: number,
  check: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const raw = ctx.param(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  const ok =
    Number.isFinite(value) &&
    (check.min === undefined || value >= check.min) &&
    (check.max === undefined || value <= check.max) &&
    (!check.integer || Number.isInteger(value));
  if (!ok) {
    const range = `${check.min ?? "-INF"}..${check.max ?? "INF"}`;
    throw new StepError(
      `parameter ${name}="${raw}" must be ${check.integer ? "an integer" : "a number"} in ${range}`,
    );
  }
  return value;
}

export function boolParam(ctx: Params, name: string, fallback: boolean): boolean {
  return boolValue(ctx.param(name), name, fallback);
}

/** A true/false parameter's value; throws StepError naming the parameter. */
export function boolValue(raw: string | undefined, name: string, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new StepError(`parameter ${name}="${raw}" must be true or false`);
}

/** Checks that each named column exists in the input; throws StepError listing what is missing. */
export function requireColumns(input: TableInput, names: string[], param: string): Column[] {
  const byName = new Map(input.columns.map((c) => [c.name, c]));
  const missing = names.filter((n) => !byName.has(n));
  if (missing.length > 0) {
    throw new StepError(
      `${param}: column(s) ${missing.join(", ")} not in ${input.label} (columns: ${input.columns.map((c) => c.name).join(", ")})`,
    );
  }
  return names.map((n) => byName.get(n) as Column);
}
