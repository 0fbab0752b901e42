/** A transient message over the canvas, e.g. why a connection was refused. */
import { useEffect } from "react";
import { useT } from "../i18n";
import { selectNotice, useEditor, useEditorApi } from "../store";

const SHOW_MS = 6000;

export function NoticeToast() {
  const notice = useEditor(selectNotice);
  const api = useEditorApi();
  const t = useT();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => api.getState().dismissNotice(), SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice, api]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === "info" ? "status" : "alert"}>
      <span>{t.msg(notice.message)}</span>
      <button
        type="button"
        className="notice-close"
        aria-label={t("common.dismiss")}
        onClick={() => api.getState().dismissNotice()}
      >
        ×
      </button>
    </div>
  );
}
