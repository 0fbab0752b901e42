/** The workspace's templates (PaiStudio), listed in Open beside the designer's own. */
import type { PipelineGraph, TemplateSummary } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { asRunApiError } from "../run/errors";
import type { EditorStore } from "../store";
import { TemplateList } from "../templates/TemplateList";
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
    editor.getState().notify("error", `Template ${read.message}`);
  } catch (error) {
    const e = asRunApiError(error);
    editor.getState().notify("error", `Template “${t.name}” cannot be opened: ${e.message} (${e.code})`);
  }
  return undefined;
}

export function WorkspaceTemplateList({ onChoose }: { onChoose(t: TemplateSummary): void }) {
  const list = useQuery({
    queryKey: ["workspace", "templates"],
    queryFn: workspaceApi.templates,
    retry: false,
  });
  if (list.isPending) return <p className="pfd-popover__empty">Loading the workspace's templates…</p>;
  if (list.isError)
    return (
      <p className="pfd-popover__empty">
        The workspace's templates cannot be listed ({asRunApiError(list.error).code}).
      </p>
    );
  if (list.data.templates.length === 0)
    return <p className="pfd-popover__empty">The workspace has no templates.</p>;
  return <TemplateList templates={list.data.templates} label="Workspace templates" onChoose={onChoose} />;
}
