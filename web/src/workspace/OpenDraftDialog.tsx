/**
 * Open › From workspace: browse the workspace's folders and open a PAI Designer draft. A draft
 * that cannot be read opens nothing and says why (draft id, what is wrong, PAI's code and
 * request id); the open pipeline is untouched until a draft has been read in full.
 */
import type { PipelineGraph } from "@pfd/shared";
import { useState } from "react";
import { type Msg, useT } from "../i18n";
import { CloseButton, Modal } from "../io/Modal";
import type { DraftLink } from "../persistence/record";
import { RunApiError } from "../run/api";
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
  // What stopped the last draft from opening: the server's error, or what is wrong in its canvas.
  const [problem, setProblem] = useState<RunApiError | Msg | null>(null);
  const t = useT();

  const open = async (draftId: string) => {
    setBusy(draftId);
    setProblem(null);
    try {
      const read = await fetchDraft(draftId, editor.getState().components);
      if ("error" in read) {
        setProblem(read.error.message);
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
    <Modal title={t("openDraft.title")} onClose={onClose} footer={<CloseButton onClose={onClose} />}>
      <p className="pfd-ws-hint">{t("openDraft.hint")}</p>
      <FolderBrowser busyDraft={busy} onOpenDraft={(d) => void open(d.id)} />
      {problem instanceof RunApiError ? (
        <ErrorNotice error={problem} title={t("openDraft.failed")} />
      ) : problem ? (
        <div className="pfd-run-error" role="alert">
          <strong>{t("openDraft.failed")} </strong>
          <span className="pfd-run-error-message">{t.msg(problem)}</span>
        </div>
      ) : null}
    </Modal>
  );
}
