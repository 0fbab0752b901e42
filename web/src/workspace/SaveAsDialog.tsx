/** Save as draft: a name, a folder chosen in the workspace, PRIVATE or PUBLIC. */
import type { Accessibility } from "@pfd/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CloseButton, Modal } from "../io/Modal";
import { usePersistenceSession } from "../persistence/usePersistence";
import type { RunApiError } from "../run/api";
import { ErrorNotice } from "../run/ErrorNotice";
import { asRunApiError } from "../run/errors";
import { useEditorApi } from "../store";
import { workspaceApi } from "./api";
import { draftContent, linkOf } from "./drafts";
import { FolderBrowser, type FolderPlace, ROOT_PLACE } from "./FolderBrowser";

export function SaveAsDialog({
  onClose,
  onError,
}: {
  onClose(): void;
  onError(title: string, error: unknown): void;
}) {
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
        .notify("info", `Saved as PAI Designer draft “${draft.name}” in ${place.path.join(" / ")}`);
    } catch (error) {
      const e = asRunApiError(error);
      if (e.code === "InvalidRequest") setProblem(e);
      else onError("The draft was not created.", e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Save as draft"
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
            {busy ? "Saving…" : "Save draft"}
          </button>
        </>
      }
    >
      <div className="pfd-ws-form">
        <label>
          Name
          <input
            className="field-input"
            data-autofocus
            value={name}
            maxLength={128}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <div className="pfd-ws-field">
          <span>Folder: {place.path.join(" / ")}</span>
          <FolderBrowser onPlace={setPlace} />
          <div className="pfd-ws-newfolder">
            <input
              className="field-input"
              aria-label="New folder name"
              placeholder="New folder here"
              value={newFolder}
              onChange={(e) => setNewFolder(e.target.value)}
            />
            <button
              type="button"
              className="btn"
              disabled={newFolder.trim() === ""}
              onClick={() => void addFolder()}
            >
              Create folder
            </button>
          </div>
        </div>
        <fieldset className="pfd-ws-access">
          <legend>Who can see it</legend>
          <label>
            <input
              type="radio"
              name="access"
              checked={access === "PRIVATE"}
              onChange={() => setAccess("PRIVATE")}
            />
            Private: you and the workspace's administrators
          </label>
          <label>
            <input
              type="radio"
              name="access"
              checked={access === "PUBLIC"}
              onChange={() => setAccess("PUBLIC")}
            />
            Public: everyone in the workspace
          </label>
        </fieldset>
        {lost.length > 0 && (
          <div className="pfd-ws-hint">
            Left out of the draft (a draft's canvas cannot hold them):
            <ul className="pfd-modal__problems">
              {lost.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list never changes while shown
                <li key={i}>
                  {p.location.step ? <code>{p.location.step}</code> : null} {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {problem && <ErrorNotice error={problem} />}
      </div>
    </Modal>
  );
}
