/** The persistence session of the editor in context, made on first use (one per editor store). */
import { useEffect } from "react";
import { useStore } from "zustand";
import { type EditorStore, useEditorApi } from "../store";
import { createPersistenceSession, type PersistenceSession } from "./session";
import type { PersistenceState } from "./state";

const sessions = new WeakMap<EditorStore, PersistenceSession>();

export function sessionFor(editor: EditorStore): PersistenceSession {
  let session = sessions.get(editor);
  if (!session) {
    session = createPersistenceSession(editor);
    sessions.set(editor, session);
  }
  return session;
}

export function usePersistenceSession(): PersistenceSession {
  return sessionFor(useEditorApi());
}

export function usePersistence<T>(selector: (s: PersistenceState) => T): T {
  return useStore(usePersistenceSession().state, selector);
}

/** Runs autosave and restore while mounted (render it once, in the app's effects). */
export function Autosave(): null {
  const session = usePersistenceSession();
  useEffect(() => {
    void session.start();
    return () => void session.stop();
  }, [session]);
  return null;
}
