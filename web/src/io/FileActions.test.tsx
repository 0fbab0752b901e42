import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import brokenSyntax from "../../../shared/fixtures/broken/syntax-error.yaml?raw";
import sdkStyle from "../../../shared/fixtures/sdk-style.yaml?raw";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { msg } from "../i18n";
import { inEnglish, testT } from "../i18n/test-utils";
import { createEditorStore, EditorProvider } from "../store";
import { readManifestText } from "./codec";
import { FileActions } from "./FileActions";

afterEach(cleanup);

function setup() {
  const read = readManifestText(seed);
  if (!read.ok) throw new Error("seed must read");
  const store = createEditorStore({ graph: read.graph });
  render(
    <EditorProvider store={store}>
      <FileActions />
    </EditorProvider>,
    { wrapper: inEnglish },
  );
  return store;
}

const file = (name: string, text: string) => new File([text], name, { type: "application/yaml" });

describe("FileActions", () => {
  it("imports a chosen file as the open pipeline", async () => {
    const store = setup();
    await userEvent.upload(screen.getByLabelText("Import YAML"), file("sdk.yaml", sdkStyle));
    await expect.poll(() => store.getState().graph.metadata.name).not.toBe("source-transform");
    expect(testT().msg(store.getState().notice?.message ?? msg("common.close"))).toBe("Imported sdk.yaml");
    expect(store.getState().dirty).toBe(false);
  });

  it("refuses a broken file with file:line:col problems and keeps the pipeline", async () => {
    const store = setup();
    const before = store.getState().graph;
    await userEvent.upload(screen.getByLabelText("Import YAML"), file("syntax-error.yaml", brokenSyntax));
    const dialog = await screen.findByRole("alertdialog", { name: "syntax-error.yaml cannot be imported" });
    expect(within(dialog).getAllByRole("listitem")[0]?.textContent).toMatch(
      /^syntax-error\.yaml:\d+:\d+ error: /,
    );
    expect(store.getState().graph).toBe(before);
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("imports pasted text, and keeps the paste dialog open when it is broken", async () => {
    const store = setup();
    await userEvent.click(screen.getByRole("button", { name: "Paste YAML" }));
    const dialog = screen.getByRole("dialog", { name: "Paste YAML" });
    const box = within(dialog).getByRole("textbox");
    await userEvent.click(box);
    await userEvent.paste("metadata: [");
    await userEvent.click(within(dialog).getByRole("button", { name: "Import" }));
    await screen.findByRole("alertdialog", { name: "pasted text cannot be imported" });
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.getByRole("dialog", { name: "Paste YAML" })).toBeTruthy();
    await userEvent.clear(box);
    await userEvent.click(box);
    await userEvent.paste(sdkStyle);
    await userEvent.click(within(dialog).getByRole("button", { name: "Import" }));
    expect(screen.queryByRole("dialog", { name: "Paste YAML" })).toBeNull();
    expect(testT().msg(store.getState().notice?.message ?? msg("common.close"))).toBe("Imported pasted text");
  });

  it("offers to open a readable file with validation errors, and only on request", async () => {
    const store = setup();
    const before = store.getState().graph;
    const dangling = seed.replace("pipelines.data_source.outputs", "pipelines.nowhere.outputs");
    await userEvent.upload(screen.getByLabelText("Import YAML"), file("half.yaml", dangling));
    const dialog = await screen.findByRole("alertdialog", { name: "half.yaml cannot be imported" });
    expect(store.getState().graph).toBe(before);
    // Close is the default: Enter keeps the open pipeline.
    expect(document.activeElement?.textContent).toBe("Close");
    await userEvent.click(within(dialog).getByRole("button", { name: "Open anyway" }));
    expect(store.getState().graph).not.toBe(before);
    expect(store.getState().graph.steps[1]?.artifacts[0]?.binding).toEqual({
      kind: "step",
      step: "nowhere",
      output: "outputTable",
    });
  });

  it("offers no way round a file that does not parse", async () => {
    setup();
    await userEvent.upload(screen.getByLabelText("Import YAML"), file("syntax-error.yaml", brokenSyntax));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).queryByRole("button", { name: "Open anyway" })).toBeNull();
  });
});
