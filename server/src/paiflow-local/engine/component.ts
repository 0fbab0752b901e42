/** What a component implementation sees of its step, and what it gives back. */
import type { DuckDBConnection } from "@duckdb/node-api";
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
}

export interface StepContext {
  readonly conn: DuckDBConnection;
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

export interface Component {
  identifier: string;
  description: string;
  outputs: readonly ComponentOutput[];
  run(ctx: StepContext): Promise<void>;
}

/** An error a component raises for bad input; its message is shown as the step's failure. */
export class StepError extends Error {
  override name = "StepError";
}

/** Parses a number parameter within bounds; throws StepError naming the parameter. */
export function numberParam(
  ctx: StepContext,
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

export function boolParam(ctx: StepContext, name: string, fallback: boolean): boolean {
  const raw = ctx.param(name);
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
