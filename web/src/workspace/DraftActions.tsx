/**
 * Save (button and Ctrl/⌘+S) and Save as draft, for the toolbar, with the dialogs they may need:
 * what a draft cannot hold, a conflict (Reload theirs / Save mine as a copy / Compare), and
 * errors with PAI's code and request id. Saving never changes the open pipeline.
 */
import { type DraftConflict, type PipelineGraph, type Problem, saveDraftDenial } from "@pfd/shared";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { type Msg, msg, type Translator, useFormats, useT } from "../i18n";
import { graphToYaml } from "../io/codec";
import { CloseButton, Modal } from "../io/Modal";
import { usePersistence, usePersistenceSession } from "../persistence/usePersistence";
import { RunApiError } from "../run/api";
import { ErrorNotice } from "../run/ErrorNotice";
import { asRunApiError } from "../run/errors";
import { useOptionalRunContext } from "../run/RunProvider";
import { type EditorState, useEditor, useEditorApi } from "../store";
import { workspaceApi } from "./api";
import { CompareView } from "./CompareView";
import { draftContent, fetchDraft, linkOf } from "./drafts";
import { LostList } from "./LostList";
import { SaveAsDialog } from "./SaveAsDialog";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
/** Save's shortcut as this platform writes it. */
export const SAVE_KEYS = isMac ? "⌘S" : "Ctrl+S";

type Dialog =
  | { kind: "lost"; lost: Problem[]; proceed: () => void }
  | { kind: "saveAs" }
  | { kind: "conflict"; conflict: DraftConflict; graph: PipelineGraph; content: string }
  | { kind: "compare"; conflict: DraftConflict; graph: PipelineGraph; content: string; theirs: string | null }
  | { kind: "error"; title: string; error: RunApiError | Msg };

const selectReadOnlyReason = (s: EditorState) => s.readOnly?.reason ?? null;

