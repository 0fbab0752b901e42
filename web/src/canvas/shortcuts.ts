/**
 * Keyboard shortcuts of the editor: undo/redo, copy/cut/paste, duplicate, select all, delete,
 * F2 to rename the selected step.
 * They apply unless the focus is in a text field or an editor (CodeMirror), which own their keys.
 */
import { readClipboardText } from "@pfd/shared";
import { useEffect } from "react";
import { msg } from "../i18n/messages";
import type { EditorStore } from "../store";
import { readSteps, writeSteps } from "./clipboard";

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

export function useEditorShortcuts(store: EditorStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target) || e.defaultPrevented) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = true;
      if (mod && key === "z" && !e.shiftKey) s.undo();
      else if ((mod && key === "z" && e.shiftKey) || (mod && key === "y")) s.redo();
      else if (mod && key === "a") s.selectAll();
      else if (mod && key === "c") {
        const clip = s.copySelection();
        if (clip) writeSteps(clip);
        else handled = false;
      } else if (mod && key === "x") {
        const clip = s.cutSelection();
        if (clip) writeSteps(clip);
        else handled = false;
      } else if (mod && key === "v") {
        const clip = readSteps();
        // Nothing copied here: let the paste event through (steps from another tab, or YAML).
        if (clip) s.paste(clip);
        else handled = false;
      } else if (mod && key === "d") s.duplicateSelection();
      else if (!mod && (key === "delete" || key === "backspace")) {
        if (s.selection.steps.length || s.selection.edges.length) s.removeSelection();
        else handled = false;
      } else if (key === "f2" && s.selection.steps.length === 1) {
        s.setRenaming(s.selection.steps[0] ?? null);
      } else if (key === "escape") {
        if (s.contextMenu) s.openContextMenu(null);
        else s.clearSelection();
      } else handled = false;
      if (handled) e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (typingIn(e.target) || e.defaultPrevented) return;
      const read = readClipboardText(e.clipboardData?.getData("text/plain") ?? "");
      if (read.kind === "other") return;
      e.preventDefault();
      if (read.kind === "steps") store.getState().paste(read.clip);
      else store.getState().notify("refused", msg(`paste.${read.code}`, read.params));
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("paste", onPaste);
    };
  }, [store]);
}
