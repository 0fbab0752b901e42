/** The list of templates; choosing one opens it as a new pipeline. */
import { readManifestText } from "../io/codec";
import type { EditorStore } from "../store";
import { TEMPLATES, type Template } from "./index";

/** Loads a template into the editor; false (with a notice) if it does not read. */
export function openTemplate(editor: EditorStore, t: Template): boolean {
  const read = readManifestText(t.yaml);
  if (!read.ok) {
    editor.getState().notify("error", `Template “${t.name}” is broken: ${read.problems[0]?.message}`);
    return false;
  }
  editor.getState().loadGraph(read.graph, { reason: "template" });
  return true;
}

export function TemplateList({ onChoose }: { onChoose(t: Template): void }) {
  return (
    <ul aria-label="Templates">
      {TEMPLATES.map((t) => (
        <li key={t.id} className="pfd-popover__item">
          <button type="button" onClick={() => onChoose(t)}>
            <span>{t.name}</span>
            <span className="pfd-popover__meta">{t.description}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
