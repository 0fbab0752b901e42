/**
 * The Web Locks API for unit tests (Node has none): exclusive locks with `ifAvailable`, `steal`
 * and `signal`, as the specification and the web-platform tests describe them. Every "tab" of a
 * test shares one instance, as tabs share the browser's lock manager. The real one is tested by
 * the browser tests (e2e/tests/tabs.spec.ts).
 */
import type { Locks } from "../tabs";

interface Held {
  /** Rejects the holder's request: its lock was stolen. */
  steal(): void;
}

interface Waiting {
  grant(): void;
}

export function createTestLocks(): Locks {
  const held = new Map<string, Held>();
  const queues = new Map<string, Waiting[]>();

  const next = (name: string) => {
    const waiting = queues.get(name)?.shift();
    waiting?.grant();
  };

  return {
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        const grant = () => {
          let current: Held | undefined;
          const done = (settle: () => void) => {
            if (held.get(name) === current) {
              held.delete(name);
              next(name);
            }
            settle();
          };
          // Stolen: the lock goes straight to the stealer (ahead of any queue); the holder's request rejects.
          current = { steal: () => reject(new DOMException("Lock broken by another request", "AbortError")) };
          held.set(name, current);
          Promise.resolve()
            .then(() => callback({ name, mode: "exclusive" }))
            .then(
              (value) => held.get(name) === current && done(() => resolve(value)),
              (error) => held.get(name) === current && done(() => reject(error)),
            );
        };
        if (!held.has(name)) return grant();
        if (options.steal) {
          held.get(name)?.steal();
          return grant();
        }
        if (options.ifAvailable) {
          Promise.resolve()
            .then(() => callback(null))
            .then(resolve, reject);
          return;
        }
        const waiting: Waiting = { grant };
        const queue = queues.get(name) ?? [];
        queue.push(waiting);
        queues.set(name, queue);
        options.signal?.addEventListener("abort", () => {
          const i = queue.indexOf(waiting);
          if (i < 0) return;
          queue.splice(i, 1);
          reject(options.signal?.reason ?? new DOMException("Aborted", "AbortError"));
        });
      });
    },
  };
}