export function DraftActions() {
  const editor = useEditorApi();
  const session = usePersistenceSession();
  const draft = usePersistence((s) => s.draft);
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();
  const f = useFormats();
  // The rule is shared's, the server's too; until /api/me answers, the server has the last word.
  const me = useOptionalRunContext()?.me;
  // A tab showing the pipeline read-only (another tab edits it) leaves saving to that tab, which
  // keeps the draft's Version.
  const readOnly = useEditor(selectReadOnlyReason);
  const denial = me ? saveDraftDenial(me) : null;
  const refusalMsg: Msg | null = denial ? msg(`denial.${denial.code}`) : readOnly;
  const refusal = refusalMsg && t.msg(refusalMsg);
  const close = () => setDialog(null);
  const fail = (title: string, error: unknown) =>
    setDialog({ kind: "error", title, error: asRunApiError(error) });

  const save = async (confirmed = false): Promise<void> => {
    if (refusalMsg) {
      editor.getState().notify("refused", refusalMsg);
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
      editor
        .getState()
        .notify("info", msg("notice.draftSaved", { name: saved.name, version: saved.version }));
    } catch (error) {
      const e = asRunApiError(error);
      if (e.code === "DraftConflict" && e.details.conflict)
        setDialog({ kind: "conflict", conflict: e.details.conflict, graph, content });
      else fail(t("draft.notSaved", { name: link.name }), e);
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
        if (document.querySelector(".pfd-modal")) return;
        // A field that commits on blur (a column list, a step name) gives its edit to the pipeline
        // first, so the save holds what the analyst sees; focus then returns to where it was.
        const active = document.activeElement;
        if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
          active.blur();
          active.focus();
        }
        void saveRef.current();
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
      if ("error" in read)
        return setDialog({
          kind: "error",
          title: t("draft.cannotOpen", { name: link.name }),
          error: read.error.message,
        });
      session.openDraft(read.graph, read.link);
      setDialog(null);
      editor.getState().notify("info", msg("notice.reloadedTheirs", { version: read.link.version }));
    } catch (error) {
      fail(t("draft.cannotReload", { name: link.name }), error);
    } finally {
      setBusy(false);
    }
  };

  const saveMineAsCopy = async (graph: PipelineGraph, content: string) => {
    const link = session.state.getState().draft;
    setBusy(true);
    try {
      const { draft: copy } = await workspaceApi.createDraft({
        name: t("draft.copyName", { name: link?.name ?? t("draft.defaultName") }),
        content,
        accessibility: "PRIVATE",
      });
      session.draftSaved(linkOf(copy, content), graph);
      void queryClient.invalidateQueries({ queryKey: ["workspace", "folder"] });
      setDialog(null);
      editor
        .getState()
        .notify(
          "info",
          msg("notice.savedCopy", { copy: copy.name, name: link?.name ?? t("draft.defaultName") }),
        );
    } catch (error) {
      fail(t("draft.copyFailed"), error);
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
      const theirs = "error" in read ? `# ${t.msg(read.error.message)}` : graphToYaml(read.graph);
      setDialog({ ...d, kind: "compare", theirs });
    } catch (error) {
      fail(t("draft.theirsUnreadable"), error);
    }
  };

  const conflictButtons = (d: Extract<Dialog, { kind: "conflict" | "compare" }>): ReactNode => (
    <>
      <CloseButton onClose={close} />
      {d.kind === "conflict" && (
        <button type="button" className="btn" disabled={busy} onClick={() => void compare(d)}>
          {t("conflict.compare")}
        </button>
      )}
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => void saveMineAsCopy(d.graph, d.content)}
      >
        {t("conflict.saveCopy")}
      </button>
      <button type="button" className="btn primary" disabled={busy} onClick={() => void reloadTheirs()}>
        {t("conflict.reload")}
      </button>
    </>
  );

  const conflictText = (c: DraftConflict) => conflictWords(t, f.dateTime, draft?.name ?? "", c);

  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={busy || refusal !== null}
        title={refusal ?? (draft ? t("draft.saveTitle", { keys: SAVE_KEYS }) : t("draft.saveNewTitle"))}
        aria-keyshortcuts={isMac ? "Meta+S" : "Control+S"}
        onClick={() => void save()}
      >
        {t(busy ? "draft.saving" : "common.save")}
      </button>
      <button
        type="button"
        className="btn"
        aria-label={t("saveAs.title")}
        disabled={refusal !== null}
        title={refusal ?? t("draft.saveAsTitle")}
        onClick={() => setDialog({ kind: "saveAs" })}
      >
        {t("draft.saveAs")}
      </button>
      {dialog?.kind === "lost" && (
        <Modal
          role="alertdialog"
          title={t("lost.title")}
          onClose={close}
          footer={
            <>
              <CloseButton onClose={close} />
              <button type="button" className="btn primary" onClick={dialog.proceed}>
                {t("lost.proceed")}
              </button>
            </>
          }
        >
          <p>{t("lost.body")}</p>
          <LostList lost={dialog.lost} />
        </Modal>
      )}
      {dialog?.kind === "saveAs" && <SaveAsDialog onClose={close} onError={fail} />}
      {dialog?.kind === "conflict" && (
        <Modal
          role="alertdialog"
          title={t("conflict.title")}
          onClose={close}
          footer={conflictButtons(dialog)}
        >
          <p>{conflictText(dialog.conflict)}</p>
          <p className="pfd-ws-hint">{t("conflict.hint")}</p>
        </Modal>
      )}
      {dialog?.kind === "compare" && (
        <Modal
          role="alertdialog"
          title={t("compare.title")}
          wide
          onClose={close}
          footer={conflictButtons(dialog)}
        >
          <p>{conflictText(dialog.conflict)}</p>
          <CompareView
            left={{ title: t("compare.yours"), text: graphToYaml(dialog.graph) }}
            right={{ title: t("compare.theirs", { version: dialog.conflict.version }), text: dialog.theirs }}
          />
        </Modal>
      )}
      {dialog?.kind === "error" && (
        <Modal
          role="alertdialog"
          title={dialog.title}
          onClose={close}
          footer={<CloseButton onClose={close} label={t("common.close")} />}
        >
          {dialog.error instanceof RunApiError ? (
            <ErrorNotice error={dialog.error} />
          ) : (
            <p role="alert">{t.msg(dialog.error)}</p>
          )}
        </Modal>
      )}
    </>
  );
}

/** Who changed the draft and when, and that nothing was lost, in the page's language. */
function conflictWords(
  t: Translator,
  dateTime: (iso: string) => string,
  name: string,
  c: DraftConflict,
): string {
  return t("conflict.body", {
    name,
    version: c.version,
    by: c.savedBy ?? t(c.throughDesigner ? "conflict.byDesigner" : "conflict.byConsole"),
    when: c.modifiedAt ? dateTime(c.modifiedAt) : "none",
  });
}
