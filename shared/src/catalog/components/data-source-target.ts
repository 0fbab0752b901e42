/** Components that read and write MaxCompute tables. */
import type { ComponentSpec } from "../types";
import { table } from "./common";

export const dataSourceTarget: ComponentSpec[] = [
  {
    provider: "pai",
    identifier: "data_source",
    version: "v1",
    displayName: { en: "Read Table", zh: "读数据表" },
    category: "Data Source/Target",
    description: "Reads a MaxCompute table (optionally some of its partitions).",
    inputs: [],
    outputs: [table("outputTable", "The table read")],
    parameters: [
      {
        name: "inputTableName",
        type: "String",
        catalogTable: true,
        description: "Table to read, as project.table (needed to run; Designer exports drafts without it)",
      },
      {
        name: "hasPartition",
        type: "Bool",
        default: "false",
        description: "Whether the table is partitioned",
      },
      {
        name: "partition",
        type: "String",
        catalogPartition: true,
        description: `Partition to read, e.g. dt=20220101 or dt=\${bizdate}`,
      },
      {
        name: "inputTablePartitions",
        type: "String",
        description: "Several partitions to read, comma-separated",
      },
    ],
    maxCompute: true,
  },
  {
    provider: "pai",
    identifier: "SqlWriteTable_1",
    version: "v1",
    displayName: { en: "Write Table", zh: "写数据表" },
    category: "Data Source/Target",
    description: "Writes its input into a MaxCompute table.",
    inputs: [table("inputTable", "The data to write")],
    outputs: [],
    parameters: [
      {
        name: "outputTableName",
        type: "String",
        required: true,
        description: "Table to write, as project.table",
      },
      {
        name: "hasPartition",
        type: "Bool",
        default: "false",
        description: "Whether to write into a partition",
      },
      {
        name: "outputTablePartition",
        type: "String",
        description: `Partition to write, e.g. dt=\${bizdate}`,
      },
    ],
    maxCompute: true,
  },
];
