import {
  catalog,
  type ListTablesResponse,
  type PipelineGraph,
  setParameter,
  type TablePreviewResponse,
  validateGraph,
} from "@pfd/shared";
import { QueryClient } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { inChinese, inEnglish } from "../i18n/test-utils";
import { readManifestText } from "../io/codec";
import type { RunApi } from "../run/api";
import { RunProvider } from "../run/RunProvider";
import { createEditorStore, EditorProvider, useEditor } from "../store";
import { StepInspector } from "./StepInspector";

afterEach(cleanup);

const table = (name: string, partitionColumns: string[]) => ({
  name,
  kind: "table" as const,
  origin: "pipeline" as const,
  rows: 10,
  columns: [{ name: "dt", type: "VARCHAR" }],
  partitionColumns,
});

/** The table catalog as the server answers it: a partitioned table and a plain one. */
function fakeApi(previews: string[]) {
  const api = {
    tables: async (): Promise<ListTablesResponse> => ({
      tables: [table("sales.daily", ["dt"]), table("sales.plain", [])],
    }),
    tablePreview: async (name: string): Promise<TablePreviewResponse> => {
      previews.push(name);
      return {
        name,
        columns: [{ name: "dt", type: "VARCHAR" }],
        partitionColumns: ["dt"],
        partitions: ["dt=20240101", "dt=20240102", "dt=20240201"],
        rows: [],
        totalCount: 0,
      };
    },
  };
  return api as unknown as RunApi;
}

function Inspector() {
  const step = useEditor((s) => s.graph.steps.find((x) => x.name === "data_source"));
  return step ? <StepInspector step={step} /> : null;
}

function setup(tableName: string, wrapper = inEnglish) {
  const read = readManifestText(seed);
  if (!read.ok) throw new Error("seed must read");
  const graph: PipelineGraph = setParameter(read.graph, "data_source", "inputTableName", tableName);
  const store = createEditorStore({ graph, components: catalog }, { validate: validateGraph });
  const previews: string[] = [];
  render(
    <RunProvider
      pipelineKey="p"
      getRunSource={() => ({ manifest: "", problems: [] })}
      api={fakeApi(previews)}
      queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <EditorProvider store={store}>
        <Inspector />
      </EditorProvider>
    </RunProvider>,
    { wrapper },
  );
  const partition = () =>
    store
      .getState()
      .graph.steps.find((s) => s.name === "data_source")
      ?.parameters.find((p) => p.name === "partition")?.binding;
  return { partition, previews };
}

describe("partition picker", () => {
  it("offers the partitions of the table the step reads, narrowed by what is typed", async () => {
    const { partition, previews } = setup("sales.daily");
    await waitFor(() => expect(previews).toEqual(["sales.daily"]));
    const box = screen.getByRole("combobox", { name: /^partition/ });
    // Emptying the field opens the list, as typing does.
    await userEvent.clear(box);
    expect(box.getAttribute("aria-expanded")).toBe("true");
    const list = await screen.findByRole("listbox", { name: "Partitions of sales.daily" });
    const options = () =>
      within(list)
        .getAllByRole("option")
        .map((o) => o.textContent);
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(options()).toEqual(["dt=20240101", "dt=20240102", "dt=20240201"]);
    await userEvent.type(box, "202402");
    expect(options()).toEqual(["dt=20240201"]);
    await userEvent.keyboard("{ArrowDown}{Enter}");
    expect(partition()).toEqual({ kind: "value", value: "dt=20240201" });
  });

  it("takes a partition not written yet as typed", async () => {
    const { partition } = setup("sales.daily");
    const box = screen.getByRole("combobox", { name: /^partition/ });
    await userEvent.clear(box);
    const bizdate = "dt=$" + "{bizdate}";
    await userEvent.type(box, bizdate.replace("{", "{{"));
    expect(partition()).toEqual({ kind: "value", value: bizdate });
  });

  it("says when the table is not partitioned, and asks nothing of it", async () => {
    const { previews } = setup("sales.plain", inChinese);
    expect(await screen.findByText("sales.plain 不是分区表")).toBeTruthy();
    expect(previews).toEqual([]);
  });
});
