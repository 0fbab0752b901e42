import { catalog, type PipelineGraph, type SchemasResponse, setParameter, validateGraph } from "@pfd/shared";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { inChinese, inEnglish } from "../i18n/test-utils";
import { readManifestText } from "../io/codec";
import { createEditorStore, EditorProvider, useEditor } from "../store";
import { StepInspector } from "./StepInspector";

afterEach(cleanup);

const wumai = [
  { name: "time", type: "VARCHAR" },
  { name: "hour", type: "VARCHAR" },
  { name: "pm2", type: "VARCHAR" },
  { name: "pm10", type: "BIGINT" },
];

const schemas: SchemasResponse = {
  version: "v",
  source: "engine",
  steps: { type_transform: { inputs: { inputTable: { kind: "table", columns: wumai } }, outputs: {} } },
};

function seedGraph(value: string): PipelineGraph {
  const r = readManifestText(seed);
  if (!r.ok) throw new Error("seed must read");
  return setParameter(r.graph, "type_transform", "cols_to_double", value);
}

function Inspector() {
  const step = useEditor((s) => s.graph.steps.find((x) => x.name === "type_transform"));
  return step ? <StepInspector step={step} /> : null;
}

function setup(value: string, known: SchemasResponse | null = schemas, wrapper = inEnglish) {
  const store = createEditorStore(
    { graph: seedGraph(value), components: catalog },
    { validate: validateGraph, validateDelayMs: 0 },
  );
  store.getState().setSchemas(known);
  render(
    <EditorProvider store={store}>
      <Inspector />
    </EditorProvider>,
    { wrapper },
  );
  const value_ = () =>
    store
      .getState()
      .graph.steps.find((s) => s.name === "type_transform")
      ?.parameters.find((p) => p.name === "cols_to_double")?.binding;
  return { store, value: value_ };
}

describe("column picker", () => {
  it("is a combobox offering the columns reaching the step as name TYPE, and the groups", async () => {
    setup("");
    const box = screen.getByRole("combobox", { name: /cols_to_double/ });
    await userEvent.click(box);
    const options = within(screen.getByRole("listbox")).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "All columns (4)",
      "All numeric columns (1)",
      "All text columns (3)",
      "time VARCHAR",
      "hour VARCHAR",
      "pm2 VARCHAR",
      "pm10 BIGINT",
    ]);
  });

  it("keeps the order chosen, by keyboard, and adds a group's columns after them", async () => {
    const { value } = setup("");
    const box = screen.getByRole("combobox", { name: /cols_to_double/ });
    await userEvent.click(box);
    await userEvent.type(box, "pm2{Enter}");
    await userEvent.type(box, "hour{Enter}");
    expect(value()).toEqual({ kind: "value", value: "pm2,hour" });
    // ArrowDown from the first option (All columns, highlighted) to All text.
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(value()).toEqual({ kind: "value", value: "pm2,hour,time" });
  });

  it("takes a name no column has, flags it, and validation says unknown-column", async () => {
    const { store } = setup("time");
    const box = screen.getByRole("combobox", { name: /cols_to_double/ });
    await userEvent.type(box, "pm25{Enter}");
    expect(screen.getByRole("img", { name: "Not among the columns reaching this step" })).toBeTruthy();
    expect(store.getState().problems.map((p) => `${p.severity} ${p.code}`)).toContain("error unknown-column");
    expect(screen.getByText(/Column pm25 of cols_to_double does not reach step type_transform/)).toBeTruthy();
  });

  it("takes a pasted comma-separated list as several columns", async () => {
    const { value } = setup("");
    const box = screen.getByRole("combobox", { name: /cols_to_double/ });
    await userEvent.click(box);
    await userEvent.paste("time,hour,pm25");
    await userEvent.keyboard("{Enter}");
    expect(value()).toEqual({ kind: "value", value: "time,hour,pm25" });
  });

  it("stays free text where the columns are unknown, saying why", async () => {
    const unknown: SchemasResponse = {
      ...schemas,
      steps: {
        type_transform: {
          inputs: { inputTable: { kind: "unknown", reason: "table x.y is not in the catalog" } },
          outputs: {},
        },
      },
    };
    const { value } = setup("", unknown);
    const box = screen.getByRole("combobox", { name: /cols_to_double/ });
    await userEvent.click(box);
    // No options to show: the box does not claim an open list.
    expect(box.getAttribute("aria-expanded")).toBe("false");
    await userEvent.type(box, "a,b,");
    expect(value()).toEqual({ kind: "value", value: "a,b" });
    expect(screen.queryByRole("img", { name: "Not among the columns reaching this step" })).toBeNull();
    expect(screen.getByText("Columns not known: table x.y is not in the catalog")).toBeTruthy();
  });

  it("speaks Chinese", async () => {
    setup("", schemas, inChinese);
    await userEvent.click(screen.getByRole("combobox", { name: /cols_to_double/ }));
    expect(screen.getByRole("option", { name: "全部文本列（3）" })).toBeTruthy();
  });
});
