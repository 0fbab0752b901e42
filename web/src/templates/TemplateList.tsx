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

/** A list of templates to choose from: the designer's own by default, or any others (the workspace's). */
export function TemplateList<T extends Pick<Template, "id" | "name" | "description"> = Template>({
  onChoose,
  templates = TEMPLATES as unknown as readonly T[],
  label = "Templates",
}: {
  onChoose(t: T): void;
  templates?: readonly T[];
  label?: string;
}) {
  return (
    <ul aria-label={label}>
      {templates.map((t) => (
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
