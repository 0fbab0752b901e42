/**
 * Asks before replacing a pipeline with changes (since it was opened, imported or exported) by a
 * new one. Nothing is lost either way (the pipeline stays in Recent), but the user should decide.
 */
import { type ReactNode, useState } from "react";
import { Modal } from "../io/Modal";
import { useEditorApi } from "../store";
import { pipelineName } from "./snapshot";

export interface ReplaceGuard {
  /** Runs `action` at once when nothing would be replaced, else after the user agrees. */
  guard(action: () => void, verb: string): void;
  dialog: ReactNode;
}

export function useReplaceGuard(): ReplaceGuard {
  const api = useEditorApi();
  const [pending, setPending] = useState<{ action: () => void; verb: string } | null>(null);

  const guard = (action: () => void, verb: string) => {
    const { dirty, graph } = api.getState();
    if (!dirty || graph.steps.length === 0) action();
    else setPending({ action, verb });
  };

  const name = pipelineName(api.getState().graph.metadata);
  const dialog = pending && (
    <Modal
      role="alertdialog"
      title={`${pending.verb}?`}
      onClose={() => setPending(null)}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={() => setPending(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="btn primary"
            onClick={() => {
              setPending(null);
              pending.action();
            }}
          >
            {pending.verb}
          </button>
        </>
      }
    >
      <p>
        “{name}” has unsaved changes (not exported since it was opened or last exported). It stays in Recent
        pipelines in this browser.
      </p>
    </Modal>
  );
  return { guard, dialog };
}
