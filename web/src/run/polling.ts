/**
 * Polling with backoff for things that are still running.
 *
 * A run is polled quickly while it changes and ever more slowly while it does not (a long
 * training step should not cost a request a second for an hour); any change, seen as a new
 * data reference thanks to TanStack Query's structural sharing, brings the pace back. Failed
 * requests back off the same way. Polling stops once the status is terminal.
 */
import { isTerminal } from "./status";

export interface PollPolicy {
  /** Delay after a change, and the first delay. */
  minMs: number;
  /** The slowest pace. */
  maxMs: number;
  /** Growth per unchanged (or failed) poll. */
  factor: number;
}

export const RUN_POLL: PollPolicy = { minMs: 1000, maxMs: 10_000, factor: 1.5 };

/** The delay after `previous`: back to the minimum on a change, otherwise grown up to the maximum. */
export function nextPollDelay(previous: number | undefined, changed: boolean, policy: PollPolicy): number {
  if (changed || previous === undefined) return policy.minMs;
  return Math.min(policy.maxMs, Math.round(previous * policy.factor));
}

/** The part of TanStack's `Query` the interval reads. */
export interface PolledQuery<T> {
  state: { data: T | undefined; dataUpdatedAt: number; errorUpdatedAt: number; error?: unknown };
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404;
}

interface Track {
  data: unknown;
  seen: number;
  delay: number;
}

// Keyed by the query itself, not by interval function: option factories make a new function on
// every render, and the pace must survive that.
const tracks = new WeakMap<object, Track>();

/**
 * A `refetchInterval` for TanStack Query: `false` once `statusOf(data)` is terminal, otherwise
 * the backed-off delay. TanStack calls it on every render and query update, so it only advances
 * when the query has a new result (`dataUpdatedAt`/`errorUpdatedAt` moved).
 */
export function backoffInterval<T>(
  statusOf: (data: T) => string | undefined,
  policy: PollPolicy = RUN_POLL,
): (query: PolledQuery<T>) => number | false {
  return (query) => {
    const { data, dataUpdatedAt, errorUpdatedAt, error } = query.state;
    if (data !== undefined && isTerminal(statusOf(data))) return false;
    // A run the server does not know (deleted, another data folder) will not appear by waiting.
    if (isNotFound(error)) return false;
    const seen = Math.max(dataUpdatedAt, errorUpdatedAt);
    const track = tracks.get(query);
    if (!track) {
      tracks.set(query, { data, seen, delay: policy.minMs });
      return policy.minMs;
    }
    if (track.seen === seen) return track.delay;
    track.delay = nextPollDelay(track.delay, data !== track.data, policy);
    track.data = data;
    track.seen = seen;
    return track.delay;
  };
}
