import type { HealthResponse, RunDetail } from "@pfd/shared";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunApi, RunApiError } from "./api";
import { renderWithApi } from "./provider.test-helper";
import { RunBar } from "./RunBar";
import { RunSettingsButton } from "./RunButton";
import { loadRunSettings } from "./settings";

const cloud: HealthResponse = {
  status: "ok",
  mode: "cloud",
  region: "cn-shanghai",
  endpoint: "paiflow.cn-shanghai.aliyuncs.com",
  workspaceId: "ws-default",
  maxComputeProject: "proj_default",
};

const failedRun: RunDetail = {
  pipelineRunId: "flow-abc",
  name: "nightly",
  status: "Failed",
  startedAt: "2026-01-01T00:00:00Z",
  finishedAt: "2026-01-01T00:01:05Z",
  durationSec: 65,
  createdAt: "2026-01-01T00:00:00Z",
  workspaceId: "ws-default",
  sourceType: "DESIGNER",
  message: "Step convert (type_transform) failed: column pm2 not found",
  consoleUrl:
    "https://pai.console.aliyun.com/?regionId=cn-shanghai&workspaceId=ws-default#/studio/task/detail/flow-abc",
  steps: [
    { stepName: "read", nodeId: "n1", status: "Succeeded", startedAt: null, finishedAt: null },
    { stepName: "convert", nodeId: "n2", status: "Failed", startedAt: null, finishedAt: null },
  ],
};

function renderWith(children: React.ReactNode, extra: Partial<Record<keyof RunApi, unknown>> = {}) {
  return renderWithApi(children, { health: async () => cloud, getRun: async () => failedRun, ...extra });
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe("RunBar in cloud mode", () => {
  it("shows the run id, status word, elapsed time, PAIFlow's message, the failed step and the console link", async () => {
    localStorage.setItem("pfd.run-followed.p", "flow-abc");
    renderWith(<RunBar />);
    const bar = screen.getByRole("region", { name: "Run status" });
    await waitFor(() => expect(bar.textContent).toContain("Failed"));
    expect(bar.textContent).toContain("flow-abc");
    expect(bar.textContent).toContain("1m 05s");
    expect(bar.textContent).toContain("column pm2 not found");
    expect(within(bar).getByRole("button", { name: "Failed step: convert" })).toBeTruthy();
    expect(within(bar).getByRole("link", { name: "Open in PAI console" }).getAttribute("href")).toBe(
      failedRun.consoleUrl,
    );
    // A finished run can be rerun, not terminated.
    expect(within(bar).getByRole("button", { name: "Rerun" })).toBeTruthy();
    expect(within(bar).queryByRole("button", { name: "Terminate" })).toBeNull();
  });
});

describe("RunBar actions", () => {
  it("shows why Terminate failed, with PAIFlow's code and request id", async () => {
    localStorage.setItem("pfd.run-followed.p", "flow-abc");
    renderWith(<RunBar />, {
      getRun: async () => ({ ...failedRun, status: "Running", finishedAt: null, message: null }),
      terminate: async () => {
        throw new RunApiError(
          "Forbidden.NoPermission",
          "You have no permission to terminate this run.",
          403,
          {
            requestId: "6F2A-REQ",
            source: "paiflow",
          },
        );
      },
    });
    const bar = screen.getByRole("region", { name: "Run status" });
    await userEvent.click(await within(bar).findByRole("button", { name: "Terminate" }));
    const alert = await within(bar).findByRole("alert");
    expect(alert.textContent).toContain("You have no permission to terminate this run.");
    expect(alert.textContent).toContain("Forbidden.NoPermission");
    expect(alert.textContent).toContain("6F2A-REQ");
  });
});

describe("Run settings dialog", () => {
  it("offers the MaxCompute fields in cloud mode and remembers what is saved for the pipeline", async () => {
    renderWith(<RunSettingsButton />);
    await userEvent.click(screen.getByRole("button", { name: "Run settings" }));
    const dialog = await screen.findByRole("dialog", { name: "Run settings" });
    const project = await within(dialog).findByLabelText("MaxCompute project");
    expect(project.getAttribute("placeholder")).toBe("proj_default");
    await userEvent.type(project, "my_proj");
    await userEvent.type(within(dialog).getByLabelText("MLflow experiment ID"), "exp-7");
    await userEvent.click(within(dialog).getByLabelText("Create without starting"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(loadRunSettings(localStorage, "p")).toMatchObject({
      maxComputeProject: "my_proj",
      mlflowExperimentId: "exp-7",
      createWithoutStarting: true,
    });
  });
});
