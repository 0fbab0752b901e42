/**
 * The Run settings dialog: what Run sends besides the manifest, remembered per pipeline.
 * MaxCompute fields appear in cloud mode only; the local engine has no use for them.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "../i18n";
import { closeModal, openModal } from "./dialog";
import { healthQuery } from "./queries";
import { useRunContext } from "./RunProvider";
import { checkRunSettings, defaultMaxComputeEndpoint, FIELD_LABELS, type RunSettings } from "./settings";

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
  const t = useT();

  useEffect(() => openModal(ref.current), []);

  const problem = (field: TextField) => {
    const message = problems[field];
    return message && t(message);
  };
  const text = (field: TextField, placeholder?: string) => (
    <div className="pfd-run-field">
      <label htmlFor={`${id}-${field}`}>{t(FIELD_LABELS[field])}</label>
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
          {problem(field)}
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
        <h2 id={`${id}-title`}>{t("run.settings")}</h2>
        <p className="pfd-run-hint">{t("settings.hint")}</p>
        {text("workspaceId", health?.workspaceId ?? t("settings.workspaceDefault"))}
        {text("runName", t("settings.runNamePlaceholder"))}
        {cloud && text("maxComputeProject", health?.maxComputeProject ?? "")}
        {cloud && text("maxComputeEndpoint", health ? defaultMaxComputeEndpoint(health.region) : "")}
        <div className="pfd-run-field">
          <label htmlFor={`${id}-access`}>{t("settings.accessibility")}</label>
          <select
            id={`${id}-access`}
            value={draft.accessibility}
            onChange={(e) =>
              setDraft({ ...draft, accessibility: e.target.value === "PRIVATE" ? "PRIVATE" : "PUBLIC" })
            }
          >
            <option value="PUBLIC">{t("settings.public")}</option>
            <option value="PRIVATE">{t("settings.private")}</option>
          </select>
        </div>
        {text("mlflowExperimentId", t("settings.none"))}
        <label className="pfd-run-check">
          <input
            type="checkbox"
            checked={draft.createWithoutStarting}
            onChange={(e) => setDraft({ ...draft, createWithoutStarting: e.target.checked })}
          />
          {t("settings.createWithoutStarting")}
        </label>
        <label className="pfd-run-check">
          <input
            type="checkbox"
            checked={draft.runEverythingAgain}
            onChange={(e) => setDraft({ ...draft, runEverythingAgain: e.target.checked })}
          />
          {t("settings.runEverythingAgain")}
        </label>
        <p className="pfd-run-hint">{t("settings.runEverythingAgainHint")}</p>
        <div className="pfd-run-dialog-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              closeModal(ref.current);
              onClose();
            }}
          >
            {t("common.cancel")}
          </button>
          <button type="submit" className="btn primary">
            {t("common.save")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
