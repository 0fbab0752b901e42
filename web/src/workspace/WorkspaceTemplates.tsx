/** The workspace's templates (PaiStudio), listed in Open beside the designer's own. */
import type { PipelineGraph, TemplateSummary } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { msg, useT } from "../i18n";
import { asRunApiError, errorMsg } from "../run/errors";
import type { EditorStore } from "../store";
import { TemplateItems } from "../templates/TemplateList";
import { workspaceApi } from "./api";
import { draftToGraph } from "./drafts";

/** Fetches and reads a template; the graph to open, or undefined after telling the user why not. */
export async function readWorkspaceTemplate(
  editor: EditorStore,
  t: TemplateSummary,
): Promise<PipelineGraph | undefined> {
  try {
    const { content } = await workspaceApi.template(t.id);
    const read = draftToGraph(content, { name: t.name }, editor.getState().components);
    if (read.ok) return read.graph;
    editor.getState().notify("error", read.message);
  } catch (error) {
    editor
      .getState()
      .notify("error", msg("notice.wsTemplateFailed", { name: t.name, error: errorMsg(error) }));
  }
  return undefined;
}

export function WorkspaceTemplateList({ onChoose }: { onChoose(t: TemplateSummary): void }) {
  const t = useT();
  const list = useQuery({
    queryKey: ["workspace", "templates"],
    queryFn: workspaceApi.templates,
    retry: false,
  });
  if (list.isPending) return <p className="pfd-popover__empty">{t("wsTemplates.loading")}</p>;
  if (list.isError)
    return (
      <p className="pfd-popover__empty">{t("wsTemplates.error", { code: asRunApiError(list.error).code })}</p>
    );
  if (list.data.templates.length === 0) return <p className="pfd-popover__empty">{t("wsTemplates.empty")}</p>;
  // The workspace's templates as the workspace names them.
  return (
    <TemplateItems
      label={t("open.workspaceTemplates")}
      templates={list.data.templates}
      word={(template) => template}
      onChoose={onChoose}
    />
  );
}
