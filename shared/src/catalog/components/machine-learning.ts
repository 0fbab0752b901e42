/** Training, prediction and evaluation components. */
import type { ComponentSpec, PortSpec } from "../types";
import { advanced, lifecycle, outputName, outputPartition, table } from "./common";

const offlineModel: PortSpec = {
  name: "model",
  type: "Model",
  locationType: "MaxComputeOfflineModel",
  desc: "The trained model",
};

const generatePmml = {
  name: "generatePmml",
  type: "Bool",
  default: false,
  description: "Also write the model as PMML",
} as const;

const featureColumns = {
  name: "featureColNames",
  type: "String",
  required: true,
  columns: { multiple: true, numeric: true },
  description: "Feature columns",
} as const;

const labelColumn = {
  name: "labelColName",
  type: "String",
  required: true,
  columns: {},
  description: "Label column",
} as const;

export const machineLearning: ComponentSpec[] = [
  {
    provider: "pai",
    identifier: "logisticregression_binary",
    version: "v1",
    displayName: { en: "Logistic Regression for Binary Classification", zh: "逻辑回归二分类" },
    category: "Machine Learning",
    description: "Trains a logistic regression model for a two-class label.",
    inputs: [table("inputTable", "Training data")],
    outputs: [
      offlineModel,
      { name: "PMMLOutput", type: "Model", locationType: "OSS", desc: "The model as PMML" },
    ],
    parameters: [
      featureColumns,
      labelColumn,
      { name: "goodValue", type: "String", description: "Label value of the positive class" },
      {
        name: "enableSparse",
        type: "Bool",
        default: "false",
        description: "Features are in sparse key:value form",
      },
      generatePmml,
      {
        name: "regularizedType",
        type: "String",
        default: "None",
        allowed: ["None", "l1", "l2"],
        description: "Regularization",
      },
      {
        name: "regularizedLevel",
        type: "Double",
        default: "1",
        range: "[0, INF)",
        description: "Regularization strength",
      },
      { name: "maxIter", type: "Int", default: "100", range: "[1, INF)", description: "Most iterations" },
      {
        name: "epsilon",
        type: "Double",
        default: "0.000001",
        range: "(0, 1)",
        description: "Convergence tolerance",
      },
      { name: "modelName", type: "String", description: "Name of the output model (temporary when empty)" },
    ],
    maxCompute: true,
  },
  {
    provider: "pai",
    identifier: "random_forests_1",
    version: "v1",
    displayName: { en: "Random Forest", zh: "随机森林" },
    category: "Machine Learning",
    description: "Trains a random forest classifier.",
    inputs: [table("inputTable", "Training data")],
    outputs: [offlineModel],
    parameters: [
      featureColumns,
      labelColumn,
      {
        name: "excludedColNames",
        type: "String",
        columns: { multiple: true },
        description: "Columns left out of the features",
      },
      {
        name: "weightColName",
        type: "String",
        columns: { numeric: true },
        description: "Row weight column",
      },
      {
        name: "forceCategorical",
        type: "String",
        columns: { multiple: true },
        description: "Int columns to treat as categories",
      },
      { name: "treeNum", type: "Int", default: "100", range: "[1, 1000]", description: "Number of trees" },
      {
        name: "minNumObj",
        type: "Int",
        default: "2",
        range: "[1, INF)",
        description: "Fewest rows in a leaf",
      },
      {
        name: "minNumPer",
        type: "Double",
        default: "0",
        range: "[0, 1]",
        description: "Smallest share of the parent's rows in a leaf",
      },
      {
        name: "maxRecordSize",
        type: "Int",
        default: "100000",
        range: "[1000, 1000000]",
        description: "Rows sampled for each tree",
      },
      { name: "maxTreeDeep", type: "Int", range: "[1, INF)", description: "Greatest tree depth" },
      { name: "randomColNum", type: "Int", range: "[1, INF)", description: "Features tried at each split" },
      {
        name: "algorithmTypes",
        type: "String",
        description: "Tree kinds as id3,cart counts, e.g. 0,50 (all C4.5 when empty)",
      },
      generatePmml,
    ],
    maxCompute: true,
  },
  {
    provider: "pai",
    identifier: "Prediction_1",
    version: "v1",
    displayName: { en: "Prediction", zh: "预测" },
    category: "Prediction",
    description: "Scores a table with a trained model.",
    inputs: [
      {
        name: "model",
        type: "Model",
        locationType: "MaxComputeOfflineModel",
        required: true,
        desc: "The model",
      },
      table("inputTable", "Data to score"),
    ],
    outputs: [table("outputTable", "The data with the prediction columns")],
    parameters: [
      {
        name: "featureColNames",
        type: "String",
        columns: { multiple: true, input: "inputTable", numeric: true },
        description: "Feature columns (the model's when empty)",
      },
      {
        name: "appendColNames",
        type: "String",
        columns: { multiple: true, input: "inputTable" },
        description: "Columns copied to the output",
      },
      {
        name: "resultColName",
        type: "String",
        default: "prediction_result",
        description: "Column of the predicted label",
      },
      {
        name: "scoreColName",
        type: "String",
        default: "prediction_score",
        description: "Column of the score",
      },
      {
        name: "detailColName",
        type: "String",
        default: "prediction_detail",
        description: "Column of the per-class details",
      },
      {
        name: "enableSparse",
        type: "Bool",
        default: "false",
        description: "Features are in sparse key:value form",
      },
      outputName("outputTableName", "output table"),
      outputPartition("outputTablePartition"),
      lifecycle(),
    ],
    maxCompute: true,
  },
  {
    provider: "pai",
    identifier: "evaluate_1",
    version: "v1",
    displayName: { en: "Binary Classification Evaluation", zh: "二分类评估" },
    category: "Evaluation",
    description: "Computes AUC, KS, F1 and the ROC/lift curves of a two-class prediction.",
    inputs: [table("inputTable", "Predictions with the true label")],
    outputs: [
      table("outputMetricTable", "The metrics"),
      table("outputDetailTable", "Metrics per threshold bin"),
    ],
    parameters: [
      {
        name: "labelColName",
        type: "String",
        required: true,
        columns: {},
        description: "Column of the true label",
      },
      {
        name: "scoreColName",
        type: "String",
        default: "prediction_score",
        columns: { numeric: true },
        description: "Column of the score",
      },
      {
        name: "positiveLabel",
        type: "String",
        default: "1",
        description: "Label value of the positive class",
      },
      { name: "binCount", type: "Int", default: "1000", range: "[1, INF)", description: "Threshold bins" },
      outputName("outputMetricTableName", "metric table"),
      outputName("outputDetailTableName", "detail table"),
      advanced,
    ],
    maxCompute: true,
  },
];
