/**
 * What the engine knows at design time, without running anything: each step's input and output
 * schemas (from the components' `schema` rules, SQL Script's by DuckDB describing the query over
 * empty inputs), and the table catalog with previews. Nothing here ever fails a request because
 * one step cannot be known: that step's ports are `unknown` with the reason.
 */
import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { PortSchema, StepSchema } from "@pfd/shared";
import { listTables, parseTableName, partitionFilter, relationKind, tableOfValue, tableSql } from "./catalog";
import {
  type Component,
  type ModelSchema,
  type SchemaContext,
  StepError,
  type TableInput,
} from "./engine/component";
import { paramText } from "./engine/fingerprint";
import { planManifest } from "./engine/plan";
import { topological } from "./engine/scope";
import { countRows, describe, emptyRelation, ident, lit } from "./engine/sql";
import { ApiError, invalidParameter } from "./errors";
import { catalogFingerprints, tableRecord } from "./registry";
import type { Warehouse } from "./warehouse";

/** Answers kept per pipeline version (manifest, arguments and catalog). */
const CACHE_ENTRIES = 32;
/** A step's schema work that takes longer than this is given up (unknown, "timed out"). */
const STEP_TIMEOUT_MS = 3000;
const PARTITIONS_SHOWN = 1000;

export interface PipelineSchemas {
  version: string;
  steps: Record<string, StepSchema>;
  reason?: string;
}

/** An input whose schema is unknown: the step's outputs are unknown too. */
class UnknownInput extends Error {}

const unknown = (reason: string): PortSchema => ({ kind: "unknown", reason });

export class DesignService {
  private readonly cache = new Map<string, PipelineSchemas>();

  constructor(
    private readonly warehouse: Warehouse,
    private readonly components: ReadonlyMap<string, Component>,
  ) {}

  /** Every step's schemas for this manifest and arguments; cached per version. */
  async schemas(manifest: string, args?: string): Promise<PipelineSchemas> {
    const catalog = await this.warehouse.with(catalogFingerprints);
    const version = createHash("sha256")
      .update(`${manifest}\0${args ?? ""}\0${[...catalog].sort().join(",")}`)
      .digest("base64url")
      .slice(0, 22);
    const cached = this.cache.get(version);
    if (cached) {
      this.cache.delete(version);
      this.cache.set(version, cached);
      return cached;
    }
    const result = await this.derive(version, manifest, args);
    this.cache.set(version, result);
    if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    return result;
  }

  private async derive(version: string, manifest: string, args?: string): Promise<PipelineSchemas> {
    let plan: ReturnType<typeof planManifest>;
    try {
      plan = planManifest(manifest, args);
    } catch (error) {
      return { version, steps: {}, reason: (error as Error).message };
    }
    const steps: Record<string, StepSchema> = {};
    await this.warehouse.with(async (conn) => {
      for (const step of topological(plan)) {
        const inputs: Record<string, PortSchema> = {};
        for (const [name, binding] of step.inputs) {
          inputs[name] =
            binding.kind === "step"
              ? (steps[binding.step]?.outputs[binding.output] ??
                unknown(`step "${binding.step}" has no output "${binding.output}"`))
              : await catalogSchema(conn, binding.value);
        }
        const impl = step.identifier ? this.components.get(step.identifier) : undefined;
        const outputNames = impl?.outputs.map((o) => o.name) ?? [];
        let reason: string | undefined;
        let outputs: Record<string, PortSchema> = {};
        if (step.unsupported) reason = `${step.unsupported} are not supported by the local engine`;
        else if (!impl)
          reason = `component ${step.provider ?? "?"}/${step.identifier ?? step.guid ?? "?"} is not supported by the local engine`;
        else {
          const timer = setTimeout(() => conn.interrupt(), STEP_TIMEOUT_MS);
          try {
            outputs = await impl.schema(schemaContext(conn, step.params, inputs));
          } catch (error) {
            reason =
              error instanceof StepError || error instanceof UnknownInput
                ? error.message
                : /interrupt/i.test((error as Error).message)
                  ? `working out the schema took longer than ${STEP_TIMEOUT_MS / 1000} s`
                  : (error as Error).message;
          } finally {
            clearTimeout(timer);
          }
        }
        if (reason) outputs = Object.fromEntries(outputNames.map((n) => [n, unknown(reason as string)]));
        steps[step.name] = { inputs, outputs, ...(reason ? { reason } : {}) };
      }
    });
    return { version, steps };
  }

