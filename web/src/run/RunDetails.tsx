/**
 * The details of one step of a run: its status, a Logs tab and an Outputs tab. Used under the
 * canvas for the followed run and inside the history view for a past one.
 */
import type { StepStatus } from "@pfd/shared";
import { useId, useState } from "react";
import { useT } from "../i18n";
import type { RunApi } from "./api";
import { LogsView } from "./LogsView";
import { OutputsView } from "./OutputsView";
import { StepRunBadge } from "./StepRunBadge";
import { statusText } from "./text";

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
  const t = useT();
  return (
    <section className="pfd-run-details" aria-label={t("details.label")}>
      <header className="pfd-run-details-head">
        <label htmlFor={`${id}-step`}>{t("details.step")}</label>
        <select id={`${id}-step`} value={stepName ?? ""} onChange={(e) => onPickStep(e.target.value)}>
          {!step && <option value="">{t("details.choose")}</option>}
          {steps.map((s) => (
            <option key={s.stepName} value={s.stepName}>
              {t("details.option", { step: s.stepName, status: statusText(t, s.status) })}
            </option>
          ))}
        </select>
        <StepRunBadge step={step} />
        <div role="tablist" aria-label={t("details.tabs")} className="pfd-run-tabs">
          {(["logs", "outputs"] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${id}-${name}`}
              aria-selected={tab === name}
              aria-controls={`${id}-${name}-panel`}
              onClick={() => setTab(name)}
            >
              {t(name === "logs" ? "details.logs" : "details.outputs")}
            </button>
          ))}
        </div>
        {onClose && (
          <button
            type="button"
            onClick={onClose}
            aria-label={t("details.close")}
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
        {!step && <div className="pfd-run-hint">{t("details.hint")}</div>}
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
