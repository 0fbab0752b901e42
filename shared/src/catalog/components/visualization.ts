/** Components that show data rather than produce it. */
import type { ComponentSpec } from "../types";
import { table } from "./common";

export const visualization: ComponentSpec[] = [
  {
    provider: "pai",
    identifier: "fe_meta_runner",
    version: "v1",
    displayName: { en: "Data View", zh: "数据视图" },
    category: "Visualization",
    description: "Shows the distribution of each feature and its relation to the label.",
    inputs: [table("inputTable", "The table to view")],
    outputs: [],
    parameters: [
      { name: "selectedCols", type: "String", columns: { multiple: true }, description: "Columns to view" },
      { name: "labelCol", type: "String", columns: {}, description: "Label column" },
      {
        name: "isSparse",
        type: "Bool",
        default: "false",
        description: "Columns are in sparse key:value form",
      },
      {
        name: "maxBins",
        type: "Int",
        default: "100",
        range: "[1, INF)",
        description: "Most bins per column",
      },
    ],
    maxCompute: true,
  },
  {
    provider: "pai",
    identifier: "histograms",
    version: "v1",
    displayName: { en: "Histogram", zh: "直方图" },
    category: "Visualization",
    description: "Draws a histogram of each selected column.",
    inputs: [table("inputTable", "The table to draw")],
    outputs: [],
    parameters: [
      {
        name: "selectedColNames",
        type: "String",
        columns: { multiple: true, numeric: true },
        description: "Columns to draw",
      },
      { name: "intervalNum", type: "Int", default: "100", range: "[1, 1000]", description: "Number of bins" },
    ],
    maxCompute: true,
  },
];
