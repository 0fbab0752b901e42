import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/test-utils";
import type { RunApi } from "./api";
import { LogsView } from "./LogsView";

afterEach(cleanup);

function logApi(lines: string[]) {
  return {
    stepLogs: async (_r: string, _s: string, offset: number) => ({
      logs: lines.slice(offset),
      totalCount: lines.length,
      nextOffset: lines.length,
    }),
  } as unknown as RunApi;
}

function renderLogs(api: RunApi, status: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <LogsView api={api} runId="flow-1" stepName="convert" stepStatus={status} />
    </QueryClientProvider>,
    { wrapper: inEnglish },
  );
}

describe("LogsView", () => {
  it("shows the step's lines and filters them by search, marking the match", async () => {
    const lines = [
      "started pai/type_transform@v1",
      "input inputTable: 17544 rows, 7 columns",
      "converted time->double, pm2->double",
      "output outputTable: 17544 rows",
    ];
    renderLogs(logApi(lines), "Succeeded");
    const log = screen.getByRole("log", { name: "Logs of convert" });
    await waitFor(() => expect(log.textContent).toContain("output outputTable"));
    expect(screen.getByText("4 lines")).toBeTruthy();

    await userEvent.type(screen.getByLabelText("Search logs"), "ROWS");
    await waitFor(() => expect(screen.getByText("2 of 4 lines")).toBeTruthy());
    expect(log.textContent).not.toContain("converted");
    expect([...log.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["rows", "rows"]);
  });

  it("says it is streaming while the step runs", async () => {
    renderLogs(logApi(["started"]), "Running");
    await waitFor(() => expect(screen.getByText(/1 line · streaming/)).toBeTruthy());
  });
});
