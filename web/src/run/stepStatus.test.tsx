import type { RunDetail, StepStatus } from "@pfd/shared";
import { act, cleanup, render, screen } from "@testing-library/react";
import { memo } from "react";
import { afterEach, describe, expect, it } from "vitest";

afterEach(cleanup);

import { inEnglish } from "../i18n/test-utils";
import {
  applyRun,
  createStepStatusStore,
  StepStatusContext,
  useStepRunning,
  useStepRunStatus,
} from "./stepStatus";

const step = (stepName: string, status: string): StepStatus => ({
  stepName,
  nodeId: `node-${stepName}`,
  status,
  startedAt: null,
  finishedAt: null,
});

const run = (id: string, ...steps: StepStatus[]): Pick<RunDetail, "pipelineRunId" | "steps"> => ({
  pipelineRunId: id,
  steps,
});

const renders: Record<string, number> = {};

const Node = memo(function Node({ name }: { name: string }) {
  renders[name] = (renders[name] ?? 0) + 1;
  const status = useStepRunStatus(name);
  const running = useStepRunning(name);
  return (
    <article aria-label={name} data-status={status?.status} data-running={running}>
      {name}
    </article>
  );
});

function Probe() {
  return <span data-testid="p">{useStepRunStatus("a")?.status ?? "none"}</span>;
}

describe("applyRun", () => {
  it("keeps unchanged entries identical and replaces changed ones", () => {
    const store = createStepStatusStore();
    applyRun(store, run("r1", step("a", "Running"), step("b", "ReadyToSchedule")));
    const first = store.getState().steps;
    applyRun(store, run("r1", step("a", "Succeeded"), step("b", "ReadyToSchedule")));
    const second = store.getState().steps;
    expect(second.a?.status).toBe("Succeeded");
    expect(second.b).toBe(first.b);
  });

  it("does not notify when a poll brings nothing new", () => {
    const store = createStepStatusStore();
    applyRun(store, run("r1", step("a", "Running")));
    let notified = 0;
    store.subscribe(() => notified++);
    applyRun(store, run("r1", step("a", "Running")));
    expect(notified).toBe(0);
  });

  it("replaces everything for another run, and clears with null", () => {
    const store = createStepStatusStore();
    applyRun(store, run("r1", step("a", "Succeeded")));
    const old = store.getState().steps.a;
    applyRun(store, run("r2", step("a", "Succeeded")));
    expect(store.getState().runId).toBe("r2");
    expect(store.getState().steps.a).not.toBe(old);
    applyRun(store, null);
    expect(store.getState()).toEqual({ runId: null, steps: {} });
  });
});

describe("useStepRunStatus", () => {
  it("re-renders only the nodes whose step changed, on a 1,000-step canvas", () => {
    const store = createStepStatusStore();
    const names = Array.from({ length: 1000 }, (_, i) => `s${i}`);
    render(
      <StepStatusContext.Provider value={store}>
        {names.map((n) => (
          <Node key={n} name={n} />
        ))}
      </StepStatusContext.Provider>,
      { wrapper: inEnglish },
    );
    act(() => applyRun(store, run("r1", ...names.map((n) => step(n, "ReadyToSchedule")))));
    const before = { ...renders };
    act(() =>
      applyRun(store, run("r1", ...names.map((n) => step(n, n === "s7" ? "Running" : "ReadyToSchedule")))),
    );
    const rerendered = names.filter((n) => renders[n] !== before[n]);
    expect(rerendered).toEqual(["s7"]);
    expect(screen.getByLabelText("s7").dataset.status).toBe("Running");
    expect(screen.getByLabelText("s7").dataset.running).toBe("true");
    expect(screen.getByLabelText("s8").dataset.status).toBe("ReadyToSchedule");
  });

  it("gives no status outside a run view", () => {
    render(<Probe />, { wrapper: inEnglish });
    expect(screen.getByTestId("p").textContent).toBe("none");
  });
});
