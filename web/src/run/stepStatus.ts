/**
 * The canvas's view of a run: each step's PAIFlow status, by step name.
 *
 * This is a projection of the run query (server state stays in TanStack Query), kept in a small
 * store so a node subscribes to its own step alone: when a poll brings new statuses, only the
 * nodes whose entry changed re-render, which keeps a 1,000-step canvas smooth while following.
 * It never touches the editor's graph, so a run cannot change the pipeline and saving never has
 * anything to strip.
 */
import type { RunDetail, StepStatus } from "@pfd/shared";
import { createContext, useContext } from "react";
import { createStore, type StoreApi, useStore } from "zustand";

export interface StepStatusState {
  runId: string | null;
  /** Entries keep their identity while unchanged: that is what lets nodes skip re-rendering. */
  steps: Readonly<Record<string, StepStatus>>;
}

export type StepStatusStore = StoreApi<StepStatusState>;

export function createStepStatusStore(): StepStatusStore {
  return createStore<StepStatusState>()(() => ({ runId: null, steps: {} }));
}

function sameStep(a: StepStatus, b: StepStatus): boolean {
  return (
    a.status === b.status &&
    a.startedAt === b.startedAt &&
    a.finishedAt === b.finishedAt &&
    a.nodeId === b.nodeId &&
    a.stepName === b.stepName
  );
}

/** Shows `run` on the canvas (or clears it with null), replacing only the entries that changed. */
export function applyRun(
  store: StepStatusStore,
  run: Pick<RunDetail, "pipelineRunId" | "steps"> | null,
): void {
  const prev = store.getState();
  if (run === null) {
    if (prev.runId !== null || Object.keys(prev.steps).length > 0) store.setState({ runId: null, steps: {} });
    return;
  }
  const sameRun = prev.runId === run.pipelineRunId;
  let changed = !sameRun || Object.keys(prev.steps).length !== run.steps.length;
  const next: Record<string, StepStatus> = {};
  for (const step of run.steps) {
    const old = sameRun ? prev.steps[step.stepName] : undefined;
    if (old && sameStep(old, step)) {
      next[step.stepName] = old;
    } else {
      next[step.stepName] = step;
      changed = true;
    }
  }
  if (changed) store.setState({ runId: run.pipelineRunId, steps: next });
}

export const StepStatusContext = createContext<StepStatusStore | null>(null);

// Nodes rendered outside any run view (the canvas's own tests, previews) simply have no status.
const NO_RUN = createStepStatusStore();

function useStepStatusStore(): StepStatusStore {
  return useContext(StepStatusContext) ?? NO_RUN;
}

/**
 * The run status of one step, or undefined when no run is shown or the run has no such step.
 * Canvas nodes call this; they re-render only when their own step's entry changes.
 */
export function useStepRunStatus(stepName: string): StepStatus | undefined {
  return useStore(useStepStatusStore(), (s) => s.steps[stepName]);
}

/** True while the step runs: edges into it animate. */
export function useStepRunning(stepName: string): boolean {
  return useStore(useStepStatusStore(), (s) => s.steps[stepName]?.status === "Running");
}
