/**
 * Save (button and Ctrl/⌘+S) and Save as draft, for the toolbar, with the dialogs they may need:
 * what a draft cannot hold, a conflict (Reload theirs / Save mine as a copy / Compare), and
 * errors with PAI's code and request id. Saving never changes the open pipeline.
 */
import { type DraftConflict, type PipelineGraph, type Problem, whyCannotSaveDrafts } from "@pfd/shared";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { graphToYaml } from "../io/codec";
import { CloseButton, Modal } from "../io/Modal";
import { usePersistence, usePersistenceSession } from "../persistence/usePersistence";
import type { RunApiError } from "../run/api";
import { ErrorNotice } from "../run/ErrorNotice";
import { asRunApiError } from "../run/errors";
import { useOptionalRunContext } from "../run/RunProvider";
import { type EditorState, useEditor, useEditorApi } from "../store";
import { workspaceApi } from "./api";
import { CompareView } from "./CompareView";
import { draftContent, fetchDraft, linkOf } from "./drafts";
import { SaveAsDialog } from "./SaveAsDialog";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

type Dialog =
  | { kind: "lost"; lost: Problem[]; proceed: () => void }
  | { kind: "saveAs" }
  | { kind: "conflict"; conflict: DraftConflict; graph: PipelineGraph; content: string }
  | { kind: "compare"; conflict: DraftConflict; graph: PipelineGraph; content: string; theirs: string | null }
  | { kind: "error"; title: string; error: RunApiError };

