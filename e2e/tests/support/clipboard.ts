/** What the designer's copy puts on the clipboard: a list of steps, for the paste specs. */

const ref = { provider: "pai", version: "v1", identifier: "type_transform" };

/** A well-formed copied Data Type Conversion step. */
export const copiedStep = {
  name: "copied",
  displayName: "Copied-1",
  component: ref,
  parameters: [{ name: "cols_to_double", binding: { kind: "value", value: "a,b" } }],
  artifacts: [],
  dependencies: [],
  position: { x: 0, y: 420 },
  raw: { apiVersion: "core/v1", metadata: { ...ref, name: "copied" }, spec: {} },
};

/** The clipboard text of `steps`, as another tab's copy writes it. */
export const clip = (steps: unknown[]) => JSON.stringify({ kind: "paiflow-designer/steps", steps });
