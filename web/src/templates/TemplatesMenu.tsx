/** "Templates": opens a shipped pipeline as a new pipeline (asking first over unsaved changes). */
import { readManifestText } from "../io/codec";
import { PopoverButton } from "../io/Popover";
import { useReplaceGuard } from "../persistence/ReplaceGuard";
import { useEditorApi } from "../store";
import { TEMPLATES, type Template } from "./index";

export function TemplatesMenu() {
  const api = useEditorApi();
  const { guard, dialog } = useReplaceGuard();
  const open = (t: Template) => {
    const read = readManifestText(t.yaml);
    if (!read.ok) {
      api.getState().notify("error", `Template “${t.name}” is broken: ${read.problems[0]?.message}`);
      return;
    }
    api.getState().loadGraph(read.graph, { source: "load", dirty: false });
  };
  return (
    <>
      <PopoverButton label="Templates">
        {(close) => (
          <ul aria-label="Templates">
            {TEMPLATES.map((t) => (
              <li key={t.id} className="pfd-popover__item">
                <button
                  type="button"
                  onClick={() => {
                    close();
                    guard(() => open(t), "Open template");
                  }}
                >
                  <span>{t.name}</span>
                  <span className="pfd-popover__meta">{t.description}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </PopoverButton>
      {dialog}
    </>
  );
}
