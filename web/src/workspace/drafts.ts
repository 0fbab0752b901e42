/**
 * PAI Designer drafts in the editor: a draft's canvas as the graph to edit, and the graph as the
 * canvas to save, through the shared conversion; the conversation with the server (open, save,
 * save as, reload) as plain async functions the dialogs call.
 */
import {
  autoLayout,
  type ComponentSpec,
  canvasToGraph,
  type DraftMeta,
  graphToCanvas,
  type PipelineGraph,
  type Problem,
  readCanvas,
} from "@pfd/shared";
import { type Msg, msg } from "../i18n";
import type { DraftLink } from "../persistence/record";
import { workspaceApi } from "./api";

/** A draft that cannot be read: what to say (the draft or template, the first problem, where) and every problem. */
type ReadDraft = { ok: true; graph: PipelineGraph } | { ok: false; message: Msg; problems: Problem[] };

/** The graph of a draft's (or template's) canvas; steps without a position get one. Never throws. */
export function draftToGraph(
  content: string,
  draft: { id?: string; name: string },
  components: readonly ComponentSpec[],
): ReadDraft {
  const read = readCanvas(content);
  if (!read.base) {
    const first = read.problems[0];
    const values = {
      kind: draft.id ? "draft" : "template",
      id: draft.id ?? "",
      name: draft.name,
      // Worded in the page's language by its code, like every problem (see problems/format.ts).
      problem: first
        ? msg(`problem.${first.code}` as Msg["id"], first.params ?? {})
        : msg("apiError.InvalidDraft"),
    };
    const { line, col } = first?.location ?? {};
    return {
      ok: false,
      message:
        line === undefined
          ? msg("draft.unreadable", values)
          : msg("draft.unreadableAt", { ...values, line, col: col ?? 1 }),
      problems: read.problems,
    };
  }
  return { ok: true, graph: autoLayout(canvasToGraph(read.base.canvas, { draft, components })) };
}

/** The canvas to save for `graph`, on top of the draft's canvas as read; `lost` lists what a draft cannot hold. */
export function draftContent(
  graph: PipelineGraph,
  base: string | undefined,
  components: readonly ComponentSpec[],
): { content: string; lost: Problem[] } {
  const read = base === undefined ? undefined : readCanvas(base).base;
  const { content, lost } = graphToCanvas(graph, read, { components });
  return { content, lost };
}

/** The link a pipeline keeps to the draft it was saved as or opened from. */
export function linkOf(draft: DraftMeta, content: string): Omit<DraftLink, "unsaved"> {
  return {
    id: draft.id,
    name: draft.name,
    version: draft.version,
    base: content,
    modifiedAt: draft.modifiedAt,
    savedBy: draft.savedBy,
  };
}

/** Fetches a draft and reads it; the server has already refused one too large or unreadable. */
export async function fetchDraft(
  draftId: string,
  components: readonly ComponentSpec[],
): Promise<
  { graph: PipelineGraph; link: Omit<DraftLink, "unsaved"> } | { error: ReadDraft & { ok: false } }
> {
  const { draft, content } = await workspaceApi.draft(draftId);
  const read = draftToGraph(content, draft, components);
  if (!read.ok) return { error: read };
  return { graph: read.graph, link: linkOf(draft, content) };
}
