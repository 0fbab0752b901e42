/** Parameters and ports many official components share. */
import type { ParamSpec, PortSpec } from "../types";

/** A MaxCompute table output or input. */
export function table(name: string, desc: string, required = true): PortSpec {
  return { name, type: "DataSet", locationType: "MaxComputeTable", required, desc };
}

export const lifecycle = (dflt?: string): ParamSpec => ({
  name: "lifecycle",
  type: "Int",
  ...(dflt === undefined ? {} : { default: dflt }),
  range: "[1, 3650]",
  description: "Days the output table is kept",
});

export const coreNum: ParamSpec = {
  name: "coreNum",
  type: "Int",
  range: "[1, 9999]",
  description: "Number of cores (computed automatically when empty)",
};

export const memSizePerCore: ParamSpec = {
  name: "memSizePerCore",
  type: "Int",
  range: "[1024, 65536]",
  description: "Memory per core in MB (computed automatically when empty)",
};

export const advanced: ParamSpec = {
  name: "_advanced",
  type: "Bool",
  default: "false",
  description: "Designer's switch for showing the advanced options",
};

/** The name of an output table; empty means a temporary `pai_temp_...` table. */
export function outputName(name: string, what: string): ParamSpec {
  return { name, type: "String", description: `Name of the ${what} (a temporary table when empty)` };
}

/** The partition written to an output table. */
export function outputPartition(name: string): ParamSpec {
  return { name, type: "String", description: `Partition to write, e.g. dt=\${bizdate}` };
}
