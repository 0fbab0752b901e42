/**
 * How the app's tabs share pipelines. A Web Lock per pipeline says which tab edits it: held while
 * the tab has it open, let go by the browser when the tab closes or crashes. A BroadcastChannel
 * carries what tabs tell each other: "a new version of X is saved" (tabs showing X read-only
 * follow it), "please hand X over" (Take over) and "X is free" (a tab let go of it, or is closing:
 * a tab showing it read-only may edit it now).
 *
 * Without Web Locks (they need a secure origin: https or localhost) every tab may edit; the
 * database's claim (db.ts) still keeps a tab from overwriting another one's work.
 */

/** The part of the Web Locks API (`navigator.locks`) used here. */
export interface Locks {
  request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => T | PromiseLike<T>,
  ): Promise<T>;
}

export type TabMessage =
  /** A new version of pipeline `id` is stored. */
  | { type: "saved"; id: string }
  /** A tab asks the one editing `id` to save its last change and let go. */
  | { type: "handOver"; id: string }
  /** The tab editing `id` let go of it, or is closing. */
  | { type: "released"; id: string };

/** This tab's hold on a pipeline. */
export interface Hold {
  /** Lets go of the pipeline, and tells the other tabs it is free. */
  release(): void;
}

export interface TabLink {
  /** Holds pipeline `id` unless another tab does (then null). `onLost` runs if another tab takes it by force. */
  tryHold(id: string, onLost: () => void): Promise<Hold | null>;
  /** Holds `id` as soon as it is free, waiting up to `waitMs` (then null). */
  waitHold(id: string, onLost: () => void, waitMs: number): Promise<Hold | null>;
  /** Asks the tab editing `id` to hand it over; takes it by force if it has not within `waitMs`. */
  takeOver(id: string, onLost: () => void, waitMs: number): Promise<Hold>;
  /** Runs `action` holding `id`, unless another tab holds it: then false, and `action` does not run. */
  whileFree(id: string, action: () => Promise<void>): Promise<boolean>;
  post(message: TabMessage): void;
  listen(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

const FREE: Hold = { release() {} };

export function createTabLink(
  name: string,
  {
    locks = typeof navigator === "undefined" ? null : (navigator.locks ?? null),
  }: { locks?: Locks | null } = {},
): TabLink {
  const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(name);
  const lockName = (id: string) => `${name}/pipeline/${id}`;
  let closed = false;
  const post = (message: TabMessage) => {
    if (!closed) channel?.postMessage(message);
  };
  /** Pipelines this tab holds, told free when the page goes away (the browser frees the locks). */
  const held = new Set<string>();
  const onPageHide = () => {
    for (const id of held) post({ type: "released", id });
  };
  if (typeof window !== "undefined") window.addEventListener("pagehide", onPageHide);

  /** A lock request whose grant resolves the promise; the lock is kept until `release`. */
  const hold = (id: string, options: LockOptions, onLost: () => void): Promise<Hold | null> => {
    if (!locks) return Promise.resolve(FREE);
    return new Promise((resolve, reject) => {
      let granted = false;
      let over = false;
      let letGo = () => {};
      const released = new Promise<void>((r) => {
        letGo = r;
      });
      locks
        .request(lockName(id), options, (lock) => {
          if (!lock) return resolve(null);
          granted = true;
          held.add(id);
          resolve({
            release() {
              if (over) return;
              over = true;
              held.delete(id);
              letGo();
              post({ type: "released", id });
            },
          });
          return released;
        })
        // Rejected after the grant: another tab stole the lock. Before it: the wait was aborted.
        .catch((error) => {
          if (!granted) return reject(error);
          if (over) return;
          over = true;
          held.delete(id);
          onLost();
        });
    });
  };

  const waitHold = async (id: string, onLost: () => void, waitMs: number) => {
    try {
      return await hold(id, { signal: AbortSignal.timeout(waitMs) }, onLost);
    } catch {
      return null;
    }
  };

  const listeners = new Set<(message: TabMessage) => void>();
  if (channel) {
    channel.onmessage = (e: MessageEvent) => {
      if (!isMessage(e.data)) return;
      for (const listener of [...listeners]) listener(e.data);
    };
  }

  return {
    tryHold: (id, onLost) => hold(id, { ifAvailable: true }, onLost),
    waitHold,
    async takeOver(id, onLost, waitMs) {
      post({ type: "handOver", id });
      // Not let go in time (the other tab is frozen, or busy): the lock is taken from it.
      return (await waitHold(id, onLost, waitMs)) ?? (await hold(id, { steal: true }, onLost)) ?? FREE;
    },
    async whileFree(id, action) {
      if (!locks) {
        await action();
        return true;
      }
      return locks.request(lockName(id), { ifAvailable: true }, async (lock) => {
        if (!lock) return false;
        await action();
        return true;
      });
    },
    post,
    listen(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      if (typeof window !== "undefined") window.removeEventListener("pagehide", onPageHide);
      listeners.clear();
      channel?.close();
    },
  };
}

function isMessage(data: unknown): data is TabMessage {
  const m = data as Partial<TabMessage> | null;
  return (
    (m?.type === "saved" || m?.type === "handOver" || m?.type === "released") && typeof m.id === "string"
  );
}
