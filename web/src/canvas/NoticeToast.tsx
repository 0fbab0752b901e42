/** A transient message over the canvas, e.g. why a connection was refused. */
import { useEffect } from "react";
import { selectNotice, useEditor, useEditorApi } from "../store";

const SHOW_MS = 6000;

export function NoticeToast() {
  const notice = useEditor(selectNotice);
  const api = useEditorApi();
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => api.getState().dismissNotice(), SHOW_MS);
    return () => clearTimeout(t);
  }, [notice, api]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === "info" ? "status" : "alert"}>
      <span>{notice.message}</span>
      <button
        type="button"
        className="notice-close"
        aria-label="Dismiss"
        onClick={() => api.getState().dismissNotice()}
      >
        ×
      </button>
    </div>
  );
}
