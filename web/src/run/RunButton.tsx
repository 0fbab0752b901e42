/**
 * The toolbar's Run button and the Run settings button beside it. Outside a <RunProvider> (the
 * canvas's own tests) Run renders disabled rather than failing; for a viewer it is disabled and
 * says why.
 */
import { lazy, Suspense, useState } from "react";
import { runRefusal } from "../auth/me";
import { useOptionalRunContext } from "./RunProvider";

const RunSettingsDialog = lazy(() => import("./RunSettingsDialog"));

export function RunButton({ className = "pfd-run-button" }: { className?: string }) {
  const ctx = useOptionalRunContext();
  const busy = ctx?.submitting ?? false;
  const forbidden = runRefusal(ctx?.me);
  return (
    <button
      type="button"
      className={className}
      onClick={ctx?.run}
      disabled={!ctx || busy || forbidden !== null}
      aria-busy={busy}
      aria-keyshortcuts="Control+Enter Meta+Enter"
      title={forbidden ?? "Run the pipeline (Ctrl+Enter)"}
    >
      {busy ? "Starting…" : "Run"}
    </button>
  );
}

export function RunSettingsButton({ className }: { className?: string }) {
  const ctx = useOptionalRunContext();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => setOpen(true)}
        disabled={!ctx}
        aria-haspopup="dialog"
      >
        Run settings
      </button>
      {open && ctx && (
        <Suspense fallback={null}>
          <RunSettingsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
