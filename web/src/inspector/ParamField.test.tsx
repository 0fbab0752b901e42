import { componentLookup, type PipelineGraph, setParameter, validateGraph } from "@pfd/shared";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { inEnglish, testT } from "../i18n/test-utils";
import { readManifestText } from "../io/codec";
import { problemText } from "../problems/format";
import { createEditorStore, EditorProvider, useEditor } from "../store";
import { ParamField } from "./ParamField";

afterEach(cleanup);

function seedGraph(): PipelineGraph {
  const r = readManifestText(seed);
  if (!r.ok) throw new Error("seed must read");
  return r.graph;
}

/** Split's `fraction` (Double, (0, 1)) and `lifecycle` (Int) as the inspector shows them. */
function Field({ name }: { name: string }) {
  const step = useEditor((s) => s.graph.steps.find((x) => x.name === "split"));
  const spec = useEditor((s) => componentLookup(s.components).byKey("pai/split/v1"))?.parameters.find(
    (p) => p.name === name,
  );
  if (!step || !spec) throw new Error("no split step or parameter");
  const arg = step.parameters.find((p) => p.name === name);
  return <ParamField step="split" spec={spec} arg={arg} errors={[]} />;
}

/** The seed with a split step whose `name` parameter holds `value`, validated the app's way. */
function setup(name: string, value: string) {
  const store = createEditorStore({ graph: seedGraph() }, { validate: validateGraph, validateDelayMs: 0 });
  store.getState().addComponent("pai/split/v1");
  store
    .getState()
    .loadGraph(setParameter(store.getState().graph, "split", name, value), { reason: "import" });
  render(
    <EditorProvider store={store}>
      <Field name={name} />
    </EditorProvider>,
    { wrapper: inEnglish },
  );
  const validation = store
    .getState()
    .problems.filter((p) => p.location.field === `arguments.parameters.${name}.value`)
    .map((p) => problemText(testT(), p));
  return { validation, shown: screen.queryAllByText(/^Parameter /).map((e) => e.textContent) };
}

describe("parameter field inline errors", () => {
  it("shows exactly what validation says of the value: 0x10 and 1e2 are no Int", () => {
    for (const value of ["0x10", "1e2"]) {
      const { validation, shown } = setup("lifecycle", value);
      expect(validation).toEqual([`Parameter lifecycle must be an integer, not "${value}"`]);
      expect(shown).toEqual(validation);
      cleanup();
    }
  });

  it("shows the range validation checks, and nothing for a good value", () => {
    const out = setup("fraction", "1");
    expect(out.validation).toEqual(["Parameter fraction is 1, outside (0, 1)"]);
    expect(out.shown).toEqual(out.validation);
    cleanup();
    expect(setup("fraction", "0.7")).toEqual({ validation: [], shown: [] });
  });
});
