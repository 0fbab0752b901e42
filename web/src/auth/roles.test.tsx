/**
 * What the web app shows by role: Run disabled for a viewer, the run actions only for a run's
 * creator or an admin (each disabled button saying why), "by NAME", the Runs panel's "By" and
 * "Mine", and the signed-in user with Sign out.
 */
import type { ListRunsResponse, MeResponse, RunDetail } from "@pfd/shared";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunApi } from "../run/api";
import { renderWithApi } from "../run/provider.test-helper";
import { RunBar } from "../run/RunBar";
import { RunButton } from "../run/RunButton";
import { StepRunActions } from "../run/StepRunActions";
import { leaveFor } from "./navigate";
import { UserMenu } from "./UserMenu";

vi.mock("./navigate", () => ({ leaveFor: vi.fn(), goSignIn: vi.fn() }));

const person = (id: string, name: string, roles: MeResponse["roles"]): MeResponse => ({
  id,
  name,
  email: `${id}@example.com`,
  roles,
  authMode: "oidc",
  canSignOut: true,
});
const alice = person("alice", "Alice Analyst", ["runner"]);
const bob = person("bob", "Bob Builder", ["runner"]);
const vera = person("vera", "Vera Viewer", ["viewer"]);
const adam = person("adam", "Adam Admin", ["admin"]);

const running: RunDetail = {
  pipelineRunId: "flow-1",
  name: "smog",
  status: "Running",
  startedAt: "2026-01-01T00:00:00Z",
  finishedAt: null,
  durationSec: null,
  createdAt: "2026-01-01T00:00:00Z",
  workspaceId: "ws",
  sourceType: "DESIGNER",
  createdBy: { id: "alice", name: "Alice Analyst" },
  accessibility: "PUBLIC",
  message: null,
  steps: [],
};

