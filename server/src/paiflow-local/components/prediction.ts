/**
 * Prediction (`Prediction_1`): scores the input with a trained model. The output holds
 * appendColNames (default: every input column), then resultColName (the predicted label, in the
 * label's type), scoreColName (the probability of that label) and detailColName (JSON of every
 * label's probability, `{"0":0.12,"1":0.88}`). A row with a missing feature gets NULLs.
 * Rows are scored in batches: memory stays flat however large the input.
 */
import {
  type Component,
  type ModelSchema,
  type Params,
  requireColumns,
  StepError,
  type TableInput,
  tableSchema,
} from "../engine/component";
import { type Column, columnList, countRows, ident } from "../engine/sql";
import { classProbabilities, isTrainedModel } from "../ml/model";

const BATCH_ROWS = 50_000;

/** The output's layout: appended input columns, then the result, score and detail columns. */
function layout(ctx: Params, input: TableInput, model: Pick<ModelSchema, "features" | "labelType">) {
  const listed = columnList(ctx.param("featureColNames"));
  if (listed.length > 0 && listed.join(",") !== model.features.join(",")) {
    const missing = model.features.filter((f) => !listed.includes(f));
    if (missing.length > 0 || listed.length !== model.features.length) {
      throw new StepError(
        `featureColNames (${listed.join(", ")}) differ from the model's features (${model.features.join(", ")})`,
      );
    }
  }
  requireColumns(input, model.features, "featureColNames");
  const append = columnList(ctx.param("appendColNames"));
  const appendCols = append.length > 0 ? requireColumns(input, append, "appendColNames") : input.columns;
  const names = {
    result: ctx.param("resultColName") ?? "prediction_result",
    score: ctx.param("scoreColName") ?? "prediction_score",
    detail: ctx.param("detailColName") ?? "prediction_detail",
  };
  const clash = Object.values(names).find((n) => appendCols.some((c) => c.name === n));
  if (clash)
    throw new StepError(
      `output column ${clash} is also an appended column; rename it or drop it from appendColNames`,
    );
  const columns: Column[] = [
    ...appendCols,
    { name: names.result, type: model.labelType },
    { name: names.score, type: "DOUBLE" },
    { name: names.detail, type: "VARCHAR" },
  ];
  return { appendCols: appendCols.map((c) => c.name), names, columns };
}

export const prediction: Component = {
  identifier: "Prediction_1",
  description: "Prediction: scores a table with a trained model",
  outputs: [{ name: "outputTable", type: "DataSet" }],
  async run(ctx) {
    const model = await ctx.requireModel("model");
    if (!isTrainedModel(model)) throw new StepError("the model input is not a model this engine trained");
    const input = await ctx.requireInput("inputTable");
    const { appendCols, names } = layout(ctx, input, model);

    // Number the rows once so the predictions join back to the right rows.
    await ctx.conn.run(
      `CREATE TEMP TABLE __pred_in AS SELECT row_number() OVER () AS __i, * FROM ${input.relation}`,
    );
    const total = await countRows(ctx.conn, "__pred_in");
    await ctx.conn.run("CREATE TEMP TABLE __pred_out (__i BIGINT, r VARCHAR, s DOUBLE, d VARCHAR)");
    const appender = await ctx.conn.createAppender("__pred_out", "main", "temp");
    const p = model.features.length;
    const x = new Float64Array(p);
    const features = model.features.map((f) => `${ident(f)}::DOUBLE`).join(", ");
    const present = model.features.map((f) => `${ident(f)} IS NOT NULL`).join(" AND ");
    let scored = 0;
    try {
      // In batches by row number: memory stays flat however large the input.
      for (let from = 0; from < total; from += BATCH_ROWS) {
        const batch = await ctx.conn.runAndReadAll(
          `SELECT __i, ${features} FROM __pred_in WHERE __i > ${from} AND __i <= ${from + BATCH_ROWS} AND ${present}`,
        );
        const columns = batch.getColumns();
        const ids = columns[0] ?? [];
        for (let r = 0; r < ids.length; r++) {
          for (let j = 0; j < p; j++) x[j] = columns[j + 1]?.[r] as number;
          const probs = classProbabilities(model, x);
          let best = 0;
          for (let c = 1; c < probs.length; c++) if ((probs[c] ?? 0) > (probs[best] ?? 0)) best = c;
          appender.appendBigInt(ids[r] as bigint);
          appender.appendVarchar(model.classes[best] ?? "");
          appender.appendDouble(probs[best] ?? 0);
          appender.appendVarchar(
            JSON.stringify(Object.fromEntries(model.classes.map((c, k) => [c, probs[k] ?? 0]))),
          );
          appender.endRow();
        }
        scored += ids.length;
        await new Promise((resolve) => setImmediate(resolve));
        if (ctx.signal.aborted) throw new StepError("terminated");
      }
    } finally {
      appender.closeSync();
    }
    const out = ctx.tableOutput("outputTable");
    await ctx.conn.run(
      `CREATE TABLE ${out} AS SELECT ${appendCols.map((c) => `i.${ident(c)}`).join(", ")}${appendCols.length ? ", " : ""}
        TRY_CAST(o.r AS ${model.labelType}) AS ${ident(names.result)}, o.s AS ${ident(names.score)}, o.d AS ${ident(names.detail)}
       FROM __pred_in i LEFT JOIN __pred_out o USING (__i) ORDER BY i.__i`,
    );
    ctx.log(
      `scored ${scored} rows with the ${model.algorithm} model (features ${model.features.join(", ")})`,
    );
  },
  schema(ctx) {
    const model = ctx.requireModel("model");
    return { outputTable: tableSchema(layout(ctx, ctx.requireInput("inputTable"), model).columns) };
  },
};
