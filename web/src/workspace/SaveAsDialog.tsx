/** Save as draft: a name, a folder chosen in the workspace, PRIVATE or PUBLIC. */
import type { Accessibility } from "@pfd/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { msg, useT } from "../i18n";
import { CloseButton, Modal } from "../io/Modal";
import { usePersistenceSession } from "../persistence/usePersistence";
import type { RunApiError } from "../run/api";
import { ErrorNotice } from "../run/ErrorNotice";
import { asRunApiError } from "../run/errors";
import { useEditorApi } from "../store";
import { workspaceApi } from "./api";
import { draftContent, linkOf } from "./drafts";
import { FolderBrowser, type FolderPlace, placeText, ROOT_PLACE } from "./FolderBrowser";
import { LostList } from "./LostList";

export function SaveAsDialog({
  onClose,
  onError,
}: {
  onClose(): void;
  onError(title: string, error: unknown): void;
}) {
  const t = useT();
  const editor = useEditorApi();
  const session = usePersistenceSession();
  const queryClient = useQueryClient();
  const link = session.state.getState().draft;
  const { graph, components } = editor.getState();
  const [name, setName] = useState(
    () => link?.name ?? (graph.metadata.displayName || graph.metadata.name || ""),
  );
  const [place, setPlace] = useState<FolderPlace>(ROOT_PLACE);
  const [access, setAccess] = useState<Accessibility>("PRIVATE");
  const [newFolder, setNewFolder] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RunApiError | null>(null);
  const { content, lost } = draftContent(graph, link?.base, components);

  const addFolder = async () => {
    setProblem(null);
    try {
      await workspaceApi.createFolder(newFolder.trim(), place.id, access);
      setNewFolder("");
      await queryClient.invalidateQueries({ queryKey: ["workspace", "folder", place.id] });
    } catch (error) {
      setProblem(asRunApiError(error));
    }
  };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { draft } = await workspaceApi.createDraft({
        name: name.trim(),
        folderId: place.id,
        accessibility: access,
        content,
      });
      session.draftSaved(linkOf(draft, content), graph);
      void queryClient.invalidateQueries({ queryKey: ["workspace", "folder"] });
      onClose();
      editor
        .getState()
        .notify("info", msg("notice.savedAsDraft", { name: draft.name, path: placeText(t, place) }));
    } catch (error) {
      const e = asRunApiError(error);
      if (e.code === "InvalidRequest") setProblem(e);
      else onError(t("saveAs.failed"), e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t("saveAs.title")}
      onClose={onClose}
      footer={
        <>
          <CloseButton onClose={onClose} />
          <button
            type="button"
            className="btn primary"
            disabled={busy || name.trim() === ""}
            onClick={() => void submit()}
          >
            {t(busy ? "draft.saving" : "saveAs.submit")}
          </button>
        </>
      }
    >
      <div className="pfd-ws-form">
        <label>
          {t("saveAs.name")}
          <input
            className="field-input"
            data-autofocus
            value={name}
            maxLength={128}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <div className="pfd-ws-field">
          <span>{t("saveAs.folder", { path: placeText(t, place) })}</span>
          <FolderBrowser onPlace={setPlace} />
          <div className="pfd-ws-newfolder">
            <input
              className="field-input"
              aria-label={t("saveAs.newFolderName")}
              placeholder={t("saveAs.newFolderPlaceholder")}
              value={newFolder}
              onChange={(e) => setNewFolder(e.target.value)}
            />
            <button
              type="button"
              className="btn"
              disabled={newFolder.trim() === ""}
              onClick={() => void addFolder()}
            >
              {t("saveAs.createFolder")}
            </button>
          </div>
        </div>
        <fieldset className="pfd-ws-access">
          <legend>{t("saveAs.visibility")}</legend>
          <label>
            <input
              type="radio"
              name="access"
              checked={access === "PRIVATE"}
              onChange={() => setAccess("PRIVATE")}
            />
            {t("saveAs.private")}
          </label>
          <label>
            <input
              type="radio"
              name="access"
              checked={access === "PUBLIC"}
              onChange={() => setAccess("PUBLIC")}
            />
            {t("saveAs.public")}
          </label>
        </fieldset>
        {lost.length > 0 && (
          <div className="pfd-ws-hint">
            {t("saveAs.lost")}
            <LostList lost={lost} />
          </div>
        )}
        {problem && <ErrorNotice error={problem} />}
      </div>
    </Modal>
  );
}
