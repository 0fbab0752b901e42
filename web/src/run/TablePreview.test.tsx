import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/test-utils";
import { formatCell, TablePreview } from "./TablePreview";

afterEach(cleanup);

// Which rows are drawn depends on layout, which jsdom lacks: the browser tests check the window.
describe("TablePreview", () => {
  it("shows each column's name and type and the row count", () => {
    render(
      <TablePreview
        label="Preview of outputTable"
        preview={{
          columns: [
            { name: "id", type: "BIGINT" },
            { name: "pm2", type: "DOUBLE" },
          ],
          rows: [
            [1, 2.5],
            [2, null],
          ],
          totalCount: 12000,
        }}
      />,
      { wrapper: inEnglish },
    );
    const table = screen.getByRole("table", { name: "Preview of outputTable" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["idBIGINT", "pm2DOUBLE"]);
    expect(screen.getByText("2 of 12,000 rows · 2 columns")).toBeTruthy();
  });

  it("formats cells readably", () => {
    expect(formatCell(null)).toBe("NULL");
    expect(formatCell(0.1 + 0.2)).toBe("0.3");
    expect(formatCell(42)).toBe("42");
    expect(formatCell({ a: 1 })).toBe('{"a":1}');
  });
});
