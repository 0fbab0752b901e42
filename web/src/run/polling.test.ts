import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffInterval, nextPollDelay, type PollPolicy } from "./polling";

const policy: PollPolicy = { minMs: 100, maxMs: 1000, factor: 2 };

describe("nextPollDelay", () => {
  it("starts at the minimum and grows while nothing changes, up to the maximum", () => {
    const delays: number[] = [];
    let d: number | undefined;
    for (let i = 0; i < 7; i++) {
      d = nextPollDelay(d, false, policy);
      delays.push(d);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it("returns to the minimum on a change", () => {
    expect(nextPollDelay(800, true, policy)).toBe(100);
  });
});

describe("backoffInterval with a real QueryObserver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("polls fast while the run changes, slows while it does not, and stops at a terminal status", async () => {
    // What the fake server answers on each poll, in order.
    const answers = [
      "Running:a",
      "Running:a",
      "Running:a",
      "Running:b",
      "Running:b",
      "Succeeded:c",
      "Succeeded:c",
    ];
    const fetchTimes: number[] = [];
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const start = Date.now();
    const observer = new QueryObserver(client, {
      queryKey: ["run", "r1"],
      queryFn: async () => {
        fetchTimes.push(Date.now() - start);
        const [status, step] = (answers.shift() ?? "Succeeded:c").split(":");
        return { status, steps: [{ name: step }] };
      },
      refetchInterval: backoffInterval((d: { status?: string }) => d.status, policy),
      refetchIntervalInBackground: true,
    });
    const unsubscribe = observer.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(10_000);
    unsubscribe();
    client.clear();

    // fetch 1 at 0; unchanged -> 100 (first), unchanged -> 200, changed -> 100, unchanged -> 200, then terminal.
    const gaps = fetchTimes.slice(1).map((t, i) => t - (fetchTimes[i] ?? 0));
    expect(gaps).toEqual([100, 200, 400, 100, 200]);
    expect(fetchTimes).toHaveLength(6);
  });

  it("backs off on failed requests too", async () => {
    const fetchTimes: number[] = [];
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const start = Date.now();
    const observer = new QueryObserver(client, {
      queryKey: ["run", "down"],
      queryFn: async (): Promise<{ status: string }> => {
        fetchTimes.push(Date.now() - start);
        throw new Error("server down");
      },
      refetchInterval: backoffInterval((d: { status: string }) => d.status, policy),
      refetchIntervalInBackground: true,
    });
    const unsubscribe = observer.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(4000);
    unsubscribe();
    client.clear();
    const gaps = fetchTimes.slice(1).map((t, i) => t - (fetchTimes[i] ?? 0));
    // A failure never counts as progress: the pace slows from the first one.
    expect(gaps.slice(0, 5)).toEqual([200, 400, 800, 1000, 1000]);
  });
});

describe("backoffInterval across renders", () => {
  it("keeps the pace when option factories make a new interval function each render", () => {
    const query = { state: { data: { status: "Running" }, dataUpdatedAt: 1, errorUpdatedAt: 0 } };
    const statusOf = (d: { status: string }) => d.status;
    expect(backoffInterval(statusOf, policy)(query)).toBe(100);
    query.state = { ...query.state, dataUpdatedAt: 2 };
    expect(backoffInterval(statusOf, policy)(query)).toBe(200);
    query.state = { ...query.state, dataUpdatedAt: 3 };
    expect(backoffInterval(statusOf, policy)(query)).toBe(400);
  });
});

describe("backoffInterval and missing runs", () => {
  it("stops polling a run the server answers 404 for", () => {
    const query = {
      state: { data: undefined, dataUpdatedAt: 0, errorUpdatedAt: 5, error: { status: 404 } },
    };
    expect(backoffInterval((d: { status: string }) => d.status, policy)(query)).toBe(false);
  });
});
