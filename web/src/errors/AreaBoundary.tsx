/**
 * An error boundary around one area of the page (the canvas, the inspector, the YAML panel, the
 * run views): a failure inside it shows what broke and ways on, in place of that area only, and
 * is reported to the server's log. It clears itself when the pipeline or the selection changes
 * (an undo, another step), so the area comes back as soon as what broke it is gone.
 */
import type { ClientErrorArea } from "@pfd/shared";
import { type ReactNode, useEffect, useState } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";
import { type Translator, useT } from "../i18n";
import { sessionFor } from "../persistence/usePersistence";
import { selectCanUndo, selectRevision, selectSelection, useEditor, useEditorApi } from "../store";
import { type ReportOutcome, reportOf, sendReport } from "./report";
import "./errors.css";

/** Why a failure was not logged, in the page's language: the server's code, its status, or no answer. */
function notReported(t: Translator, outcome: Extract<ReportOutcome, { ok: false }>): string {
  const reason =
    (outcome.code && t.maybe(`apiError.${outcome.code}`)) ??
    (outcome.status ? t("error.http", { status: outcome.status }) : t("areaFailure.unreachable"));
  return t("areaFailure.notReported", { reason });
}

// One report per failure, by the thrown value: the fallback may mount again for it (a retry that
// fails the same way). Failures are few; the oldest are let go past a handful.
const reports = new Map<unknown, Promise<ReportOutcome>>();
function reportOnce(area: ClientErrorArea, error: unknown, componentStack?: string | null) {
  if (reports.has(error)) return;
  reports.set(error, sendReport(reportOf(area, error, componentStack)));
  if (reports.size > 20) reports.delete(reports.keys().next().value);
}

export function AreaBoundary({ area, children }: { area: ClientErrorArea; children: ReactNode }) {
  const revision = useEditor(selectRevision);
  const selection = useEditor(selectSelection);
  return (
    <ErrorBoundary
      resetKeys={[revision, selection]}
      onError={(error, info) => {
        reportOnce(area, error, info.componentStack);
        // For developers, in the console's language (English), as the server logs it.
        console.error(`paiflow: the ${area} area failed`, error);
      }}
      fallbackRender={(props) => <AreaFailure area={area} {...props} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function AreaFailure({ area, error, resetErrorBoundary }: FallbackProps & { area: ClientErrorArea }) {
  const editor = useEditorApi();
  const canUndo = useEditor(selectCanUndo);
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  useEffect(() => {
    let live = true;
    void reports.get(error)?.then((o) => live && setOutcome(o));
    return () => {
      live = false;
    };
  }, [error]);
  const t = useT();
  const e = error instanceof Error ? error : new Error(String(error));
  const title = t("areaFailure.title", { area });
  const reloadSaved = () => {
    const session = sessionFor(editor);
    void session.reopen(session.state.getState().currentId).then(resetErrorBoundary);
  };
  return (
    <div className={`area-failure area-failure-${area}`} role="alert" aria-label={title}>
      <strong>{title}</strong>
      <code className="area-failure-error">
        {e.name}: {e.message}
      </code>
      <p className="area-failure-report">
        {outcome === null
          ? t("areaFailure.reporting")
          : outcome.ok
            ? t("areaFailure.logged", { requestId: outcome.requestId })
            : notReported(t, outcome)}
      </p>
      <p>{t("areaFailure.kept")}</p>
      <div className="area-failure-actions">
        <button type="button" className="btn primary" onClick={reloadSaved}>
          {t("areaFailure.reload")}
        </button>
        <button type="button" className="btn" disabled={!canUndo} onClick={() => editor.getState().undo()}>
          {t("areaFailure.undo")}
        </button>
        <button type="button" className="btn" onClick={resetErrorBoundary}>
          {t("areaFailure.retry")}
        </button>
      </div>
    </div>
  );
}
