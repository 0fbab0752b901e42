/**
 * Open › From workspace: browse the workspace's folders and open a PAI Designer draft. A draft
 * that cannot be read opens nothing and says why (draft id, what is wrong, PAI's code and
 * request id); the open pipeline is untouched until a draft has been read in full.
 */
import type { PipelineGraph } from "@pfd/shared";
import { useState } from "react";
import { CloseButton, Modal } from "../io/Modal";
import type { DraftLink } from "../persistence/record";
import type { RunApiError } from "../run/api";
import { ErrorNotice } from "../run/ErrorNotice";
import { asRunApiError } from "../run/errors";
import { useEditorApi } from "../store";
import { fetchDraft } from "./drafts";
import { FolderBrowser } from "./FolderBrowser";

export function OpenDraftDialog({
  onClose,
  onOpen,
}: {
  onClose(): void;
  /** The draft, read: the caller replaces the open pipeline with it. */
  onOpen(graph: PipelineGraph, link: Omit<DraftLink, "unsaved">): void;
}) {
  const editor = useEditorApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<RunApiError | null>(null);

  const open = async (draftId: string) => {
    setBusy(draftId);
    setProblem(null);
    try {
      const read = await fetchDraft(draftId, editor.getState().components);
      if ("error" in read) {
        setProblem(asRunApiError(new Error(read.error.message)));
        return;
      }
      onClose();
      onOpen(read.graph, read.link);
    } catch (error) {
      setProblem(asRunApiError(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal title="Open from workspace" onClose={onClose} footer={<CloseButton onClose={onClose} />}>
      <p className="pfd-ws-hint">PAI Designer drafts of the workspace, the same ones PAI's console edits.</p>
      <FolderBrowser busyDraft={busy} onOpenDraft={(d) => void open(d.id)} />
      {problem && <ErrorNotice error={problem} title="The draft was not opened." />}
    </Modal>
  );
}
