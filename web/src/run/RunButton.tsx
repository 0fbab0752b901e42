/**
 * The toolbar's Run button and the Run settings button beside it. Outside a <RunProvider> (the
 * canvas's own tests) Run renders disabled rather than failing; for a viewer it is disabled and
 * says why.
 */
import { lazy, Suspense, useState } from "react";
import { denialText } from "../auth/denial";
import { runRefusal } from "../auth/me";
import { useT } from "../i18n";
import { useOptionalRunContext } from "./RunProvider";

const RunSettingsDialog = lazy(() => import("./RunSettingsDialog"));

export function RunButton({ className = "pfd-run-button" }: { className?: string }) {
  const ctx = useOptionalRunContext();
  const busy = ctx?.submitting ?? false;
  const t = useT();
  const forbidden = runRefusal(ctx?.me);
  return (
    <button
      type="button"
      className={className}
      onClick={() => ctx?.run()}
      disabled={!ctx || busy || forbidden !== null}
      aria-busy={busy}
      aria-keyshortcuts="Control+Enter Meta+Enter"
      title={forbidden ? denialText(t, forbidden) : t("run.buttonTitle")}
    >
      {t(busy ? "run.starting" : "run.button")}
    </button>
  );
}

export function RunSettingsButton({ className }: { className?: string }) {
  const ctx = useOptionalRunContext();
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => setOpen(true)}
        disabled={!ctx}
        aria-haspopup="dialog"
      >
        {t("run.settings")}
      </button>
      {open && ctx && (
        <Suspense fallback={null}>
          <RunSettingsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
