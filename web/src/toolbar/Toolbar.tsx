/** The top bar: file actions, history, layout and view controls, Run, and who is signed in. */
import { useReactFlow } from "@xyflow/react";
import { UserMenu } from "../auth/UserMenu";
import { FIT } from "../canvas/openView";
import { useT } from "../i18n";
import { LanguageSwitch } from "../i18n/LanguageSwitch";
import { FileActions, RunAction } from "../panels";
import {
  selectCanRedo,
  selectCanUndo,
  selectDirty,
  selectMetadata,
  selectReadOnly,
  useEditor,
  useEditorApi,
} from "../store";
import { FitIcon, LayoutIcon, RedoIcon, UndoIcon } from "../theme/icons";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? "⌘" : "Ctrl+";

export function Toolbar() {
  const api = useEditorApi();
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const dirty = useEditor(selectDirty);
  const readOnly = useEditor(selectReadOnly);
  const metadata = useEditor(selectMetadata);
  const flow = useReactFlow();
  const t = useT();

  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span className="brand-name">{t("app.name")}</span>
        <span className="doc-name" title={t("toolbar.pipelineName")}>
          {metadata.name || metadata.identifier || t("pipeline.untitled")}
          {dirty ? (
            <span
              className="dirty-dot"
              role="img"
              aria-label={t("toolbar.notExported")}
              title={t("toolbar.notExportedTitle")}
            />
          ) : null}
        </span>
      </div>
      <div role="toolbar" aria-label={t("toolbar.label")} className="toolbar-groups">
        <div className="tool-group">
          <FileActions />
        </div>
        <div className="tool-group">
          <button
            type="button"
            className="btn icon"
            aria-label={t("toolbar.undo")}
            title={t("toolbar.undoHint", { keys: `${mod}Z` })}
            disabled={!canUndo}
            onClick={() => api.getState().undo()}
          >
            <UndoIcon />
          </button>
          <button
            type="button"
            className="btn icon"
            aria-label={t("toolbar.redo")}
            title={t("toolbar.redoHint", { keys: isMac ? "⇧⌘Z" : "Ctrl+Y" })}
            disabled={!canRedo}
            onClick={() => api.getState().redo()}
          >
            <RedoIcon />
          </button>
        </div>
        <div className="tool-group">
          <button
            type="button"
            className="btn"
            disabled={readOnly}
            onClick={() => {
              api.getState().autoLayout();
              requestAnimationFrame(() => flow.fitView({ ...FIT, duration: 250 }));
            }}
          >
            <LayoutIcon /> {t("toolbar.autoLayout")}
          </button>
          <button type="button" className="btn" onClick={() => flow.fitView({ ...FIT, duration: 250 })}>
            <FitIcon /> {t("toolbar.fitView")}
          </button>
        </div>
        <div className="tool-group">
          <RunAction />
        </div>
      </div>
      <LanguageSwitch />
      <UserMenu />
    </header>
  );
}
