import type { Problem, RunDetail } from "@pfd/shared";
import { QueryClient } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/test-utils";
import type { RunApi } from "./api";
import { RunApiError } from "./api";
import { RunBar } from "./RunBar";
import { RunButton } from "./RunButton";
import { RunProvider } from "./RunProvider";
import { useStepRunStatus } from "./stepStatus";

/** An in-memory stand-in for the server's run routes, recording what it is asked. */
function fakeServer() {
  const runs = new Map<string, RunDetail>();
  const created: unknown[] = [];
  let next = 1;
  let createError: RunApiError | null = null;
  const api = {
    health: async () => ({
      status: "ok" as const,
      mode: "local" as const,
      region: "cn-hangzhou",
      endpoint: "127.0.0.1:1",
      workspaceId: null,
      maxComputeProject: null,
    }),
    createRun: async (req: unknown) => {
      created.push(req);
      await new Promise((r) => setTimeout(r, 20));
      if (createError) throw createError;
      const id = `flow-${next++}`;
      runs.set(id, {
        pipelineRunId: id,
        name: "r",
        status: "Running",
        startedAt: new Date().toISOString(),
        finishedAt: null,
        durationSec: null,
        createdAt: null,
        workspaceId: null,
        sourceType: "DESIGNER",
        message: null,
        steps: [
          { stepName: "read", nodeId: "n1", status: "Running", startedAt: null, finishedAt: null },
          { stepName: "convert", nodeId: "n2", status: "ReadyToSchedule", startedAt: null, finishedAt: null },
        ],
      });
      return { pipelineRunId: id, requestId: "req" };
    },
    getRun: async (id: string) => {
      const run = runs.get(id);
      if (!run) throw new RunApiError("NotFound", `no run ${id}`, 404);
      return structuredClone(run);
    },
  } as unknown as RunApi;
  return {
    api,
    runs,
    created,
    failCreateWith: (e: RunApiError) => {
      createError = e;
    },
  };
}

function Node({ name }: { name: string }) {
  const status = useStepRunStatus(name);
  return <article aria-label={name} data-status={status?.status} />;
}

function renderEditor(
  server: ReturnType<typeof fakeServer>,
  source: { manifest: string; problems: Problem[] } = { manifest: "apiVersion: core/v1", problems: [] },
  pipelineKey = "p1",
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(editor(server, source, pipelineKey, queryClient), { wrapper: inEnglish });
}

function editor(
  server: ReturnType<typeof fakeServer>,
  source: { manifest: string; problems: Problem[] },
  pipelineKey: string,
  queryClient: QueryClient,
) {
  return (
    <RunProvider
      pipelineKey={pipelineKey}
      getRunSource={() => source}
      api={server.api}
      queryClient={queryClient}
    >
      <RunButton />
      <RunBar />
      <Node name="read" />
      <Node name="convert" />
    </RunProvider>
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe("Run", () => {
  it("refuses a pipeline with errors, listing them, and sends nothing", async () => {
    const server = fakeServer();
    const problem: Problem = {
      severity: "error",
      code: "RequiredInputMissing",
      message: "inputTable is not connected",
      location: { step: "convert" },
    };
    renderEditor(server, { manifest: "x", problems: [problem] });
    await userEvent.click(screen.getByRole("button", { name: "Run" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("1 problem");
    expect(alert.textContent).toContain("inputTable is not connected");
    expect(server.created).toHaveLength(0);
  });

  it("creates one run for a double click, then shows it on the bar and the nodes", async () => {
    const server = fakeServer();
    renderEditor(server);
    await userEvent.dblClick(screen.getByRole("button", { name: "Run" }));
    const bar = screen.getByRole("region", { name: "Run status" });
    await waitFor(() => expect(bar.textContent).toContain("flow-1"));
    expect(server.created).toHaveLength(1);
    await waitFor(() =>
      expect(bar.querySelector("[data-status]")?.getAttribute("data-status")).toBe("Running"),
    );
    await waitFor(() => expect(screen.getByLabelText("read").dataset.status).toBe("Running"));
    expect(screen.getByLabelText("convert").dataset.status).toBe("ReadyToSchedule");
  });

  it("runs with Ctrl+Enter", async () => {
    const server = fakeServer();
    renderEditor(server);
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(server.created).toHaveLength(1));
  });

  it("shows PAIFlow's code and request id when the run cannot be created", async () => {
    const server = fakeServer();
    server.failCreateWith(
      new RunApiError("Forbidden.RAM", "You are not authorized to do this.", 403, {
        requestId: "REQ-42",
        source: "paiflow",
      }),
    );
    renderEditor(server);
    await userEvent.click(screen.getByRole("button", { name: "Run" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("You are not authorized to do this.");
    expect(alert.textContent).toContain("Forbidden.RAM");
    expect(alert.textContent).toContain("REQ-42");
  });

  it("picks the run up again after a reload", async () => {
    const server = fakeServer();
    const first = renderEditor(server);
    await userEvent.click(screen.getByRole("button", { name: "Run" }));
    await waitFor(() => expect(screen.getByLabelText("read").dataset.status).toBe("Running"));
    first.unmount();
    const run = server.runs.get("flow-1");
    if (run?.steps[0]) run.steps[0].status = "Succeeded";
    act(() => {
      renderEditor(server);
    });
    await waitFor(() => expect(screen.getByLabelText("read").dataset.status).toBe("Succeeded"));
    expect(screen.getByRole("region", { name: "Run status" }).textContent).toContain("flow-1");
    expect(server.created).toHaveLength(1);
  });

  it("shows another pipeline without the first one's statuses, and the first one's again on return", async () => {
    const server = fakeServer();
    const source = { manifest: "apiVersion: core/v1", problems: [] };
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = render(editor(server, source, "p1", queryClient), { wrapper: inEnglish });
    await userEvent.click(screen.getByRole("button", { name: "Run" }));
    await waitFor(() => expect(screen.getByLabelText("read").dataset.status).toBe("Running"));
    view.rerender(editor(server, source, "p2", queryClient));
    await waitFor(() => expect(screen.getByLabelText("read").dataset.status).toBeUndefined());
    expect(screen.getByRole("region", { name: "Run status" }).textContent).toContain("Not run yet");
    view.rerender(editor(server, source, "p1", queryClient));
    await waitFor(() => expect(screen.getByLabelText("read").dataset.status).toBe("Running"));
  });
});
