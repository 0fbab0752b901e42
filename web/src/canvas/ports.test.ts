import { NODE_SIZE } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { findPort, nearestPort, portsOf } from "./ports";

const node = (
  id: string,
  x: number,
  y: number,
  inputs: string[],
  outputs: string[],
  displayName?: string,
) => ({
  id,
  position: { x, y },
  data: {
    step: { name: id, ...(displayName ? { displayName } : {}) },
    inputs: inputs.map((name) => ({ name })),
    outputs: outputs.map((name) => ({ name })),
  },
});

// A reader on the left; a model trainer and two converters to its right, one above the other.
const nodes = [
  node("read", 0, 0, [], ["outputTable"], "Read Table-1"),
  node("conv", 400, 0, ["inputTable"], ["outputTable"], "Data Type Conversion-1"),
  node("conv2", 400, 200, ["inputTable"], ["outputTable"], "Data Type Conversion-2"),
  node("pred", 800, 0, ["model", "inputTable"], ["outputTable"], "Prediction-1"),
];
const inputs = portsOf(nodes, "input");

describe("portsOf", () => {
  it("places inputs on a node's left edge and outputs on its right, centred on its height", () => {
    const out = portsOf(nodes, "output").find((p) => p.step === "read");
    expect(out).toMatchObject({
      x: NODE_SIZE.width,
      port: "outputTable",
      stepLabel: "Read Table-1",
    });
    const pred = inputs.filter((p) => p.step === "pred");
    expect(pred.map((p) => p.x)).toEqual([800, 800]);
    // Two ports 20 apart around the middle of the node.
    expect((pred[1]?.y ?? 0) - (pred[0]?.y ?? 0)).toBe(20);
  });
});

describe("nearestPort", () => {
  const from = { x: NODE_SIZE.width, y: 32 };
  it("goes to the nearest port in the arrow's direction", () => {
    expect(nearestPort(inputs, from, "right")?.step).toBe("conv");
    const conv = inputs.find((p) => p.step === "conv");
    expect(conv && nearestPort(inputs, conv, "down")?.step).toBe("conv2");
    expect(conv && nearestPort(inputs, conv, "right")?.step).toBe("pred");
    const conv2 = inputs.find((p) => p.step === "conv2");
    expect(conv2 && nearestPort(inputs, conv2, "up")?.step).toBe("conv");
    // Nothing within 45 degrees to the right of conv2: the nearest port ahead at all.
    expect(conv2 && nearestPort(inputs, conv2, "right")?.step).toBe("pred");
    expect(conv && nearestPort(inputs, conv, "left")).toBeUndefined();
  });

  it("leaves out what it is told to skip", () => {
    // conv2 is further below than right: past conv, pred is the next one in line.
    expect(nearestPort(inputs, from, "right", (p) => p.step === "conv")?.step).toBe("pred");
    expect(nearestPort(inputs, from, "down", (p) => p.step === "conv")?.step).toBe("conv2");
  });
});

describe("findPort", () => {
  it("finds the nearest port whose step or port name holds the typed letters, in any case", () => {
    expect(findPort(inputs, "data type", { x: 0, y: 0 })?.step).toBe("conv");
    expect(findPort(inputs, "conversion-2", { x: 0, y: 0 })?.step).toBe("conv2");
    expect(findPort(inputs, "MODEL", { x: 0, y: 0 })).toMatchObject({ step: "pred", port: "model" });
    expect(findPort(inputs, "nothing like it", { x: 0, y: 0 })).toBeUndefined();
  });
});
