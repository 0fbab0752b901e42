/** The list of templates; choosing one opens it as a new pipeline. */
import { msg, useT } from "../i18n";
import { readManifestText } from "../io/codec";
import type { EditorStore } from "../store";
import { TEMPLATES, type Template } from "./index";

/** Loads a template into the editor; false (with a notice) if it does not read. */
export function openTemplate(editor: EditorStore, t: Template): boolean {
  const read = readManifestText(t.yaml);
  if (!read.ok) {
    editor
      .getState()
      .notify("error", msg("notice.templateBroken", { name: t.id, detail: read.problems[0]?.message ?? "" }));
    return false;
  }
  editor.getState().loadGraph(read.graph, { reason: "template" });
  return true;
}

/** A template as a list shows it: its name and one line, in the words the list is given. */
export interface ListedTemplate {
  id: string;
  name: string;
  description: string;
}

/** The designer's own templates, named in the page's language. */
export function TemplateList({ onChoose }: { onChoose(t: Template): void }) {
  const t = useT();
  return (
    <TemplateItems
      label={t("open.templates")}
      templates={TEMPLATES}
      word={(template) => ({
        id: template.id,
        name: t(`template.${template.id}.name`),
        description: t(`template.${template.id}.description`),
      })}
      onChoose={onChoose}
    />
  );
}

/** A list of templates to choose from (ours, or the workspace's as it names them). */
export function TemplateItems<T>({
  label,
  templates,
  word,
  onChoose,
}: {
  label: string;
  templates: readonly T[];
  word(t: T): ListedTemplate;
  onChoose(t: T): void;
}) {
  return (
    <ul aria-label={label}>
      {templates.map((template) => {
        const { id, name, description } = word(template);
        return (
          <li key={id} className="pfd-popover__item">
            <button type="button" onClick={() => onChoose(template)}>
              <span>{name}</span>
              <span className="pfd-popover__meta">{description}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
