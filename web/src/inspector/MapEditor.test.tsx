import { type PipelineGraph, setParameter } from "@pfd/shared";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { inEnglish } from "../i18n/test-utils";
import { readManifestText } from "../io/codec";
import { createEditorStore, EditorProvider, type EditorStore, useEditor } from "../store";
import { ParamField } from "./ParamField";
import { PipelineInspector } from "./PipelineInspector";

afterEach(cleanup);

const execution = {
  endpoint: "http://service.cn-shanghai.maxcompute.aliyun.com/api",
  odpsProject: "smog_dev",
  spec: { endpoint: "http://service.cn-shanghai.maxcompute.aliyun.com/api", odpsProject: "smog_dev" },
  resourceType: "MaxCompute",
};

function seedGraph(): PipelineGraph {
  const r = readManifestText(seed);
  if (!r.ok) throw new Error("seed must read");
  return r.graph;
}

/** The `execution` field of `data_source`, as the inspector shows it, fed from the store. */
function Field() {
  const arg = useEditor((s) =>
    s.graph.steps.find((x) => x.name === "data_source")?.parameters.find((p) => p.name === "execution"),
  );
  return (
    <ParamField
      step="data_source"
      spec={{ name: "execution", type: "Map", description: "" }}
      arg={arg}
      errors={[]}
    />
  );
}

function setup(value: unknown): EditorStore {
  // The value is in the graph from the start, so it is no edit of the session (nothing to undo).
  const graph = setParameter(seedGraph(), "data_source", "execution", value);
  const store = createEditorStore({ graph }, { validate: () => [], validateDelayMs: 0 });
  render(
    <EditorProvider store={store}>
      <Field />
    </EditorProvider>,
    { wrapper: inEnglish },
  );
  return store;
}

const executionOf = (store: EditorStore) => {
  const p = store.getState().graph.steps[0]?.parameters.find((q) => q.name === "execution");
  return p?.binding?.kind === "value" ? p.binding.value : undefined;
};

describe("Map parameter editor", () => {
  it("toggles between key/value rows and YAML, keeping the map, reachable by keyboard", async () => {
    const user = userEvent.setup();
    setup({ endpoint: "e", odpsProject: "p" });
    const rowsButton = screen.getByRole("button", { name: "Key/value" });
    expect(rowsButton.getAttribute("aria-pressed")).toBe("true");
    expect((screen.getByLabelText("execution value of odpsProject") as HTMLInputElement).value).toBe("p");

    screen.getByLabelText("execution key 2").focus();
    await user.tab({ shift: true }); // back over row 1's remove button and inputs to the toggle
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "YAML" }));
    await user.keyboard("{Enter}");
    const box = screen.getByRole("textbox", { name: /^execution/ }) as HTMLTextAreaElement;
    expect(box.tagName).toBe("TEXTAREA");
    expect(box.value).toBe("endpoint: e\nodpsProject: p\n");

    await user.click(screen.getByRole("button", { name: "Key/value" }));
    expect(screen.getByRole("group", { name: "execution entries" })).toBeTruthy();
  });

  it("opens a nested map in YAML and refuses key/value rows for it", () => {
    setup(execution);
    const box = screen.getByRole("textbox", { name: /^execution/ }) as HTMLTextAreaElement;
    expect(box.value).toContain("spec:\n  endpoint: http://service.cn-shanghai.maxcompute.aliyun.com/api\n");
    expect(screen.getByRole("button", { name: "YAML" }).getAttribute("aria-pressed")).toBe("true");
    expect((screen.getByRole("button", { name: "Key/value" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("switches to YAML by itself when the value becomes nested elsewhere (YAML panel, undo)", async () => {
    const store = setup({ endpoint: "e" });
    expect(screen.getByRole("group", { name: "execution entries" })).toBeTruthy();
    store.getState().setParameter("data_source", "execution", execution);
    const box = (await screen.findByRole("textbox", { name: /^execution/ })) as HTMLTextAreaElement;
    expect(box.value).toContain("resourceType: MaxCompute");
  });

  it("keeps invalid text and the last good map, and says which line is wrong", () => {
    const store = setup(execution);
    const box = screen.getByRole("textbox", { name: /^execution/ }) as HTMLTextAreaElement;
    const broken = "endpoint: e\nspec: odpsProject: p\n";
    fireEvent.change(box, { target: { value: broken } });
    expect(box.value).toBe(broken);
    expect(box.getAttribute("aria-invalid")).toBe("true");
    const error = screen.getByText(/^Line 2, column 7:/);
    expect(box.getAttribute("aria-describedby")).toContain(error.id);
    expect(executionOf(store)).toEqual(execution);

    fireEvent.change(box, { target: { value: "- a\n- b\n" } });
    expect(screen.getByText(/Line 1, column 1: expected a map/)).toBeTruthy();
    expect(executionOf(store)).toEqual(execution);
    // Rows would drop the text being fixed.
    expect((screen.getByRole("button", { name: "Key/value" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("a valid edit sets the parameter, and typing it is one undo step", async () => {
    const user = userEvent.setup();
    const store = setup(execution);
    const box = screen.getByRole("textbox", { name: /^execution/ }) as HTMLTextAreaElement;
    await user.clear(box);
    await user.type(box, "endpoint: e{Enter}spec:{Enter}  odpsProject: p");
    expect(screen.queryByText(/^Line \d/)).toBeNull();
    expect(executionOf(store)).toEqual({ endpoint: "e", spec: { odpsProject: "p" } });

    store.getState().undo();
    expect(executionOf(store)).toEqual(execution);
    expect(
      ((await screen.findByRole("textbox", { name: /^execution/ })) as HTMLTextAreaElement).value,
    ).toContain("resourceType: MaxCompute");
  });

  it("key/value rows set string values and emptying the text unsets the parameter", async () => {
    const user = userEvent.setup();
    const store = setup({ endpoint: "e" });
    await user.type(screen.getByLabelText("execution value of endpoint"), "2");
    expect(executionOf(store)).toEqual({ endpoint: "e2" });
    await user.click(screen.getByRole("button", { name: "YAML" }));
    fireEvent.change(screen.getByRole("textbox", { name: /^execution/ }), { target: { value: "" } });
    expect(executionOf(store)).toBeUndefined();
  });

  it("edits a Map pipeline input's default the same way", async () => {
    const store = createEditorStore({ graph: seedGraph() }, { validate: () => [], validateDelayMs: 0 });
    const user = userEvent.setup();
    render(
      <EditorProvider store={store}>
        <PipelineInspector />
      </EditorProvider>,
      { wrapper: inEnglish },
    );
    await user.click(screen.getByRole("button", { name: "YAML" }));
    const box = screen.getByRole("textbox", { name: "execution_maxcompute default" });
    fireEvent.change(box, { target: { value: "endpoint: e\nspec:\n  odpsProject: p\n" } });
    expect(store.getState().graph.inputs.parameters[0]).toEqual({
      name: "execution_maxcompute",
      type: "Map",
      value: { endpoint: "e", spec: { odpsProject: "p" } },
    });
  });
});
