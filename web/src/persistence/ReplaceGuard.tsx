/**
 * Asks before replacing a pipeline with changes (since it was opened, imported or exported) by a
 * new one. Nothing is lost either way (the pipeline stays in Recent), but the user should decide.
 */
import { type ReactNode, useState } from "react";
import { type MessageId, useT } from "../i18n";
import { Modal } from "../io/Modal";
import { useEditorApi } from "../store";
import { pipelineName } from "./snapshot";

export interface ReplaceGuard {
  /** Runs `action` at once when nothing would be replaced, else after the user agrees to `verb`. */
  guard(action: () => void, verb: MessageId): void;
  dialog: ReactNode;
}

export function useReplaceGuard(): ReplaceGuard {
  const api = useEditorApi();
  const [pending, setPending] = useState<{ action: () => void; verb: MessageId } | null>(null);
  const t = useT();

  const guard = (action: () => void, verb: MessageId) => {
    const { dirty, graph } = api.getState();
    if (!dirty || graph.steps.length === 0) action();
    else setPending({ action, verb });
  };

  const name = pipelineName(api.getState().graph.metadata) || t("pipeline.untitled");
  const dialog = pending && (
    <Modal
      role="alertdialog"
      title={t("replace.title", { action: t(pending.verb) })}
      onClose={() => setPending(null)}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={() => setPending(null)}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="btn primary"
            onClick={() => {
              setPending(null);
              pending.action();
            }}
          >
            {t(pending.verb)}
          </button>
        </>
      }
    >
      <p>{t("replace.body", { name })}</p>
    </Modal>
  );
  return { guard, dialog };
}
