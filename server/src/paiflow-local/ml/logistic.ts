/**
 * Binary logistic regression fitted by Newton's method (IRLS) on standardized features, with an
 * intercept and optional L2 penalty; L1 uses proximal gradient descent (FISTA). Stops after
 * maxIter iterations or when no weight moves more than epsilon. Linear algebra: ml-matrix.
 * (ml-logistic-regression has no intercept, no convergence test and a fixed step count.)
 */
import { Matrix, solve } from "ml-matrix";

export interface LogisticModel {
  kind: "logistic";
  means: number[];
  scales: number[];
  /** Weights on the standardized features. */
  weights: number[];
  intercept: number;
  iterations: number;
}

export interface LogisticOptions {
  regularization: "None" | "l1" | "l2";
  level: number;
  maxIter: number;
  epsilon: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function standardize(rows: Float64Array[], p: number): { means: number[]; scales: number[] } {
  const means = new Array<number>(p).fill(0);
  const scales = new Array<number>(p).fill(0);
  for (const r of rows) for (let j = 0; j < p; j++) means[j] = (means[j] ?? 0) + (r[j] ?? 0) / rows.length;
  for (const r of rows)
    for (let j = 0; j < p; j++)
      scales[j] = (scales[j] ?? 0) + ((r[j] ?? 0) - (means[j] ?? 0)) ** 2 / rows.length;
  return { means, scales: scales.map((v) => (v > 0 ? Math.sqrt(v) : 1)) };
}

export function logisticScore(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.intercept;
  for (let j = 0; j < model.weights.length; j++) {
    z += (model.weights[j] ?? 0) * (((x[j] ?? 0) - (model.means[j] ?? 0)) / (model.scales[j] ?? 1));
  }
  return sigmoid(z);
}

/** Fits P(y=1|x); `y` holds 0/1. `abort` is polled between iterations. */
export async function fitLogistic(
  rows: Float64Array[],
  y: Uint8Array,
  options: LogisticOptions,
  /** Awaited between iterations: yields to the event loop and throws when the run is terminated. */
  checkpoint?: () => Promise<void>,
): Promise<LogisticModel> {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const { means, scales } = standardize(rows, p);
  // Design matrix with a leading 1 for the intercept.
  const X = new Matrix(n, p + 1);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as Float64Array;
    X.set(i, 0, 1);
    for (let j = 0; j < p; j++) X.set(i, j + 1, ((r[j] ?? 0) - (means[j] ?? 0)) / (scales[j] ?? 1));
  }
  const lambda = options.regularization === "None" ? 0 : options.level / n;
  let w = new Array<number>(p + 1).fill(0);
  let iterations = 0;
  const probs = () => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j <= p; j++) z += X.get(i, j) * (w[j] ?? 0);
      out[i] = sigmoid(z);
    }
    return out;
  };

  if (options.regularization === "l1") {
    // FISTA with step 1/L, L bounding the Hessian of the mean log-loss on standardized data.
    const step = 1 / (0.25 * (p + 1));
    let v = [...w];
    let t = 1;
    for (iterations = 1; iterations <= options.maxIter * 20; iterations++) {
      await checkpoint?.();
      const prev = w;
      w = v;
      const pr = probs();
      const grad = new Array<number>(p + 1).fill(0);
      for (let i = 0; i < n; i++) {
        const e = (pr[i] ?? 0) - (y[i] ?? 0);
        for (let j = 0; j <= p; j++) grad[j] = (grad[j] ?? 0) + (e * X.get(i, j)) / n;
      }
      const next = v.map((vj, j) => vj - step * (grad[j] ?? 0));
      w = next.map((x, j) => (j === 0 ? x : Math.sign(x) * Math.max(0, Math.abs(x) - step * lambda)));
      const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      v = w.map((x, j) => x + ((t - 1) / tNext) * (x - (prev[j] ?? 0)));
      t = tNext;
      if (w.every((x, j) => Math.abs(x - (prev[j] ?? 0)) <= options.epsilon)) break;
    }
  } else {
    for (iterations = 1; iterations <= options.maxIter; iterations++) {
      await checkpoint?.();
      const pr = probs();
      // Gradient and Hessian of the mean log-likelihood, with the ridge term (not on the intercept).
      const g = new Matrix(p + 1, 1);
      const H = new Matrix(p + 1, p + 1);
      for (let i = 0; i < n; i++) {
        const pi = pr[i] ?? 0;
        const e = (y[i] ?? 0) - pi;
        const wi = Math.max(pi * (1 - pi), 1e-10);
        for (let j = 0; j <= p; j++) {
          const xj = X.get(i, j);
          g.set(j, 0, g.get(j, 0) + (e * xj) / n);
          for (let k = j; k <= p; k++) H.set(j, k, H.get(j, k) + (wi * xj * X.get(i, k)) / n);
        }
      }
      for (let j = 0; j <= p; j++) {
        for (let k = 0; k < j; k++) H.set(j, k, H.get(k, j));
        if (j > 0) {
          H.set(j, j, H.get(j, j) + lambda);
          g.set(j, 0, g.get(j, 0) - lambda * (w[j] ?? 0));
        }
        H.set(j, j, H.get(j, j) + 1e-9);
      }
      const delta = solve(H, g).to1DArray();
      w = w.map((x, j) => x + (delta[j] ?? 0));
      if (delta.every((d) => Math.abs(d) <= options.epsilon)) break;
    }
  }
  return {
    kind: "logistic",
    means,
    scales,
    weights: w.slice(1),
    intercept: w[0] ?? 0,
    iterations: Math.min(iterations, options.maxIter * (options.regularization === "l1" ? 20 : 1)),
  };
}
