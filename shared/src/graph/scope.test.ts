import { describe, expect, it } from "vitest";
import { CreateRunRequestSchema } from "../api/runs";
import { type ScopeStep, scopeSteps, topologicalOrder } from "./scope";

// read -> conv -> split -> (train, predict); train -> predict (model); write waits on conv (ordering only).
const steps: ScopeStep[] = [
  { name: "predict", dependencies: ["train", "split"], dataSources: ["train", "split"] },
  { name: "train", dependencies: ["split"], dataSources: ["split"] },
  { name: "split", dependencies: ["conv"], dataSources: ["conv"] },
  { name: "write", dependencies: ["conv"], dataSources: [] },
  { name: "conv", dependencies: ["read"], dataSources: ["read"] },
  { name: "read", dependencies: [], dataSources: [] },
];

describe("topologicalOrder", () => {
  it("puts every step after what it depends on, and handles a 5,000-step chain", () => {
    const order = topologicalOrder(steps).map((s) => s.name);
    for (const s of steps)
      for (const d of s.dependencies) expect(order.indexOf(d)).toBeLessThan(order.indexOf(s.name));
    const chain = Array.from({ length: 5000 }, (_, i) => ({
      name: `s${i}`,
      dependencies: i === 0 ? [] : [`s${i - 1}`],
      dataSources: [],
    })).reverse();
    expect(topologicalOrder(chain)[4999]?.name).toBe("s4999");
  });
});

describe("scopeSteps", () => {
  it("one: the step; needed: everything it reads from, upstream first; frontier: its direct sources", () => {
    const one = scopeSteps(steps, { mode: "one", step: "predict" });
    expect([...(one?.run ?? [])]).toEqual(["predict"]);
    expect(one?.needed).toEqual(["read", "conv", "split", "train"]);
    expect(one?.frontier).toEqual(["split", "train"]);
  });

  it("to: the step and everything it depends on; from: the step and everything depending on it", () => {
    const to = scopeSteps(steps, { mode: "to", step: "train" });
    expect([...(to?.run ?? [])].sort()).toEqual(["conv", "read", "split", "train"]);
    expect(to?.needed).toEqual([]);
    const from = scopeSteps(steps, { mode: "from", step: "conv" });
    expect([...(from?.run ?? [])].sort()).toEqual(["conv", "predict", "split", "train", "write"]);
    expect(from?.needed).toEqual(["read"]);
    // An ordering-only dependency outside the scope is not needed.
    expect(scopeSteps(steps, { mode: "one", step: "write" })?.needed).toEqual([]);
    expect(scopeSteps(steps, { mode: "one", step: "nope" })).toBeUndefined();
  });

  it("is part of the run contract with reuse", () => {
    expect(
      CreateRunRequestSchema.parse({ manifest: "x", scope: { mode: "from", step: "conv" }, reuse: false }),
    ).toEqual({ manifest: "x", scope: { mode: "from", step: "conv" }, reuse: false });
    expect(
      CreateRunRequestSchema.safeParse({ manifest: "x", scope: { mode: "all", step: "a" } }).success,
    ).toBe(false);
  });
});
