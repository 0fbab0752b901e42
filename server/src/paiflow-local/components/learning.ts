/**
 * Training components. Both read the numeric feature columns and the label, drop rows with a
 * missing value (and log how many), fit, and save a `model` output.
 * - Logistic Regression for Binary Classification (`logisticregression_binary`): goodValue is
 *   the positive label (default: the larger of the two labels).
 * - Random Forest (`random_forests_1`): any number of classes; treeNum trees of at most
 *   maxTreeDeep levels, leaves of at least minNumObj rows, randomColNum features tried per split
 *   (default log2(features) + 1), maxRecordSize rows sampled per tree.
 */
import {
  type Component,
  type ModelSchema,
  numberParam,
  type Params,
  requireColumns,
  type StepContext,
  StepError,
  type TableInput,
} from "../engine/component";
import { columnList, countRows, ident, isNumericType } from "../engine/sql";
import { fitForest } from "../ml/forest";
import { fitLogistic } from "../ml/logistic";
import type { TrainedModel } from "../ml/model";

interface TrainingData {
  features: string[];
  label: string;
  labelType: string;
  rows: Float64Array[];
  labels: string[];
  dropped: number;
}

/** Feature names: featureColNames, or every numeric column but the label and excluded ones. */
function featureColumns(
  input: TableInput,
  listed: string[],
  exclude: string[],
  param = "featureColNames",
): string[] {
  const columns =
    listed.length > 0
      ? requireColumns(input, listed, param)
      : input.columns.filter((c) => isNumericType(c.type) && !exclude.includes(c.name));
  const bad = columns.filter((c) => !isNumericType(c.type));
  if (bad.length > 0) {
    throw new StepError(
      `${param}: ${bad.map((c) => `${c.name} (${c.type})`).join(", ")} not numeric; convert them with Data Type Conversion first`,
    );
  }
  if (columns.length === 0) throw new StepError(`${param}: no numeric feature column`);
  return columns.map((c) => c.name);
}

const MAX_CLASSES = 100;

/** Training reads the rows into memory; past this, sample the table first (Split or SQL). */
const MAX_TRAINING_ROWS = 5_000_000;

/** The model a learner would train from these parameters and input columns (its design-time schema). */
function trainingColumns(ctx: Params, input: TableInput): ModelSchema {
  const label = ctx.param("labelColName");
  if (!label) throw new StepError("parameter labelColName is required");
  const [labelColumn] = requireColumns(input, [label], "labelColName");
  const excluded = columnList(ctx.param("excludedColNames"));
  const features = featureColumns(input, columnList(ctx.param("featureColNames")), [
    label,
    ...excluded,
  ]).filter((f) => !excluded.includes(f));
  if (features.includes(label))
    throw new StepError(`featureColNames: the label ${label} cannot also be a feature`);
  return { kind: "model", features, label, labelType: labelColumn?.type ?? "VARCHAR" };
}

async function readTraining(ctx: StepContext, input: TableInput): Promise<TrainingData> {
  const { features, label, labelType } = trainingColumns(ctx, input);
  const total = await countRows(ctx.conn, input.relation);
  if (total > MAX_TRAINING_ROWS) {
    throw new StepError(
      `${input.label} has ${total} rows; the local engine trains on at most ${MAX_TRAINING_ROWS} (sample it first with Split)`,
    );
  }
  const notNull = [...features, label].map((c) => `${ident(c)} IS NOT NULL`).join(" AND ");
  // Streamed chunk by chunk into one buffer: no per-row JS arrays on the way.
  const p = features.length;
  const buffer = new Float64Array(total * p);
  const labels: string[] = [];
  const result = await ctx.conn.stream(
    `SELECT ${features.map((f) => `${ident(f)}::DOUBLE`).join(", ")}, CAST(${ident(label)} AS VARCHAR) FROM ${input.relation} WHERE ${notNull}`,
  );
  let n = 0;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const columns = chunk.getColumns();
    const rows = chunk.rowCount;
    for (let j = 0; j < p; j++) {
      const values = columns[j] as number[];
      for (let r = 0; r < rows; r++) buffer[(n + r) * p + j] = values[r] as number;
    }
    for (const value of columns[p] as string[]) labels.push(value);
    n += rows;
  }
  if (n === 0)
    throw new StepError(
      `no training rows: ${input.label} has no row with ${features.join(", ")} and ${label} all set`,
    );
  return {
    features,
    label,
    labelType,
    rows: Array.from({ length: n }, (_, i) => buffer.subarray(i * p, (i + 1) * p)),
    labels,
    dropped: total - n,
  };
}

/** Lets requests through between training rounds and stops promptly on Terminate. */
const checkpointOf = (ctx: StepContext) => async () => {
  await new Promise((resolve) => setImmediate(resolve));
  if (ctx.signal.aborted) throw new StepError("terminated");
};

