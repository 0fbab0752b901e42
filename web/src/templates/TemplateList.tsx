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

export function TemplateList({ onChoose }: { onChoose(t: Template): void }) {
  const t = useT();
  return (
    <ul aria-label={t("open.templates")}>
      {TEMPLATES.map((template) => (
        <li key={template.id} className="pfd-popover__item">
          <button type="button" onClick={() => onChoose(template)}>
            <span>{t(`template.${template.id}.name`)}</span>
            <span className="pfd-popover__meta">{t(`template.${template.id}.description`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
