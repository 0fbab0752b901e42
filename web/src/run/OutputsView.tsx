/**
 * A step's output artifacts. Tables can be previewed (local mode: first 100 rows with column
 * types). Results are drawn (see results/ResultView): evaluation curves and metrics, histograms,
 * column tables; the outputs of a step that reports a value (statistics, evaluation metrics) open
 * drawn at once.
 */
import type { StepOutput } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "../i18n";
import { TableResult, ValueResult } from "../results/ResultView";
import { num, safeJson } from "../results/table";
import type { RunApi } from "./api";
import { ErrorNotice } from "./ErrorNotice";
import { asRunApiError } from "./errors";
import { healthQuery, previewQuery, stepOutputsQuery } from "./queries";
import { isTerminal } from "./status";

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

/** Evaluation artifacts get a chart rather than a table. */
function isEvaluation(output: Pick<StepOutput, "name" | "type">): boolean {
  return /ModelEvaluation|Metric/i.test(output.type ?? "") || /metric/i.test(output.name);
}

/** An output's own value (metrics, statistics): the artifact's value unless it names a location. */
function outputValue(output: StepOutput): unknown {
  const raw = (output.info as { value?: unknown } | null)?.value;
  const value = typeof raw === "string" ? (safeJson(raw) ?? raw) : raw;
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" && "location" in value) return undefined;
  return value;
}

/** Models and values are not tables: nothing to preview. */
function isTable(output: StepOutput): boolean {
  return !/Model$/i.test(output.type ?? "") && outputValue(output) === undefined;
}

/** Rows fetched for a drawn output: an evaluation's whole threshold table (at most 1,000 bins). */
const RESULT_ROWS = 1000;

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
  const values = list.map(outputValue);
  // A step that reports a value is a statistics or evaluation step: its tables are results too.
  const resultStep = values.some((v) => v !== undefined);
  const auc = values.map((v) => num((v as { AUC?: unknown } | undefined)?.AUC)).find((v) => v !== undefined);
  return (
    <ul className="pfd-run-outputs">
      {list.map((o, i) => (
        <OutputItem
          key={o.id}
          output={o}
          value={values[i]}
          local={local}
          result={resultStep || isEvaluation(o)}
          auc={auc}
          {...{ api, runId, stepName }}
        />
      ))}
    </ul>
  );
}

interface ItemProps extends Omit<Props, "stepStatus"> {
  output: StepOutput;
  value: unknown;
  local: boolean;
  /** Drawn and open at once, with enough rows to draw from. */
  result: boolean;
  auc: number | undefined;
}

function OutputItem({ api, runId, stepName, output, value, local, result, auc }: ItemProps) {
  const [open, setOpen] = useState(result);
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
              state: open ? "hide" : result ? "show" : "preview",
              name: output.name,
            })}
          </button>
        )}
      </div>
      {/* Locally the metric table draws the scores; without previews, the value is all there is. */}
      {value !== undefined && <ValueResult value={value} output={output.name} metrics={!local} />}
      {open && local && isTable(output) && (
        <OutputPreview
          {...{ api, runId, stepName, auc }}
          output={output.name}
          limit={result ? RESULT_ROWS : undefined}
        />
      )}
    </li>
  );
}

function OutputPreview({
  api,
  runId,
  stepName,
  output,
  limit,
  auc,
}: Omit<Props, "stepStatus"> & { output: string; limit: number | undefined; auc: number | undefined }) {
  const preview = useQuery(previewQuery(api, runId, stepName, output, limit));
  const t = useT();
  if (preview.error)
    return <ErrorNotice error={asRunApiError(preview.error)} title={t("outputs.previewUnavailable")} />;
  if (preview.isPending) return <div className="pfd-run-hint">{t("outputs.loadingPreview")}</div>;
  return <TableResult preview={preview.data} output={output} file={stepName} auc={auc} />;
}
