/** Synthetic Designer-style pipelines for the benchmark: a layered DAG of official components. */
import type { Manifest, Step } from "../src/manifest/types";

const KINDS = [
  {
    id: "type_transform",
    out: "outputTable",
    params: { cols_to_double: "a,b,c,d", default_int_value: "0", reserveOldFeat: "false" },
  },
  { id: "normalize_1", out: "outputTable", params: { selectedColNames: "a,b,c", keepOriginal: "false" } },
  {
    id: "split",
    out: "output1Table",
    params: { _splitMethod: "_fraction", fraction: "0.8", _advanced: "false" },
  },
  { id: "sql", out: "outputTable", params: { sql: `select * from \${t1} where a > 0`, scriptMode: false } },
] as const;

function step(i: number, name: string, upstream: string[]): Step {
  const kind = KINDS[i % KINDS.length] as (typeof KINDS)[number];
  const isSource = upstream.length === 0;
  const identifier = isSource ? "data_source" : kind.id;
  const inputName = identifier === "sql" ? "inputTable1" : "inputTable";
  const parameters: Record<string, unknown>[] = isSource
    ? [
        { name: "inputTableName", value: `demo.table_${i}` },
        { name: "hasPartition", value: "false" },
      ]
    : Object.entries(kind.params).map(([n, value]) => ({ name: n, value }));
  parameters.push({ name: "execution", from: "{{inputs.parameters.execution_maxcompute}}" });
  const up = upstream[0];
  // The upstream step's own output: a source's outputTable, else its component's.
  const upOut = i % 10 === 1 ? "outputTable" : KINDS[(i - 1) % KINDS.length]?.out;
  return {
    apiVersion: "core/v1",
    metadata: {
      provider: "pai",
      version: "v1",
      identifier,
      name,
      displayName: `${identifier}-${i}`,
      annotations: {},
    },
    spec: {
      arguments: {
        artifacts:
          up === undefined
            ? []
            : [{ name: inputName, from: `{{pipelines.${up}.outputs.artifacts.${upOut}}}` }],
        parameters,
      },
      dependencies: upstream,
      initContainers: [],
      sideCarContainers: [],
      pipelines: [],
      volumes: [],
    },
  } as unknown as Step;
}

/** A pipeline of `n` steps: every 10th a source, the others each reading the step before. */
export function generatePipeline(n: number): Manifest {
  const names = Array.from({ length: n }, (_, i) => `id-${i.toString(16).padStart(8, "0")}-bench`);
  return {
    apiVersion: "core/v1",
    metadata: {
      provider: "123456",
      version: "v1",
      identifier: "job-root-pipeline-identifier",
      annotations: {},
    },
    spec: {
      inputs: { artifacts: [], parameters: [{ name: "execution_maxcompute", type: "Map" }] },
      arguments: { artifacts: [], parameters: [] },
      dependencies: [],
      initContainers: [],
      sideCarContainers: [],
      pipelines: names.map((name, i) => step(i, name, i % 10 === 0 ? [] : [names[i - 1] as string])),
      volumes: [],
    },
  };
}
