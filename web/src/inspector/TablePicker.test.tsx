import type { ListTablesResponse } from "@pfd/shared";
import { QueryClient } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/test-utils";
import type { RunApi } from "../run/api";
import { RunProvider } from "../run/RunProvider";
import { TablePicker } from "./TablePicker";

afterEach(cleanup);

const table = (name: string) => ({
  name,
  kind: "table" as const,
  origin: "sample" as const,
  rows: 3,
  columns: [{ name: "id", type: "BIGINT" }],
  partitionColumns: [],
});

/** A workspace listing a page of its tables, and finding any of them by keyword (as SearchMCTables does). */
function fakeApi(asked: (string | undefined)[]) {
  const page = ["proj.alpha", "proj.beta"];
  const all = [...page, "proj.far_away", "proj.far_side"];
  return {
    tables: async (keyword?: string): Promise<ListTablesResponse> => {
      asked.push(keyword);
      const names = keyword ? all.filter((n) => n.includes(keyword)) : page;
      return { tables: names.map(table) };
    },
  } as unknown as RunApi;
}

function Field() {
  const [value, setValue] = useState("");
  return (
    <>
      <span id="l">inputTableName</span>
      <TablePicker id="f" labelId="l" value={value} placeholder="" onChange={setValue} />
    </>
  );
}

function setup() {
  const asked: (string | undefined)[] = [];
  render(
    <RunProvider
      pipelineKey="p"
      getRunSource={() => ({ manifest: "", problems: [] })}
      api={fakeApi(asked)}
      queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <Field />
    </RunProvider>,
    { wrapper: inEnglish },
  );
  return { asked, box: screen.getByRole("combobox", { name: "inputTableName" }) };
}

const optionNames = () =>
  within(screen.getByRole("listbox", { name: "Tables" }))
    .getAllByRole("option")
    .map((o) => o.textContent?.split(" ·")[0]);

describe("table picker", () => {
  it("offers the listed tables, and asks the server for what is typed beyond them", async () => {
    const { asked, box } = setup();
    await waitFor(() => expect(asked).toEqual([undefined]));
    await userEvent.click(box);
    expect(optionNames()).toEqual(["proj.alpha", "proj.beta"]);
    await userEvent.type(box, "far");
    await waitFor(() => expect(optionNames()).toEqual(["proj.far_away", "proj.far_side"]));
    expect(asked).toEqual([undefined, "far"]);
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect((box as HTMLInputElement).value).toBe("proj.far_side");
    // The chosen table is described, not called missing.
    expect(await screen.findByText("1 column")).toBeTruthy();
    expect(screen.queryByText(/not in the table catalog/)).toBeNull();
  });
});
