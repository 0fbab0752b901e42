/**
 * An error boundary around one area of the page (the canvas, the inspector, the YAML panel, the
 * run views): a failure inside it shows what broke and ways on, in place of that area only, and
 * is reported to the server's log. It clears itself when the pipeline or the selection changes
 * (an undo, another step), so the area comes back as soon as what broke it is gone.
 */
import type { ClientErrorArea } from "@pfd/shared";
import { type ReactNode, useEffect, useState } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";
import { sessionFor } from "../persistence/usePersistence";
import { selectCanUndo, selectRevision, selectSelection, useEditor, useEditorApi } from "../store";
import { type ReportOutcome, reportOf, sendReport } from "./report";
import "./errors.css";

/** The area's name in "The … failed". */
const AREA_NAMES: Record<ClientErrorArea, string> = {
  canvas: "canvas",
  inspector: "inspector",
  yaml: "YAML panel",
  run: "run view",
};

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
        console.error(`paiflow: the ${AREA_NAMES[area]} failed`, error);
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
  const e = error instanceof Error ? error : new Error(String(error));
  const name = AREA_NAMES[area];
  const reloadSaved = () => {
    const session = sessionFor(editor);
    void session.reopen(session.state.getState().currentId).then(resetErrorBoundary);
  };
  return (
    <div className={`area-failure area-failure-${area}`} role="alert" aria-label={`The ${name} failed`}>
      <strong>The {name} failed</strong>
      <code className="area-failure-error">
        {e.name}: {e.message}
      </code>
      <p className="area-failure-report">
        {outcome === null
          ? "Reporting it to the server…"
          : outcome.ok
            ? `Logged on the server as request ${outcome.requestId}.`
            : `It could not be reported (${outcome.reason}).`}
      </p>
      <p>The rest of the designer keeps working; your pipeline is kept.</p>
      <div className="area-failure-actions">
        <button type="button" className="btn primary" onClick={reloadSaved}>
          Reload the last saved state
        </button>
        <button type="button" className="btn" disabled={!canUndo} onClick={() => editor.getState().undo()}>
          Undo the last change
        </button>
        <button type="button" className="btn" onClick={resetErrorBoundary}>
          Try again
        </button>
      </div>
    </div>
  );
}
