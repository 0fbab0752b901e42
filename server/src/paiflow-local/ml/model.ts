/** The saved form of a trained model (a Model output) and how it scores rows. */
import { type ForestModel, forestProbabilities } from "./forest";
import { type LogisticModel, logisticScore } from "./logistic";

export interface TrainedModel {
  format: "pfd-model/v1";
  algorithm: string;
  features: string[];
  label: string;
  /** The label column's SQL type, so predictions come back in it. */
  labelType: string;
  /** Class values as strings; for logistic regression [negative, positive]. */
  classes: string[];
  model: LogisticModel | ForestModel;
}

/** Probability of each class (in `classes` order) for one row of feature values. */
export function classProbabilities(m: TrainedModel, x: ArrayLike<number>): number[] {
  if (m.model.kind === "logistic") {
    const p = logisticScore(m.model, x);
    return [1 - p, p];
  }
  return forestProbabilities(m.model, x);
}

export function isTrainedModel(value: unknown): value is TrainedModel {
  return typeof value === "object" && value !== null && (value as TrainedModel).format === "pfd-model/v1";
}
