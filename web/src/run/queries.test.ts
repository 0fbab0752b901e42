import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { RunApi } from "./api";
import { runKeys, stepLogsQuery } from "./queries";

/** A step log that grows between reads, served in pages like the server does. */
function growingLog(pageSize: number) {
  const lines: string[] = [];
  const offsets: number[] = [];
  const api = {
    stepLogs: async (_run: string, _step: string, offset: number) => {
      offsets.push(offset);
      const logs = lines.slice(offset, offset + pageSize);
      return { logs, totalCount: lines.length, nextOffset: offset + logs.length };
    },
  } as unknown as RunApi;
  return { api, lines, offsets };
}

describe("stepLogsQuery", () => {
  it("reads only the new lines on each fetch and appends them", async () => {
    const log = growingLog(2);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    log.lines.push("start", "read 10000 rows", "converted");
    const options = stepLogsQuery(log.api, "flow-1", "convert", "Running");
    const first = await client.fetchQuery(options);
    expect(first.lines).toEqual(["start", "read 10000 rows", "converted"]);
    expect(log.offsets).toEqual([0, 2]);

    log.lines.push("wrote 10000 rows");
    log.offsets.length = 0;
    const second = await client.fetchQuery({ ...options, staleTime: 0 });
    expect(second.lines).toEqual(["start", "read 10000 rows", "converted", "wrote 10000 rows"]);
    expect(log.offsets).toEqual([3]);
  });

  it("returns the held value unchanged when nothing is new, so views do not re-render", async () => {
    const log = growingLog(10);
    log.lines.push("only line");
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = stepLogsQuery(log.api, "flow-1", "s", "Running");
    const first = await client.fetchQuery(options);
    const second = await client.fetchQuery({ ...options, staleTime: 0 });
    expect(second).toBe(first);
  });

  it("stops polling once the step has ended", () => {
    const { api } = growingLog(10);
    expect(stepLogsQuery(api, "r", "s", "Running").refetchInterval).toBe(1500);
    expect(stepLogsQuery(api, "r", "s", "Failed").refetchInterval).toBe(false);
  });

  it("keeps every key of a run under the run's prefix, so one invalidation covers them", () => {
    const prefix = runKeys.run("flow-1");
    for (const key of [
      runKeys.logs("flow-1", "s"),
      runKeys.outputs("flow-1", "s"),
      runKeys.manifest("flow-1"),
    ]) {
      expect(key.slice(0, prefix.length)).toEqual([...prefix]);
    }
  });
});
