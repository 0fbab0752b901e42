/**
 * The Run settings dialog: what Run sends besides the manifest, remembered per pipeline.
 * MaxCompute fields appear in cloud mode only; the local engine has no use for them.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { closeModal, openModal } from "./dialog";
import { healthQuery } from "./queries";
import { useRunContext } from "./RunProvider";
import { checkRunSettings, defaultMaxComputeEndpoint, type RunSettings } from "./settings";

type TextField =
  | "workspaceId"
  | "runName"
  | "maxComputeProject"
  | "maxComputeEndpoint"
  | "mlflowExperimentId";

export default function RunSettingsDialog({ onClose }: { onClose: () => void }) {
  const { api, settings, saveSettings } = useRunContext();
  const health = useQuery(healthQuery(api)).data;
  const [draft, setDraft] = useState<RunSettings>(settings);
  const [tried, setTried] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const problems = checkRunSettings(draft);
  const cloud = health?.mode === "cloud";

  useEffect(() => openModal(ref.current), []);

  const text = (field: TextField, label: string, placeholder?: string) => (
    <div className="pfd-run-field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        value={draft[field]}
        placeholder={placeholder}
        aria-invalid={tried && problems[field] ? true : undefined}
        aria-describedby={problems[field] ? `${id}-${field}-error` : undefined}
        onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
      />
      {tried && problems[field] && (
        <span id={`${id}-${field}-error`} className="pfd-run-field-error">
          {problems[field]}
        </span>
      )}
    </div>
  );

  return (
    <dialog
      ref={ref}
      className="pfd-run-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (Object.keys(problems).length > 0) return;
          saveSettings(draft);
          closeModal(ref.current);
          onClose();
        }}
      >
        <h2 id={`${id}-title`}>Run settings</h2>
        <p className="pfd-run-hint">Remembered for this pipeline. Run uses them without asking.</p>
        {text("workspaceId", "Workspace ID", health?.workspaceId ?? "server default")}
        {text("runName", "Run name", "pipeline name and time")}
        {cloud && text("maxComputeProject", "MaxCompute project", health?.maxComputeProject ?? "")}
        {cloud &&
          text(
            "maxComputeEndpoint",
            "MaxCompute endpoint",
            health ? defaultMaxComputeEndpoint(health.region) : "",
          )}
        <div className="pfd-run-field">
          <label htmlFor={`${id}-access`}>Accessibility</label>
          <select
            id={`${id}-access`}
            value={draft.accessibility}
            onChange={(e) =>
              setDraft({ ...draft, accessibility: e.target.value === "PRIVATE" ? "PRIVATE" : "PUBLIC" })
            }
          >
            <option value="PUBLIC">Public (workspace members)</option>
            <option value="PRIVATE">Private (only me)</option>
          </select>
        </div>
        {text("mlflowExperimentId", "MLflow experiment ID", "none")}
        <label className="pfd-run-check">
          <input
            type="checkbox"
            checked={draft.createWithoutStarting}
            onChange={(e) => setDraft({ ...draft, createWithoutStarting: e.target.checked })}
          />
          Create without starting
        </label>
        <div className="pfd-run-dialog-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              closeModal(ref.current);
              onClose();
            }}
          >
            Cancel
          </button>
          <button type="submit" className="btn primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
