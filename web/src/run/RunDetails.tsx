/**
 * The details of one step of a run: its status, a Logs tab and an Outputs tab. Used under the
 * canvas for the followed run and inside the history view for a past one.
 */
import type { StepStatus } from "@pfd/shared";
import { useId, useState } from "react";
import type { RunApi } from "./api";
import { LogsView } from "./LogsView";
import { OutputsView } from "./OutputsView";
import { StepRunBadge } from "./StepRunBadge";

type Tab = "logs" | "outputs";

export interface RunDetailsProps {
  api: RunApi;
  runId: string;
  steps: readonly StepStatus[];
  stepName: string | null;
  onPickStep: (stepName: string) => void;
  onClose?: () => void;
}

export function RunDetails({ api, runId, steps, stepName, onPickStep, onClose }: RunDetailsProps) {
  const [tab, setTab] = useState<Tab>("logs");
  const id = useId();
  const step = steps.find((s) => s.stepName === stepName);
  return (
    <section className="pfd-run-details" aria-label="Run details">
      <header className="pfd-run-details-head">
        <label htmlFor={`${id}-step`}>Step</label>
        <select id={`${id}-step`} value={stepName ?? ""} onChange={(e) => onPickStep(e.target.value)}>
          {!step && <option value="">Choose a step…</option>}
          {steps.map((s) => (
            <option key={s.stepName} value={s.stepName}>
              {s.stepName} ({s.status})
            </option>
          ))}
        </select>
        <StepRunBadge step={step} />
        <div role="tablist" aria-label="Step details" className="pfd-run-tabs">
          {(["logs", "outputs"] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`${id}-${t}`}
              aria-selected={tab === t}
              aria-controls={`${id}-${t}-panel`}
              onClick={() => setTab(t)}
            >
              {t === "logs" ? "Logs" : "Outputs"}
            </button>
          ))}
        </div>
        {onClose && (
          <button
            type="button"
            onClick={onClose}
            aria-label="Close run details"
            className="btn icon pfd-run-close"
          >
            ×
          </button>
        )}
      </header>
      <div
        role="tabpanel"
        id={`${id}-${tab}-panel`}
        aria-labelledby={`${id}-${tab}`}
        className="pfd-run-tabpanel"
      >
        {!step && <div className="pfd-run-hint">Select a node on the canvas, or choose a step above.</div>}
        {step && tab === "logs" && (
          <LogsView
            key={step.stepName}
            api={api}
            runId={runId}
            stepName={step.stepName}
            stepStatus={step.status}
          />
        )}
        {step && tab === "outputs" && (
          <OutputsView
            key={step.stepName}
            api={api}
            runId={runId}
            stepName={step.stepName}
            stepStatus={step.status}
          />
        )}
      </div>
    </section>
  );
}
