import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { openPipelineRepository, type PipelineRepository, TakenOverError } from "./db";
import type { SavedPipeline } from "./record";

let n = 0;
let repo: PipelineRepository | undefined;
afterEach(() => repo?.close());

const open = async (onUnreadable?: (id: string, reason: string) => void) => {
  repo = await openPipelineRepository(`test-${n++}`, onUnreadable);
  return repo;
};

const record = (id: string, savedAt: number): SavedPipeline => ({
  version: 2,
  id,
  name: id,
  yaml: `# ${id}\n`,
  stepCount: 1,
  dirty: false,
  createdAt: 0,
  savedAt,
});

describe("openPipelineRepository", () => {
  it("saves, reads back and overwrites a pipeline by id", async () => {
    const r = await open();
    await r.put(record("a", 1), "tab-a");
    await r.put({ ...record("a", 2), yaml: "changed\n" }, "tab-a");
    expect(await r.get("a")).toEqual({ ...record("a", 2), yaml: "changed\n" });
    expect(await r.get("missing")).toBeUndefined();
  });

  it("lists the most recently saved first, up to the limit", async () => {
    const r = await open();
    await r.put(record("old", 1), "tab-a");
    await r.put(record("new", 3), "tab-a");
    await r.put(record("mid", 2), "tab-a");
    expect((await r.list()).map((p) => p.id)).toEqual(["new", "mid", "old"]);
    expect((await r.list(2)).map((p) => p.id)).toEqual(["new", "mid"]);
    await r.remove("new");
    expect((await r.list()).map((p) => p.id)).toEqual(["mid", "old"]);
  });

  it("after a claim, refuses writes from anyone but the claimer, in the write's own transaction", async () => {
    const r = await open();
    await r.put(record("a", 1), "tab-a");
    // The second tab takes the pipeline over: it reads what the first had written.
    expect((await r.claim("a", "tab-b"))?.savedAt).toBe(1);
    // The first tab's late write is refused, naming what was not written, and changes nothing.
    const late = { ...record("a", 2), yaml: "late\n" };
    await expect(r.put(late, "tab-a")).rejects.toThrow(TakenOverError);
    await expect(r.put(late, "tab-a")).rejects.toMatchObject({ record: late });
    expect((await r.get("a"))?.savedAt).toBe(1);
    await r.put(record("a", 3), "tab-b");
    expect((await r.get("a"))?.savedAt).toBe(3);
    // Removing a pipeline forgets its claim: a new pipeline under that id is anyone's.
    await r.remove("a");
    await r.put(record("a", 4), "tab-a");
    expect((await r.get("a"))?.savedAt).toBe(4);
  });

  it("remembers the open pipeline", async () => {
    const r = await open();
    expect(await r.getCurrentId()).toBeUndefined();
    await r.setCurrentId("a");
    expect(await r.getCurrentId()).toBe("a");
  });

  it("skips and reports a record from a newer app instead of failing the list", async () => {
    const reports: string[] = [];
    const r = await open((id, reason) => reports.push(`${id}: ${reason}`));
    await r.put(record("ok", 1), "tab-a");
    await r.put({ ...record("future", 2), version: 9 } as unknown as SavedPipeline, "tab-a");
    expect((await r.list()).map((p) => p.id)).toEqual(["ok"]);
    expect(await r.get("future")).toBeUndefined();
    expect(reports[0]).toMatch(/^future: saved by a newer version/);
  });
});