export const logisticRegression: Component = {
  identifier: "logisticregression_binary",
  description: "Logistic Regression for Binary Classification",
  outputs: [{ name: "model", type: "Model" }],
  async run(ctx) {
    const data = await readTraining(ctx, await ctx.requireInput("inputTable"));
    const values = [...new Set(data.labels)].sort();
    if (values.length !== 2) {
      throw new StepError(
        `labelColName: ${data.label} must have exactly 2 values for binary classification, found ${values.length} (${values.slice(0, 5).join(", ")})`,
      );
    }
    const good = ctx.param("goodValue") ?? (values[1] as string);
    if (!values.includes(good))
      throw new StepError(`goodValue "${good}" is not a value of ${data.label} (${values.join(", ")})`);
    const negative = values.find((v) => v !== good) as string;
    const reg = ctx.param("regularizedType") ?? "None";
    if (reg !== "None" && reg !== "l1" && reg !== "l2")
      throw new StepError(`regularizedType "${reg}" is not one of None, l1, l2`);
    const options = {
      regularization: reg,
      level: numberParam(ctx, "regularizedLevel", 1, { min: 0 }),
      maxIter: numberParam(ctx, "maxIter", 100, { min: 1, max: 100_000, integer: true }),
      epsilon: numberParam(ctx, "epsilon", 1e-6, { min: 0 }),
    } as const;
    const y = Uint8Array.from(data.labels, (l) => (l === good ? 1 : 0));
    const fitted = await fitLogistic(data.rows, y, options, checkpointOf(ctx));
    const model: TrainedModel = {
      format: "pfd-model/v1",
      algorithm: "logisticregression_binary",
      features: data.features,
      label: data.label,
      labelType: data.labelType,
      classes: [negative, good],
      model: fitted,
    };
    await ctx.modelOutput("model", model);
    const coef = data.features
      .map((f, j) => `${f}=${(fitted.weights[j] ?? 0) / (fitted.scales[j] ?? 1)}`)
      .join(", ");
    ctx.log(
      `trained on ${data.rows.length} rows (${data.dropped} with missing values dropped), ${fitted.iterations} iterations, positive label ${good}`,
    );
    ctx.log(`coefficients (original scale): ${coef}`);
  },
  schema: (ctx) => ({ model: trainingColumns(ctx, ctx.requireInput("inputTable")) }),
};

export const randomForest: Component = {
  identifier: "random_forests_1",
  description: "Random Forest classifier",
  outputs: [{ name: "model", type: "Model" }],
  async run(ctx) {
    if (ctx.param("weightColName")) throw new StepError("weightColName is not supported by the local engine");
    const data = await readTraining(ctx, await ctx.requireInput("inputTable"));
    const classes = [...new Set(data.labels)].sort();
    if (classes.length < 2)
      throw new StepError(`labelColName: ${data.label} has a single value; nothing to learn`);
    if (classes.length > MAX_CLASSES) {
      throw new StepError(
        `labelColName: ${data.label} has ${classes.length} distinct values; classification takes at most ${MAX_CLASSES} (is it a continuous column? bin it with SQL first)`,
      );
    }
    const index = new Map(classes.map((c, i) => [c, i]));
    const p = data.features.length;
    const options = {
      trees: numberParam(ctx, "treeNum", 100, { min: 1, max: 1000, integer: true }),
      featuresPerSplit: numberParam(ctx, "randomColNum", Math.floor(Math.log2(p)) + 1, {
        min: 1,
        integer: true,
      }),
      samplesPerTree: Math.min(
        data.rows.length,
        numberParam(ctx, "maxRecordSize", 100_000, { min: 1, integer: true }),
      ),
      maxDepth: numberParam(ctx, "maxTreeDeep", 64, { min: 1, max: 1000, integer: true }),
      minLeaf: Math.max(1, numberParam(ctx, "minNumObj", 2, { min: 0, integer: true })),
      seed: numberParam(ctx, "randomSeed", 42, { integer: true }),
    };
    const y = Uint16Array.from(data.labels, (l) => index.get(l) ?? 0);
    const fitted = await fitForest(data.rows, y, classes.length, options, checkpointOf(ctx));
    const model: TrainedModel = {
      format: "pfd-model/v1",
      algorithm: "random_forests_1",
      features: data.features,
      label: data.label,
      labelType: data.labelType,
      classes,
      model: fitted,
    };
    await ctx.modelOutput("model", model);
    const nodes = fitted.trees.reduce((s, t) => s + t.feature.length, 0);
    ctx.log(
      `trained ${options.trees} trees on ${data.rows.length} rows (${data.dropped} with missing values dropped), ${nodes} nodes, ${classes.length} classes`,
    );
  },
  schema(ctx) {
    if (ctx.param("weightColName")) throw new StepError("weightColName is not supported by the local engine");
    return { model: trainingColumns(ctx, ctx.requireInput("inputTable")) };
  },
};
