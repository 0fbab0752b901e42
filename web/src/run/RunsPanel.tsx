/**
 * The Runs panel: past runs with status, start and duration, newest first; with sign-in, who
 * started each and a "Mine" filter. Opening one shows the graph that ran with its statuses and
 * the manifest, read-only.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useFormats, useT } from "../i18n";
import { closeModal, openModal } from "./dialog";
import { ErrorNotice } from "./ErrorNotice";
import { asRunApiError } from "./errors";
import { runsQuery } from "./queries";
import { RunHistoryView } from "./RunHistoryView";
import { useRunContext } from "./RunProvider";
import { elapsedMs, statusKind } from "./status";
import { statusText } from "./text";

const PAGE_SIZE = 20;

export default function RunsPanel({ onClose }: { onClose: () => void }) {
  const { api, me, followedRunId } = useRunContext();
  const [page, setPage] = useState(1);
  const [mine, setMine] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const runs = useQuery(runsQuery(api, page, PAGE_SIZE, mine));
  // Alone at this machine (no sign-in) every run is the same person's: nothing to tell apart.
  const team = me !== undefined && me.authMode !== "none";
  const hidden = runs.data?.hiddenCount ?? 0;
  const show = (onlyMine: boolean) => {
    setMine(onlyMine);
    setPage(1);
  };
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT();
  const f = useFormats();

  useEffect(() => openModal(ref.current), []);

  const close = () => {
    closeModal(ref.current);
    onClose();
  };
  const total = runs.data?.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <dialog ref={ref} className="pfd-run-dialog pfd-run-runs" aria-label={t("runs.title")} onCancel={onClose}>
      <header className="pfd-run-dialog-head">
        <h2>{open ? t("runs.run", { id: open }) : t("runs.title")}</h2>
        {open && (
          <button type="button" className="btn" onClick={() => setOpen(null)}>
            {t("runs.back")}
          </button>
        )}
        <button type="button" className="btn icon" onClick={close} aria-label={t("runs.close")}>
          ×
        </button>
      </header>
      {open ? (
        <RunHistoryView runId={open} />
      ) : (
        <>
          {team && (
            <fieldset aria-label={t("runs.show")} className="pfd-run-tabs pfd-run-filter">
              <button type="button" aria-pressed={!mine} onClick={() => show(false)}>
                {t("runs.all")}
              </button>
              <button type="button" aria-pressed={mine} onClick={() => show(true)}>
                {t("runs.mine")}
              </button>
            </fieldset>
          )}
          {runs.error && <ErrorNotice error={asRunApiError(runs.error)} title={t("runs.unavailable")} />}
          {runs.isPending && <div className="pfd-run-hint">{t("runs.loading")}</div>}
          {runs.data && runs.data.runs.length === 0 && hidden === 0 && (
            <div className="pfd-run-hint">{t(mine ? "runs.noneMine" : "runs.none")}</div>
          )}
          {runs.data && runs.data.runs.length > 0 && (
            <table className="pfd-run-table">
              <thead>
                <tr>
                  <th scope="col">{t("runs.colRun")}</th>
                  {team && <th scope="col">{t("runs.colBy")}</th>}
                  <th scope="col">{t("runs.colStatus")}</th>
                  <th scope="col">{t("runs.colStarted")}</th>
                  <th scope="col">{t("runs.colDuration")}</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.runs.map((r) => {
                  const ms =
                    r.durationSec !== null
                      ? r.durationSec * 1000
                      : elapsedMs(r.startedAt, r.finishedAt, Date.now());
                  return (
                    <tr
                      key={r.pipelineRunId}
                      aria-current={r.pipelineRunId === followedRunId ? "true" : undefined}
                    >
                      <td>
                        <button
                          type="button"
                          className="pfd-run-link"
                          onClick={() => setOpen(r.pipelineRunId)}
                        >
                          {r.name || r.pipelineRunId}
                        </button>
                        <div className="pfd-run-hint">
                          <code>{r.pipelineRunId}</code>
                        </div>
                      </td>
                      {team && (
                        <td title={r.createdBy ? r.createdBy.id : t("runs.outside")}>
                          {r.createdBy?.name ?? "—"}
                        </td>
                      )}
                      <td>
                        <span
                          className={`pfd-run-word pfd-run-${statusKind(r.status)}`}
                          data-status={r.status}
                        >
                          {statusText(t, r.status)}
                        </span>
                      </td>
                      <td>{f.dateTime(r.startedAt ?? r.createdAt)}</td>
                      <td>{ms === undefined ? "—" : f.duration(ms)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {hidden > 0 && <div className="pfd-run-hint">{t("runs.hidden", { count: hidden })}</div>}
          {pages > 1 && (
            <nav className="pfd-run-pager" aria-label={t("runs.pages")}>
              <button type="button" className="btn" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t("runs.newer")}
              </button>
              <span>{t("runs.page", { page, pages })}</span>
              <button
                type="button"
                className="btn"
                disabled={page >= pages}
                onClick={() => setPage(page + 1)}
              >
                {t("runs.older")}
              </button>
            </nav>
          )}
        </>
      )}
    </dialog>
  );
}
