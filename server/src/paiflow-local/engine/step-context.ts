/**
 * The StepContext a component runs with: its parameters, its inputs (upstream outputs, which may
 * live in an earlier run's schema when reused, or literal catalog tables), and where its outputs
 * go (tables in this run's schema, model files in this run's directory).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { partitionFilter, relationKind, tableOfValue, tableSql } from "../catalog";
import { newId } from "../ids";
import type { NodeRecord, OutputRecord } from "../model";
import type { RunStore } from "../store";
import { type StepContext, StepError, type TableInput, tableNameOf } from "./component";
import { paramText } from "./fingerprint";
import type { PlannedStep } from "./plan";
import { countRows, describe, qualified } from "./sql";

const now = () => new Date().toISOString();

export interface StepContextOptions {
  runId: string;
  step: PlannedStep;
  node: NodeRecord;
  conn: DuckDBConnection;
  signal: AbortSignal;
  /** The run's nodes by step name (upstream outputs are read from them). */
  nodes: Map<string, NodeRecord>;
  store: RunStore;
  log(message: string): void;
}

export function stepContext(o: StepContextOptions): StepContext {
  const { runId, step, node, conn, store, nodes } = o;
  const upstream = (inputName: string) => {
    const binding = step.inputs.get(inputName);
    if (binding?.kind !== "step") return undefined;
    const output = nodes.get(binding.step)?.Outputs.find((out) => out.Name === binding.output);
    if (!output)
      throw new StepError(`input ${inputName}: step ${binding.step} has no output ${binding.output}`);
    return { binding, output };
  };
  const input = async (name: string): Promise<TableInput | undefined> => {
    const binding = step.inputs.get(name);
    if (!binding) return undefined;
    let relation: string;
    let label: string;
    let kind: TableInput["kind"] = "table";
    let rows: number | undefined;
    let run: string | undefined;
    if (binding.kind === "step") {
      const found = upstream(name);
      if (!found?.output.table)
        throw new StepError(
          `input ${name}: ${binding.step}.${binding.output} is a ${found?.output.Type}, not a table`,
        );
      relation = qualified(found.output.table.schema, found.output.table.name);
      label = `${binding.step}.${binding.output}`;
      kind = found.output.table.view ? "view" : "table";
      rows = found.output.rowCount;
      run = found.output.table.schema;
    } else {
      ({ relation, label, kind } = await catalogInput(conn, name, binding.value));
    }
    const table: TableInput = { relation, label, kind, columns: await describe(conn, relation), run };
    rows ??= await countRows(conn, relation);
    o.log(`input ${name}: ${label}, ${rows} rows, ${table.columns.length} columns`);
    return table;
  };
  const addOutput = (record: Omit<OutputRecord, "Id" | "GmtCreateTime">) => {
    node.Outputs = node.Outputs.filter((out) => out.Name !== record.Name);
    node.Outputs.push({ Id: newId("artifact"), GmtCreateTime: now(), ...record });
  };
  return {
    conn,
    runId,
    stepName: step.name,
    signal: o.signal,
    param: (name) => paramText(step.params.get(name)),
    input,
    requireInput: async (name) => {
      const found = await input(name);
      if (!found) throw new StepError(`input ${name} is not connected`);
      return found;
    },
    requireModel: async (name) => {
      const found = upstream(name);
      if (!found) throw new StepError(`input ${name} is not connected to a model`);
      const { modelFile, fromRun } = found.output;
      if (!modelFile)
        throw new StepError(`input ${name}: ${found.binding.step}.${found.binding.output} is not a model`);
      o.log(`input ${name}: model ${found.binding.step}.${found.binding.output}`);
      return JSON.parse(
        await readFile(path.join(store.runDir(fromRun ?? runId), modelFile), "utf8"),
      ) as unknown;
    },
    tableOutput: (name, kind = "table") => {
      const table = {
        schema: runId,
        name: `${step.name}__${name}`,
        ...(kind === "view" ? { view: true } : {}),
      };
      addOutput({ Name: name, Type: "DataSet", table });
      return qualified(table.schema, table.name);
    },
    modelOutput: async (name, model) => {
      const file = path.join("models", `${node.NodeId}-${name}.json`);
      await mkdir(path.join(store.runDir(runId), "models"), { recursive: true });
      await writeFile(path.join(store.runDir(runId), file), JSON.stringify(model));
      addOutput({ Name: name, Type: "Model", modelFile: file });
    },
    valueOutput: (name, type, value) => addOutput({ Name: name, Type: type, value }),
    log: o.log,
  };
}

/** A literal table input: `{location: {project, table, partition}}` or `"project.table"`. */
async function catalogInput(
  conn: DuckDBConnection,
  name: string,
  value: unknown,
): Promise<{ relation: string; label: string; kind: "view" | "table" }> {
  const named = tableOfValue(value);
  if (!named) throw new StepError(`input ${name}: the value is not a table ({location: {project, table}})`);
  const table = tableNameOf(named.name, `input ${name}`);
  const kind = await relationKind(conn, table.project, table.table);
  if (!kind) throw new StepError(`input ${name}: table ${named.name} is not in the local table catalog`);
  const source = tableSql(table);
  if (!named.partition) return { relation: source, label: named.name, kind };
  try {
    const where = partitionFilter(named.partition, await describe(conn, source), `input ${name}`);
    return {
      relation: `(SELECT * FROM ${source} WHERE ${where})`,
      label: `${named.name}/${named.partition}`,
      kind: "view",
    };
  } catch (error) {
    throw new StepError((error as Error).message);
  }
}
