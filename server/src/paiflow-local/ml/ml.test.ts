import { describe, expect, it } from "vitest";
import { prng } from "../sample-data";
import { fitForest, forestProbabilities } from "./forest";
import { fitLogistic, logisticScore } from "./logistic";

/** Rows from a known logistic model: P(y=1) = sigmoid(-1 + 2 x0 - 3 x1), x2 irrelevant. */
function logisticData(n: number, seed = 1) {
  const rand = prng(seed);
  const rows: Float64Array[] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = Float64Array.from([rand() * 4 - 2, rand() * 4 - 2, rand() * 10]);
    const z = -1 + 2 * (x[0] ?? 0) - 3 * (x[1] ?? 0);
    y[i] = rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    rows.push(x);
  }
  return { rows, y };
}

/** Coefficients on the original scale. */
function original(m: Awaited<ReturnType<typeof fitLogistic>>) {
  const w = m.weights.map((v, j) => v / (m.scales[j] ?? 1));
  const b = m.intercept - w.reduce((s, v, j) => s + v * (m.means[j] ?? 0), 0);
  return { w, b };
}

describe("fitLogistic", () => {
  it("recovers the generating coefficients (Newton, no penalty)", async () => {
    const { rows, y } = logisticData(20_000);
    const model = await fitLogistic(rows, y, {
      regularization: "None",
      level: 0,
      maxIter: 100,
      epsilon: 1e-8,
    });
    const { w, b } = original(model);
    expect(b).toBeCloseTo(-1, 0);
    expect(w[0]).toBeCloseTo(2, 0);
    expect(w[1]).toBeCloseTo(-3, 0);
    expect(Math.abs(w[2] ?? 1)).toBeLessThan(0.05);
    expect(model.iterations).toBeLessThan(15);
    expect(logisticScore(model, [0, 0, 5])).toBeCloseTo(1 / (1 + Math.exp(1)), 1);
  });

  it("L1 drives the irrelevant feature to exactly zero; L2 shrinks", async () => {
    const { rows, y } = logisticData(5_000, 2);
    const l1 = await fitLogistic(rows, y, { regularization: "l1", level: 200, maxIter: 200, epsilon: 1e-9 });
    expect(l1.weights[2]).toBe(0);
    expect(Math.abs(l1.weights[1] ?? 0)).toBeGreaterThan(0.5);
    const none = await fitLogistic(rows, y, {
      regularization: "None",
      level: 0,
      maxIter: 100,
      epsilon: 1e-9,
    });
    const l2 = await fitLogistic(rows, y, {
      regularization: "l2",
      level: 2_000,
      maxIter: 100,
      epsilon: 1e-9,
    });
    expect(Math.abs(l2.weights[1] ?? 0)).toBeLessThan(Math.abs(none.weights[1] ?? 0));
  });
});

describe("fitForest", () => {
  it("learns an interaction a linear model cannot (XOR) and is repeatable with a seed", async () => {
    const rand = prng(3);
    const rows: Float64Array[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const x = Float64Array.from([rand(), rand()]);
      rows.push(x);
      labels.push((x[0] ?? 0) > 0.5 !== (x[1] ?? 0) > 0.5 ? 1 : 0);
    }
    const y = Uint16Array.from(labels);
    const options = {
      trees: 20,
      featuresPerSplit: 2,
      samplesPerTree: 2000,
      maxDepth: 12,
      minLeaf: 2,
      seed: 9,
    };
    const model = await fitForest(rows, y, 2, options);
    let correct = 0;
    for (let i = 0; i < 500; i++) {
      const x = [rand(), rand()];
      const truth = (x[0] ?? 0) > 0.5 !== (x[1] ?? 0) > 0.5 ? 1 : 0;
      const p = forestProbabilities(model, x);
      if ((p[1] ?? 0) > 0.5 === (truth === 1)) correct++;
      expect((p[0] ?? 0) + (p[1] ?? 0)).toBeCloseTo(1, 9);
    }
    expect(correct / 500).toBeGreaterThan(0.95);
    const again = await fitForest(rows, y, 2, options);
    expect(again).toEqual(model);
  });
});
