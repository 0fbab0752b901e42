/**
 * How the app's tabs share pipelines. A Web Lock per pipeline says which tab edits it: held while
 * the tab has it open, let go by the browser when the tab closes or crashes. A BroadcastChannel
 * carries what tabs tell each other: "a new version of X is saved" (tabs showing X read-only
 * follow it) and "please hand X over" (Take over).
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
  | { type: "handOver"; id: string };

/** This tab's hold on a pipeline. */
export interface Hold {
  release(): void;
}

export interface TabLink {
  /** Holds pipeline `id` unless another tab does (then null). `onLost` runs if another tab takes it by force. */
  tryHold(id: string, onLost: () => void): Promise<Hold | null>;
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

  /** A lock request whose grant resolves the promise; the lock is kept until `release`. */
  const hold = (id: string, options: LockOptions, onLost: () => void): Promise<Hold | null> => {
    if (!locks) return Promise.resolve(FREE);
    return new Promise((resolve, reject) => {
      let granted = false;
      let release = () => {};
      const released = new Promise<void>((r) => {
        release = r;
      });
      locks
        .request(lockName(id), options, (lock) => {
          if (!lock) return resolve(null);
          granted = true;
          resolve({ release });
          return released;
        })
        // Rejected after the grant: another tab stole the lock. Before it: the wait was aborted.
        .catch((error) => (granted ? onLost() : reject(error)));
    });
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
    async takeOver(id, onLost, waitMs) {
      channel?.postMessage({ type: "handOver", id } satisfies TabMessage);
      try {
        const held = await hold(id, { signal: AbortSignal.timeout(waitMs) }, onLost);
        if (held) return held;
      } catch {
        // The other tab did not let go in time (frozen, busy): take the lock from it.
      }
      return (await hold(id, { steal: true }, onLost)) ?? FREE;
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
    post(message) {
      channel?.postMessage(message);
    },
    listen(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      listeners.clear();
      channel?.close();
    },
  };
}

function isMessage(data: unknown): data is TabMessage {
  const m = data as Partial<TabMessage> | null;
  return (m?.type === "saved" || m?.type === "handOver") && typeof m.id === "string";
}
