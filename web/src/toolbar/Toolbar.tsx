/** The top bar: file actions, history, layout and view controls, Run, and who is signed in. */
import { useReactFlow } from "@xyflow/react";
import { UserMenu } from "../auth/UserMenu";
import { FIT } from "../canvas/openView";
import { FileActions, RunAction } from "../panels";
import { selectCanRedo, selectCanUndo, selectDirty, selectMetadata, useEditor, useEditorApi } from "../store";
import { FitIcon, LayoutIcon, RedoIcon, UndoIcon } from "../theme/icons";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? "⌘" : "Ctrl+";

export function Toolbar() {
  const api = useEditorApi();
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const dirty = useEditor(selectDirty);
  const metadata = useEditor(selectMetadata);
  const flow = useReactFlow();

  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span className="brand-name">PAIFlow Designer</span>
        <span className="doc-name" title="Pipeline name">
          {metadata.name || metadata.identifier || "Untitled pipeline"}
          {dirty ? <span className="dirty-dot" title="Unsaved changes" /> : null}
        </span>
      </div>
      <div role="toolbar" aria-label="Pipeline" className="toolbar-groups">
        <div className="tool-group">
          <FileActions />
        </div>
        <div className="tool-group">
          <button
            type="button"
            className="btn icon"
            aria-label="Undo"
            title={`Undo (${mod}Z)`}
            disabled={!canUndo}
            onClick={() => api.getState().undo()}
          >
            <UndoIcon />
          </button>
          <button
            type="button"
            className="btn icon"
            aria-label="Redo"
            title={`Redo (${isMac ? "⇧⌘Z" : "Ctrl+Y"})`}
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
            onClick={() => {
              api.getState().autoLayout();
              requestAnimationFrame(() => flow.fitView({ ...FIT, duration: 250 }));
            }}
          >
            <LayoutIcon /> Auto layout
          </button>
          <button type="button" className="btn" onClick={() => flow.fitView({ ...FIT, duration: 250 })}>
            <FitIcon /> Fit view
          </button>
        </div>
        <div className="tool-group">
          <RunAction />
        </div>
      </div>
      <UserMenu />
    </header>
  );
}