const selectReadOnlyReason = (s: EditorState) => s.readOnly?.reason ?? null;

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function DraftActions() {
  const editor = useEditorApi();
  const session = usePersistenceSession();
  const draft = usePersistence((s) => s.draft);
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  // The rule is shared's, the server's too; until /api/me answers, the server has the last word.
  const me = useOptionalRunContext()?.me;
  // A tab showing the pipeline read-only (another tab edits it) leaves saving to that tab, which
  // keeps the draft's Version.
  const readOnly = useEditor(selectReadOnlyReason);
  const refusal = (me ? whyCannotSaveDrafts(me) : null) ?? readOnly;
  const close = () => setDialog(null);
  const fail = (title: string, error: unknown) =>
    setDialog({ kind: "error", title, error: asRunApiError(error) });

  const save = async (confirmed = false): Promise<void> => {
    if (refusal) {
      editor.getState().notify("refused", refusal);
      return;
    }
    const link = session.state.getState().draft;
    if (!link) {
      setDialog({ kind: "saveAs" });
      return;
    }
    const { graph, components } = editor.getState();
    const { content, lost } = draftContent(graph, link.base, components);
    if (lost.length > 0 && !confirmed) {
      setDialog({ kind: "lost", lost, proceed: () => void save(true) });
      return;
    }
    setBusy(true);
    try {
      const { draft: saved } = await workspaceApi.saveDraft(link.id, { content, version: link.version });
      session.draftSaved(linkOf(saved, content), graph);
      setDialog(null);
      editor.getState().notify("info", `Saved to PAI: “${saved.name}”, version ${saved.version}`);
    } catch (error) {
      const e = asRunApiError(error);
      if (e.code === "DraftConflict" && e.details.conflict)
        setDialog({ kind: "conflict", conflict: e.details.conflict, graph, content });
      else fail(`“${link.name}” was not saved.`, e);
    } finally {
      setBusy(false);
    }
  };

  // Ctrl/⌘+S saves from anywhere on the page (the browser's own "Save page" would be useless here).
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((isMac ? e.metaKey : e.ctrlKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (!document.querySelector(".pfd-modal")) void saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const reloadTheirs = async () => {
    const link = session.state.getState().draft;
    if (!link) return;
    setBusy(true);
    try {
      const read = await fetchDraft(link.id, editor.getState().components);
      if ("error" in read) return fail(`“${link.name}” cannot be opened.`, read.error.message);
      session.openDraft(read.graph, read.link);
      setDialog(null);
      editor
        .getState()
        .notify("info", `Opened version ${read.link.version}; your edits stay in Open › Recent pipelines`);
    } catch (error) {
      fail(`“${link.name}” cannot be reloaded.`, error);
    } finally {
      setBusy(false);
    }
  };

  const saveMineAsCopy = async (graph: PipelineGraph, content: string) => {
    const link = session.state.getState().draft;
    setBusy(true);
    try {
      const { draft: copy } = await workspaceApi.createDraft({
        name: `${link?.name ?? "Draft"} (copy)`,
        content,
        accessibility: "PRIVATE",
      });
      session.draftSaved(linkOf(copy, content), graph);
      void queryClient.invalidateQueries({ queryKey: ["workspace", "folder"] });
      setDialog(null);
      editor
        .getState()
        .notify("info", `Saved as a new draft: “${copy.name}”; “${link?.name}” keeps its version`);
    } catch (error) {
      fail("The copy was not saved.", error);
    } finally {
      setBusy(false);
    }
  };

  const compare = async (d: Extract<Dialog, { kind: "conflict" }>) => {
    const link = session.state.getState().draft;
    if (!link) return;
    setDialog({ ...d, kind: "compare", theirs: null });
    try {
      const read = await fetchDraft(link.id, editor.getState().components);
      const theirs = "error" in read ? `# ${read.error.message}` : graphToYaml(read.graph);
      setDialog({ ...d, kind: "compare", theirs });
    } catch (error) {
      fail("Their version cannot be read.", error);
    }
  };

  const conflictButtons = (d: Extract<Dialog, { kind: "conflict" | "compare" }>): ReactNode => (
    <>
      <CloseButton onClose={close} />
      {d.kind === "conflict" && (
        <button type="button" className="btn" disabled={busy} onClick={() => void compare(d)}>
          Compare
        </button>
      )}
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => void saveMineAsCopy(d.graph, d.content)}
      >
        Save mine as a copy
      </button>
      <button type="button" className="btn primary" disabled={busy} onClick={() => void reloadTheirs()}>
        Reload theirs
      </button>
    </>
  );

  const conflictText = (c: DraftConflict) =>
    `“${draft?.name}” was changed since you opened it: it is now version ${c.version}, saved by ${
      c.savedBy ?? (c.throughDesigner ? "another PAIFlow Designer session" : "someone in PAI's console")
    }${c.modifiedAt ? ` on ${when.format(new Date(c.modifiedAt))}` : ""}. Nothing was overwritten: your changes are still here, not saved.`;

  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={busy || refusal !== null}
        title={
          refusal ??
          (draft
            ? `Save to the PAI Designer draft (${isMac ? "⌘" : "Ctrl+"}S)`
            : "Save as a PAI Designer draft")
        }
        onClick={() => void save()}
      >
        {busy ? "Saving…" : "Save"}
      </button>
      <button
        type="button"
        className="btn"
        aria-label="Save as draft"
        disabled={refusal !== null}
        title={refusal ?? "Save as a new PAI Designer draft, in a folder of the workspace"}
        onClick={() => setDialog({ kind: "saveAs" })}
      >
        Save as…
      </button>
      {dialog?.kind === "lost" && (
        <Modal
          role="alertdialog"
          title="Not everything fits in a PAI Designer draft"
          onClose={close}
          footer={
            <>
              <CloseButton onClose={close} />
              <button type="button" className="btn primary" onClick={dialog.proceed}>
                Save without them
              </button>
            </>
          }
        >
          <p>The pipeline says more than a draft's canvas can hold. Saving leaves these out of the draft:</p>
          <ul className="pfd-modal__problems">
            {dialog.lost.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never changes while shown
              <li key={i}>
                {p.location.step ? <code>{p.location.step}</code> : null} {p.message}
              </li>
            ))}
          </ul>
        </Modal>
      )}
      {dialog?.kind === "saveAs" && <SaveAsDialog onClose={close} onError={fail} />}
      {dialog?.kind === "conflict" && (
        <Modal
          role="alertdialog"
          title="Someone else saved this draft"
          onClose={close}
          footer={conflictButtons(dialog)}
        >
          <p>{conflictText(dialog.conflict)}</p>
          <p className="pfd-ws-hint">
            Reload theirs opens their version (yours stays in Open › Recent pipelines); Save mine as a copy
            keeps theirs and saves yours as a new draft; Compare shows both manifests side by side.
          </p>
        </Modal>
      )}
      {dialog?.kind === "compare" && (
        <Modal
          role="alertdialog"
          title="Compare: yours and theirs"
          wide
          onClose={close}
          footer={conflictButtons(dialog)}
        >
          <p>{conflictText(dialog.conflict)}</p>
          <CompareView
            left={{ title: "Yours (not saved)", text: graphToYaml(dialog.graph) }}
            right={{ title: `Theirs (version ${dialog.conflict.version})`, text: dialog.theirs }}
          />
        </Modal>
      )}
      {dialog?.kind === "error" && (
        <Modal
          role="alertdialog"
          title={dialog.title}
          onClose={close}
          footer={<CloseButton onClose={close} label="Close" />}
        >
          <ErrorNotice error={dialog.error} />
        </Modal>
      )}
    </>
  );
}
