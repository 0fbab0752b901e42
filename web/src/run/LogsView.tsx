/**
 * A step's log: streamed while the step runs, searchable, and following the tail unless the
 * analyst scrolls up to read (scrolling back to the bottom follows again).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useT } from "../i18n";
import type { RunApi } from "./api";
import { ErrorNotice } from "./ErrorNotice";
import { asRunApiError } from "./errors";
import { runKeys, stepLogsQuery } from "./queries";
import { isTerminal } from "./status";

/** Lines drawn at most; older ones stay searchable. A DOM of 100k lines would freeze the page. */
const MAX_SHOWN = 5000;

export function LogsView({
  api,
  runId,
  stepName,
  stepStatus,
}: {
  api: RunApi;
  runId: string;
  stepName: string;
  stepStatus: string | undefined;
}) {
  const queryClient = useQueryClient();
  const logs = useQuery(stepLogsQuery(api, runId, stepName, stepStatus));
  const [search, setSearch] = useState("");
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const t = useT();

  // The step ended while we watched: read what it wrote last, once. (A step that had already
  // ended when the tab opened was read in full by the first fetch.)
  const ended = isTerminal(stepStatus);
  const wasEnded = useRef(ended);
  useEffect(() => {
    if (ended && !wasEnded.current)
      void queryClient.invalidateQueries({ queryKey: runKeys.logs(runId, stepName) });
    wasEnded.current = ended;
  }, [ended, queryClient, runId, stepName]);

  const lines = logs.data?.lines ?? [];
  const needle = search.trim().toLowerCase();
  const matching = useMemo(
    () => (needle ? lines.filter((l) => l.toLowerCase().includes(needle)) : lines),
    [lines, needle],
  );
  const shown = matching.length > MAX_SHOWN ? matching.slice(-MAX_SHOWN) : matching;

  // Follow the tail: after new lines (a new `shown` array) land, keep the newest in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shown` is the trigger, not an input
  useLayoutEffect(() => {
    const el = box.current;
    if (el && follow) el.scrollTop = el.scrollHeight;
  }, [follow, shown]);

  return (
    <div className="pfd-run-logs">
      <div className="pfd-run-logs-tools">
        <label htmlFor={searchId}>{t("logs.search")}</label>
        <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <span className="pfd-run-hint" aria-live="polite">
          {needle
            ? t("logs.matching", { matching: matching.length, count: lines.length })
            : t("logs.lines", { count: lines.length })}
          {!ended && ` · ${t("logs.streaming")}`}
        </span>
        <label className="pfd-run-check">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          {t("logs.follow")}
        </label>
      </div>
      {logs.error && <ErrorNotice error={asRunApiError(logs.error)} title={t("logs.unavailable")} />}
      <div
        ref={box}
        className="pfd-run-logs-lines"
        role="log"
        aria-label={t("logs.of", { step: stepName })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable to scroll by keyboard
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
          if (atBottom !== follow) setFollow(atBottom);
        }}
      >
        {logs.isPending && <div className="pfd-run-hint">{t("logs.loading")}</div>}
        {!logs.isPending && lines.length === 0 && <div className="pfd-run-hint">{t("logs.empty")}</div>}
        {shown.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: log lines only ever append
          <div key={i} className="pfd-run-log-line">
            {needle ? <Highlight text={line} needle={needle} /> : line}
          </div>
        ))}
      </div>
    </div>
  );
}

function Highlight({ text, needle }: { text: string; needle: string }) {
  const at = text.toLowerCase().indexOf(needle);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}
