import type { PipelineGraph, Problem } from "@pfd/shared";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { inEnglish } from "../i18n/test-utils";
import { readManifestText } from "../io/codec";
import { createEditorStore, EditorProvider } from "../store";
import { bridgeFor } from "../yaml/bridge";
import { ProblemsList } from "./ProblemsList";

afterEach(cleanup);

const seedGraph = (): PipelineGraph => {
  const r = readManifestText(seed);
  if (!r.ok) throw new Error("seed must read");
  return r.graph;
};

const stepProblem: Problem = {
  severity: "error",
  code: "required-parameter",
  message: "parameter cols_to_double is required",
  location: { step: "type_transform", field: "arguments.parameters.cols_to_double" },
};
const pipelineProblem: Problem = {
  severity: "warning",
  code: "metadata",
  message: "the pipeline has no provider",
  location: { field: "metadata.provider" },
};

function setup(problems: Problem[]) {
  const store = createEditorStore({ graph: seedGraph() }, { validate: () => problems, validateDelayMs: 0 });
  // Validation runs after a change; make one so the list has problems to show.
  store.getState().setPipelineMetadata({ name: "source-transform" });
  render(
    <EditorProvider store={store}>
      <ProblemsList />
    </EditorProvider>,
    { wrapper: inEnglish },
  );
  return store;
}

describe("ProblemsList", () => {
  it("lists every problem, errors first, and counts them", async () => {
    setup([pipelineProblem, stepProblem]);
    const items = await screen.findAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining("parameter cols_to_double is required"),
      expect.stringContaining("the pipeline has no provider"),
    ]);
    expect(screen.getByRole("heading").textContent).toContain("1 error, 1 warning");
    // Each shows its code, and carries it for tools.
    expect(items.map((i) => i.dataset.code)).toEqual(["required-parameter", "metadata"]);
    expect(items[0]?.textContent).toContain("required-parameter");
  });

  it("selects the step of a step problem", async () => {
    const store = setup([stepProblem]);
    const list = await screen.findByRole("list", { name: "Problems" });
    await userEvent.click(within(list).getByRole("button"));
    expect(store.getState().selection.steps).toEqual(["type_transform"]);
  });

  it("jumps to the YAML line of a problem without a step", async () => {
    const store = setup([pipelineProblem]);
    const list = await screen.findByRole("list", { name: "Problems" });
    await userEvent.click(within(list).getByRole("button"));
    // `provider:` is line 3 of the seed's YAML.
    expect(bridgeFor(store).getState().reveal).toMatchObject({ line: 3 });
  });

  it("shows problems of YAML not applied yet, and reveals their line", async () => {
    const store = setup([]);
    bridgeFor(store)
      .getState()
      .setPending([
        { severity: "error", code: "yaml-syntax", message: "bad indent", location: { line: 7, col: 3 } },
      ]);
    const item = await screen.findByRole("listitem");
    expect(item.textContent).toContain("YAML (not applied)");
    await userEvent.click(within(item).getByRole("button"));
    expect(bridgeFor(store).getState().reveal).toMatchObject({ line: 7, col: 3 });
  });
});