  /** The catalog's tables, optionally those whose name holds `keyword`. */
  tables(keyword?: string) {
    return this.warehouse.with((conn) => listTables(conn, keyword));
  }

  /** A catalog table's columns, partitions and first rows (of one partition when given). */
  async preview(name: string, limit: number, partition?: string) {
    let table: ReturnType<typeof parseTableName>;
    try {
      table = parseTableName(name);
    } catch (error) {
      throw invalidParameter("TableName", (error as Error).message);
    }
    return this.warehouse.with(async (conn) => {
      if (!(await relationKind(conn, table.project, table.table)))
        throw new ApiError(404, "TableNotFound", `The table ${name} is not in the local table catalog.`);
      const source = tableSql(table);
      const columns = await describe(conn, source);
      let relation = source;
      if (partition) {
        try {
          relation = `(SELECT * FROM ${source} WHERE ${partitionFilter(partition, columns, "Partition")})`;
        } catch (error) {
          throw invalidParameter("Partition", (error as Error).message);
        }
      }
      const partitionColumns = (await tableRecord(conn, name))?.partitionColumns ?? [];
      const partitions =
        partitionColumns.length === 0
          ? []
          : (
              await conn.runAndReadAll(
                `SELECT DISTINCT ${partitionColumns.map((c) => `${lit(`${c}=`)} || CAST(${ident(c)} AS VARCHAR)`).join(` || '/' || `)} AS p FROM ${source} ORDER BY p LIMIT ${PARTITIONS_SHOWN}`,
              )
            )
              .getRowsJS()
              .map((r) => String(r[0]));
      const rows = await conn.runAndReadAll(`SELECT * FROM ${relation} LIMIT ${limit}`);
      return {
        name,
        columns,
        partitionColumns,
        partitions,
        rows: rows.getRowsJS(),
        totalCount: await countRows(conn, relation),
      };
    });
  }
}

/** A literal table input's schema: the catalog table's columns. */
async function catalogSchema(conn: DuckDBConnection, value: unknown): Promise<PortSchema> {
  const named = tableOfValue(value);
  if (!named) return unknown("the value is not a table ({location: {project, table}})");
  try {
    const t = parseTableName(named.name);
    if (!(await relationKind(conn, t.project, t.table)))
      return unknown(`table ${named.name} is not in the local table catalog`);
    return { kind: "table", columns: await describe(conn, tableSql(t)) };
  } catch (error) {
    return unknown((error as Error).message);
  }
}

function schemaContext(
  conn: DuckDBConnection,
  params: Map<string, unknown>,
  inputs: Record<string, PortSchema>,
): SchemaContext {
  const port = (name: string) => {
    const schema = inputs[name];
    if (schema?.kind === "unknown") throw new UnknownInput(`input ${name} is unknown: ${schema.reason}`);
    return schema;
  };
  const input = (name: string): TableInput | undefined => {
    const schema = port(name);
    if (!schema) return undefined;
    if (schema.kind !== "table") throw new StepError(`input ${name} is a ${schema.kind}, not a table`);
    return { relation: emptyRelation(schema.columns), kind: "view", columns: schema.columns, label: name };
  };
  return {
    conn,
    param: (name) => paramText(params.get(name)),
    input,
    requireInput: (name) => {
      const found = input(name);
      if (!found) throw new StepError(`input ${name} is not connected`);
      return found;
    },
    requireModel: (name): ModelSchema => {
      const schema = port(name);
      if (!schema) throw new StepError(`input ${name} is not connected to a model`);
      if (schema.kind !== "model") throw new StepError(`input ${name} is a ${schema.kind}, not a model`);
      return schema;
    },
  };
}
