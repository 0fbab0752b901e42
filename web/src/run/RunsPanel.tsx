/**
 * The Runs panel: past runs with status, start and duration, newest first; with sign-in, who
 * started each and a "Mine" filter. Opening one shows the graph that ran with its statuses and
 * the manifest, read-only.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { closeModal, openModal } from "./dialog";
import { ErrorNotice } from "./ErrorNotice";
import { asRunApiError } from "./errors";
import { runsQuery } from "./queries";
import { RunHistoryView } from "./RunHistoryView";
import { useRunContext } from "./RunProvider";
import { elapsedMs, formatDuration, statusKind } from "./status";

const PAGE_SIZE = 20;

export function formatStart(iso: string | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

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

  useEffect(() => openModal(ref.current), []);

  const close = () => {
    closeModal(ref.current);
    onClose();
  };
  const total = runs.data?.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <dialog ref={ref} className="pfd-run-dialog pfd-run-runs" aria-label="Runs" onCancel={onClose}>
      <header className="pfd-run-dialog-head">
        <h2>{open ? `Run ${open}` : "Runs"}</h2>
        {open && (
          <button type="button" className="btn" onClick={() => setOpen(null)}>
            Back to runs
          </button>
        )}
        <button type="button" className="btn icon" onClick={close} aria-label="Close runs">
          ×
        </button>
      </header>
      {open ? (
        <RunHistoryView runId={open} />
      ) : (
        <>
          {team && (
            <fieldset aria-label="Show runs" className="pfd-run-tabs pfd-run-filter">
              <button type="button" aria-pressed={!mine} onClick={() => show(false)}>
                All runs
              </button>
              <button type="button" aria-pressed={mine} onClick={() => show(true)}>
                Mine
              </button>
            </fieldset>
          )}
          {runs.error && <ErrorNotice error={asRunApiError(runs.error)} title="Runs unavailable:" />}
          {runs.isPending && <div className="pfd-run-hint">Loading runs…</div>}
          {runs.data && runs.data.runs.length === 0 && hidden === 0 && (
            <div className="pfd-run-hint">{mine ? "You have not started a run yet." : "No runs yet."}</div>
          )}
          {runs.data && runs.data.runs.length > 0 && (
            <table className="pfd-run-table">
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  {team && <th scope="col">By</th>}
                  <th scope="col">Status</th>
                  <th scope="col">Started</th>
                  <th scope="col">Duration</th>
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
                        <td title={r.createdBy ? r.createdBy.id : "Started outside the designer"}>
                          {r.createdBy?.name ?? "—"}
                        </td>
                      )}
                      <td>
                        <span
                          className={`pfd-run-word pfd-run-${statusKind(r.status)}`}
                          data-status={r.status}
                        >
                          {r.status}
                        </span>
                      </td>
                      <td>{formatStart(r.startedAt ?? r.createdAt)}</td>
                      <td>{ms === undefined ? "—" : formatDuration(ms)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {hidden > 0 && (
            <div className="pfd-run-hint">
              {hidden === 1
                ? "1 private run of someone else is not shown on this page."
                : `${hidden} private runs of others are not shown on this page.`}
            </div>
          )}
          {pages > 1 && (
            <nav className="pfd-run-pager" aria-label="Run pages">
              <button type="button" className="btn" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Newer
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button
                type="button"
                className="btn"
                disabled={page >= pages}
                onClick={() => setPage(page + 1)}
              >
                Older
              </button>
            </nav>
          )}
        </>
      )}
    </dialog>
  );
}
