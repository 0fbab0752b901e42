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
  const d = p + 1;
  const { means, scales } = standardize(rows, p);
  // Row-major design matrix with a leading 1 for the intercept, as a flat array: the hot loops
  // below touch it n x d^2 times per iteration.
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as Float64Array;
    X[i * d] = 1;
    for (let j = 0; j < p; j++) X[i * d + j + 1] = ((r[j] ?? 0) - (means[j] ?? 0)) / (scales[j] ?? 1);
  }
  const lambda = options.regularization === "None" ? 0 : options.level / n;
  let w = new Float64Array(d);
  let iterations = 0;
  const probs = (weights: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += (X[i * d + j] ?? 0) * (weights[j] ?? 0);
      out[i] = sigmoid(z);
    }
    return out;
  };
  const maxIter = options.regularization === "l1" ? options.maxIter * 20 : options.maxIter;

  if (options.regularization === "l1") {
    // FISTA with step 1/L, L bounding the Hessian of the mean log-loss on standardized data.
    const step = 1 / (0.25 * d);
    let v = Float64Array.from(w);
    let t = 1;
    for (iterations = 1; iterations <= maxIter; iterations++) {
      if (iterations % 10 === 0) await checkpoint?.();
      const prev = w;
      const pr = probs(v);
      const grad = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        const e = (pr[i] ?? 0) - (y[i] ?? 0);
        for (let j = 0; j < d; j++) grad[j] = (grad[j] ?? 0) + (e * (X[i * d + j] ?? 0)) / n;
      }
      w = v.map((vj, j) => {
        const x = vj - step * (grad[j] ?? 0);
        if (j === 0) return x;
        const shrunk = Math.abs(x) - step * lambda;
        return shrunk > 0 ? Math.sign(x) * shrunk : 0;
      });
      const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      const momentum = (t - 1) / tNext;
      v = w.map((x, j) => x + momentum * (x - (prev[j] ?? 0)));
      t = tNext;
      if (w.every((x, j) => Math.abs(x - (prev[j] ?? 0)) <= options.epsilon)) break;
    }
  } else {
    for (iterations = 1; iterations <= maxIter; iterations++) {
      await checkpoint?.();
      const pr = probs(w);
      // Gradient and Hessian of the mean log-likelihood, with the ridge term (not on the intercept).
      const g = new Float64Array(d);
      const H = new Float64Array(d * d);
      for (let i = 0; i < n; i++) {
        const pi = pr[i] ?? 0;
        const e = (y[i] ?? 0) - pi;
        const wi = Math.max(pi * (1 - pi), 1e-10);
        const row = i * d;
        for (let j = 0; j < d; j++) {
          const xj = X[row + j] ?? 0;
          g[j] = (g[j] ?? 0) + e * xj;
          for (let k = j; k < d; k++) H[j * d + k] = (H[j * d + k] ?? 0) + wi * xj * (X[row + k] ?? 0);
        }
      }
      const Hm = new Matrix(d, d);
      const gm = new Matrix(d, 1);
      for (let j = 0; j < d; j++) {
        for (let k = j; k < d; k++) {
          const h = (H[j * d + k] ?? 0) / n + (j === k ? (j > 0 ? lambda : 0) + 1e-9 : 0);
          Hm.set(j, k, h);
          Hm.set(k, j, h);
        }
        gm.set(j, 0, (g[j] ?? 0) / n - (j > 0 ? lambda * (w[j] ?? 0) : 0));
      }
      const delta = solve(Hm, gm).to1DArray();
      w = w.map((x, j) => x + (delta[j] ?? 0));
      if (delta.every((dj) => Math.abs(dj) <= options.epsilon)) break;
    }
  }
  return {
    kind: "logistic",
    means,
    scales,
    weights: Array.from(w.slice(1)),
    intercept: w[0] ?? 0,
    iterations: Math.min(iterations, maxIter),
  };
}
