/**
 * What happened to the editor's pipeline, said once when it happens, so a subscriber (YAML text,
 * autosave, canvas framing) reacts to the event itself instead of guessing it from state diffs.
 */

/** Who made an edit: a view skips the edits it made itself. */
export type EditSource = "canvas" | "inspector" | "yaml";

/**
 * Why a whole pipeline replaced the open one. `new`, `import` and `template` bring a pipeline of
 * their own; `reopen` brings back one saved in this browser (at start, or from Recent);
 * `refresh` shows a newer saved version of the same pipeline (written by another tab), keeping
 * the view and selection where they are.
 */
export type LoadReason = "new" | "import" | "template" | "reopen" | "refresh";

export type EditorEvent =
  /** The whole graph was replaced; history is cleared. */
  | { type: "graphLoaded"; reason: LoadReason }
  /** One undoable edit. */
  | { type: "graphEdited"; source: EditSource }
  /** Undo or redo put back an earlier graph. */
  | { type: "historyRestored"; direction: "undo" | "redo" }
  /** The open graph became the kept version (exported, or saved by the user): `dirty` is now false. */
  | { type: "graphSaved" };

type Listener<E> = (event: E) => void;

export interface EventChannel<E extends { type: string }> {
  /** Every event from now on; returns the unsubscribe. */
  subscribe(listener: Listener<E>): () => void;
  /** The events of one type from now on; returns the unsubscribe. */
  on<T extends E["type"]>(type: T, listener: Listener<Extract<E, { type: T }>>): () => void;
}

/**
 * A synchronous channel: listeners run in order right after the state changed, so they see the
 * new state. A throwing listener is reported without stopping the others or the verb that emitted.
 */
export function createEventChannel<E extends { type: string }>(): EventChannel<E> & { emit(event: E): void } {
  const listeners = new Set<Listener<E>>();
  const subscribe = (listener: Listener<E>) => {
    // Wrapped so one function subscribed twice is two subscriptions, each removed by its own unsubscribe.
    const entry: Listener<E> = (e) => listener(e);
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
    };
  };
  return {
    subscribe,
    on(type, listener) {
      return subscribe((e) => {
        if (e.type === type) listener(e as Extract<E, { type: typeof type }>);
      });
    },
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