function renderAs(
  me: MeResponse,
  children: React.ReactNode,
  extra: Partial<Record<keyof RunApi, unknown>> = {},
) {
  return renderWithApi(children, {
    me: async () => me,
    health: async () => ({ status: "ok", mode: "local" }),
    getRun: async () => running,
    ...extra,
  });
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("Run by role", () => {
  it("is disabled for a viewer, saying why, and Ctrl+Enter does not run either", async () => {
    const createRun = vi.fn();
    renderAs(vera, <RunButton />, { createRun });
    const button = screen.getByRole("button", { name: "Run" });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(true));
    expect(button.getAttribute("title")).toBe(
      "Your role (viewer) may design pipelines and look at runs, not start runs",
    );
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    expect(createRun).not.toHaveBeenCalled();
  });

  it("is enabled for a runner", async () => {
    renderAs(alice, <RunButton />);
    const button = screen.getByRole("button", { name: "Run" });
    await waitFor(() => expect(button.getAttribute("title")).toBe("Run the pipeline (Ctrl+Enter)"));
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("Run this step / to here / from here by role", () => {
  it("are disabled for a viewer, saying why", async () => {
    const createRun = vi.fn();
    renderAs(vera, <StepRunActions step="evaluate" as="button" />, { createRun });
    const one = screen.getByRole("button", { name: "Run this step" }) as HTMLButtonElement;
    await waitFor(() => expect(one.disabled).toBe(true));
    expect(one.title).toBe("Your role (viewer) may design pipelines and look at runs, not start runs");
    expect(createRun).not.toHaveBeenCalled();
  });

  it("send the run with its scope for a runner", async () => {
    const createRun = vi.fn(async () => ({ pipelineRunId: "flow-9" }));
    renderAs(alice, <StepRunActions step="evaluate" as="button" />, { createRun });
    const to = screen.getByRole("button", { name: "Run to here" }) as HTMLButtonElement;
    await waitFor(() => expect(to.title).toBe(""));
    await userEvent.click(to);
    await waitFor(() => expect(createRun).toHaveBeenCalled());
    expect(createRun.mock.calls[0]).toMatchObject([
      { manifest: "m", scope: { mode: "to", step: "evaluate" } },
    ]);
  });
});

describe("the run bar by role", () => {
  beforeEach(() => localStorage.setItem("pfd.run-followed.p", "flow-1"));

  it("says who started the run; its creator may terminate it", async () => {
    renderAs(alice, <RunBar />);
    const bar = screen.getByRole("region", { name: "Run status" });
    await waitFor(() => expect(bar.textContent).toContain("by Alice Analyst"));
    const terminate = within(bar).getByRole("button", { name: "Terminate" }) as HTMLButtonElement;
    expect(terminate.disabled).toBe(false);
  });

  it("another runner's Terminate is disabled with the reason; an admin's is not", async () => {
    renderAs(bob, <RunBar />);
    const bar = screen.getByRole("region", { name: "Run status" });
    const terminate = (await within(bar).findByRole("button", { name: "Terminate" })) as HTMLButtonElement;
    await waitFor(() => expect(terminate.disabled).toBe(true));
    expect(terminate.title).toBe("Only Alice Analyst (who started this run) or an admin may terminate it");
    cleanup();
    renderAs(adam, <RunBar />);
    const asAdmin = (await screen.findByRole("button", { name: "Terminate" })) as HTMLButtonElement;
    await waitFor(() =>
      expect(screen.getByRole("region", { name: "Run status" }).textContent).toContain("by"),
    );
    expect(asAdmin.disabled).toBe(false);
  });
});

describe("the Runs panel with sign-in", () => {
  const page = (runs: RunDetail[], hiddenCount = 0): ListRunsResponse => ({
    runs,
    totalCount: runs.length,
    page: 1,
    pageSize: 20,
    hiddenCount,
  });

  it("shows who started each run, filters to Mine, and says when private runs are left out", async () => {
    const listRuns = vi.fn(async (query: { mine?: boolean }) =>
      query.mine
        ? page([{ ...running, pipelineRunId: "flow-mine", createdBy: { id: "bob", name: "Bob Builder" } }])
        : page([running, { ...running, pipelineRunId: "flow-outside", createdBy: undefined }], 2),
    );
    renderAs(bob, <RunBar />, { listRuns });
    await userEvent.click(screen.getByRole("button", { name: "Runs" }));
    const dialog = await screen.findByRole("dialog", { name: "Runs" });
    const table = await within(dialog).findByRole("table");
    await waitFor(() => expect(within(table).getByRole("columnheader", { name: "By" })).toBeTruthy());
    expect(table.textContent).toContain("Alice Analyst");
    expect(dialog.textContent).toContain("2 private runs of others are not shown on this page.");

    await userEvent.click(within(dialog).getByRole("button", { name: "Mine" }));
    await waitFor(() => expect(within(dialog).getByRole("table").textContent).toContain("flow-mine"));
    expect(listRuns).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, mine: true }, expect.anything());
    expect(within(dialog).getByRole("button", { name: "Mine" }).getAttribute("aria-pressed")).toBe("true");
  });
});

describe("the signed-in user", () => {
  it("shows name, role and Sign out, which follows the server to the provider's logout", async () => {
    const signOut = vi.fn(async () => ({ redirectTo: "https://sso.example.com/logout?id_token_hint=x" }));
    renderAs(vera, <UserMenu />, { signOut });
    const region = await screen.findByRole("region", { name: "Signed in" });
    expect(region.textContent).toContain("Vera Viewer");
    expect(within(region).getByText("viewer").getAttribute("title")).toMatch(/^Viewer: design/);
    await userEvent.click(within(region).getByRole("button", { name: "Sign out" }));
    expect(signOut).toHaveBeenCalledOnce();
    expect(leaveFor).toHaveBeenCalledWith("https://sso.example.com/logout?id_token_hint=x");
  });

  it("shows nothing without sign-in", async () => {
    const me = vi.fn(async () => ({
      ...adam,
      id: "local",
      name: "local",
      authMode: "none",
      canSignOut: false,
    }));
    renderAs(adam, <UserMenu />, { me });
    await waitFor(() => expect(me).toHaveBeenCalled());
    expect(screen.queryByRole("region", { name: "Signed in" })).toBeNull();
  });
});
