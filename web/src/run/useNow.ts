/**
 * A shared clock for everything that shows a running time. One timer for the page, ticking on
 * whole seconds, so twenty running badges repaint together once a second rather than twenty
 * times at scattered moments (each repaint of a 1,000-step canvas costs layerization: bench:run).
 */
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  // Align to the next whole second of the wall clock.
  timer = setTimeout(
    () => {
      now = Date.now();
      for (const listener of listeners) listener();
      schedule();
    },
    1000 - (Date.now() % 1000),
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

const noSubscription = () => () => {};
const read = () => now;

/** The current time, ticking once a second while `active` (a running clock), frozen otherwise. */
export function useNow(active: boolean): number {
  const tick = useSyncExternalStore(active ? subscribe : noSubscription, read);
  return active ? tick : Date.now();
}
