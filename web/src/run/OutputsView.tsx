/**
 * A step's output artifacts. Tables can be previewed (local mode: first 100 rows with column
 * types); evaluation outputs show their metrics as a chart.
 */
import type { StepOutput } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "../i18n";
import type { RunApi } from "./api";
import { ErrorNotice } from "./ErrorNotice";
import { asRunApiError } from "./errors";
import { MetricsChart } from "./MetricsChart";
import { readMetrics } from "./metrics";
import { healthQuery, previewQuery, stepOutputsQuery } from "./queries";
import { isTerminal } from "./status";
import { TablePreview } from "./TablePreview";

interface Props {
  api: RunApi;
  runId: string;
  stepName: string;
  stepStatus: string | undefined;
}

/** Where an artifact lives, in words: `project.table/partition`, an OSS key, or nothing. */
function describeLocation(info: unknown): string | undefined {
  const value = (info as { value?: unknown } | null)?.value;
  const parsed = typeof value === "string" ? safeJson(value) : value;
  const loc = (parsed as { location?: Record<string, unknown> } | null | undefined)?.location;
  if (!loc) return undefined;
  if (typeof loc.table === "string") {
    const table = [loc.project, loc.table].filter((p) => typeof p === "string" && p).join(".");
    return typeof loc.partition === "string" && loc.partition ? `${table}/${loc.partition}` : table;
  }
  if (typeof loc.bucket === "string") return `oss://${loc.bucket}/${String(loc.key ?? "")}`;
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Evaluation artifacts get a chart rather than a table. */
function isEvaluation(output: Pick<StepOutput, "name" | "type">): boolean {
  return /ModelEvaluation|Metric/i.test(output.type ?? "") || /metric/i.test(output.name);
}

/** Models are not tables: nothing to preview. */
function isTable(output: Pick<StepOutput, "name" | "type">): boolean {
  return !/Model$/i.test(output.type ?? "");
}

export function OutputsView({ api, runId, stepName, stepStatus }: Props) {
  const outputs = useQuery(stepOutputsQuery(api, runId, stepName, stepStatus));
  const local = useQuery(healthQuery(api)).data?.mode === "local";
  const t = useT();
  if (outputs.error)
    return <ErrorNotice error={asRunApiError(outputs.error)} title={t("outputs.unavailable")} />;
  if (outputs.isPending) return <div className="pfd-run-hint">{t("outputs.loading")}</div>;
  const list = outputs.data.outputs;
  if (list.length === 0) {
    return <div className="pfd-run-hint">{t(isTerminal(stepStatus) ? "outputs.none" : "outputs.later")}</div>;
  }
  return (
    <ul className="pfd-run-outputs">
      {list.map((o) => (
        <OutputItem key={o.id} output={o} local={local} {...{ api, runId, stepName }} />
      ))}
    </ul>
  );
}

function OutputItem({
  api,
  runId,
  stepName,
  output,
  local,
}: Omit<Props, "stepStatus"> & { output: StepOutput; local: boolean }) {
  const evaluation = isEvaluation(output);
  const [open, setOpen] = useState(evaluation);
  const where = describeLocation(output.info);
  const t = useT();
  return (
    <li className="pfd-run-output">
      <div className="pfd-run-output-head">
        <strong>{output.name}</strong>
        {output.type && <span className="pfd-run-tag">{output.type}</span>}
        {where && <code className="pfd-run-hint">{where}</code>}
        {local && isTable(output) && (
          <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t("outputs.toggle", {
              state: open ? "hide" : evaluation ? "metrics" : "preview",
              name: output.name,
            })}
          </button>
        )}
      </div>
      {open && local && (
        <OutputPreview {...{ api, runId, stepName }} output={output.name} evaluation={evaluation} />
      )}
    </li>
  );
}

function OutputPreview({
  api,
  runId,
  stepName,
  output,
  evaluation,
}: Omit<Props, "stepStatus"> & { output: string; evaluation: boolean }) {
  const preview = useQuery(previewQuery(api, runId, stepName, output));
  const t = useT();
  if (preview.error)
    return <ErrorNotice error={asRunApiError(preview.error)} title={t("outputs.previewUnavailable")} />;
  if (preview.isPending) return <div className="pfd-run-hint">{t("outputs.loadingPreview")}</div>;
  const metrics = evaluation ? readMetrics(preview.data) : null;
  return (
    <>
      {metrics && <MetricsChart metrics={metrics} label={t("outputs.metricsOf", { output })} />}
      <TablePreview preview={preview.data} label={t("outputs.previewOf", { output })} />
    </>
  );
}
