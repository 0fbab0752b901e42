import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Autosaver,
  createAutosaver,
  MIRROR_KEY,
  type PipelineSnapshot,
  restoreOpenPipeline,
} from "./autosave";
import { openPipelineRepository, type PipelineRepository, TakenOverError } from "./db";

let n = 0;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  localStorage.clear();
});

async function setup(
  delayMs = 30,
): Promise<{ repo: PipelineRepository; saver: Autosaver; clock: { t: number } }> {
  const repo = await openPipelineRepository(`autosave-${n++}`);
  const clock = { t: 1000 };
  const saver = createAutosaver({ repo, writer: "tab-a", delayMs, now: () => clock.t });
  cleanups.push(
    () => saver.dispose(),
    () => repo.close(),
  );
  return { repo, saver, clock };
}

const snap = (yaml: string, id = "p1"): PipelineSnapshot => ({
  id,
  name: "pipe",
  yaml,
  stepCount: 1,
  dirty: false,
  createdAt: 1,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("createAutosaver", () => {
  it("saves the last of a burst of changes once the editor pauses", async () => {
    const { repo, saver } = await setup();
    saver.change(snap("a"));
    saver.change(snap("ab"));
    saver.change(snap("abc"));
    expect(await repo.get("p1")).toBeUndefined();
    await sleep(80);
    expect((await repo.get("p1"))?.yaml).toBe("abc");
    expect(await repo.getCurrentId()).toBe("p1");
  });

  it("prepares a change before writing it (its YAML written elsewhere), and writes a newer one instead", async () => {
    const { repo, saver } = await setup();
    let done = () => {};
    const prepared = new Promise<void>((r) => (done = r));
    saver.change(
      () => snap("big"),
      () => prepared,
    );
    await sleep(80);
    expect(await repo.get("p1")).toBeUndefined();
    done();
    await sleep(20);
    expect((await repo.get("p1"))?.yaml).toBe("big");

    let later = () => {};
    saver.change(
      () => snap("old"),
      () => new Promise<void>((r) => (later = r)),
    );
    await sleep(60);
    saver.change(snap("new"));
    later();
    await sleep(80);
    expect((await repo.get("p1"))?.yaml).toBe("new");
  });

  it("flush writes the pending change at once", async () => {
    const { repo, saver } = await setup(10_000);
    saver.change(snap("now"));
    await saver.flush();
    expect((await repo.get("p1"))?.yaml).toBe("now");
  });

  it("on pagehide mirrors the pending change synchronously and starts the write", async () => {
    const { repo, saver, clock } = await setup(10_000);
    clock.t = 5000;
    saver.change(snap("unsaved"));
    window.dispatchEvent(new Event("pagehide"));
    // The mirror is there before any await: a dying page keeps it.
    const key = `${MIRROR_KEY}:p1:tab-a`;
    expect(JSON.parse(localStorage.getItem(key) ?? "{}")).toMatchObject({ id: "p1", yaml: "unsaved" });
    await saver.flush();
    expect((await repo.get("p1"))?.yaml).toBe("unsaved");
    // The write finished, so the mirror is no longer needed.
    expect(localStorage.getItem(key)).toBeNull();
  });

  it("cancel drops the pending change unwritten", async () => {
    const { repo, saver } = await setup(10_000);
    saver.change(snap("mine"));
    saver.cancel();
    await saver.flush();
    expect(await repo.get("p1")).toBeUndefined();
  });

  it("reports a write refused because another tab claimed the pipeline, writes nothing, and cancel drops its mirror", async () => {
    const errors: unknown[] = [];
    const repo = await openPipelineRepository(`autosave-${n++}`);
    const saver = createAutosaver({ repo, writer: "tab-a", delayMs: 10_000, onError: (e) => errors.push(e) });
    cleanups.push(
      () => saver.dispose(),
      () => repo.close(),
    );
    saver.change(snap("first"));
    await saver.flush();
    await repo.claim("p1", "tab-b");
    saver.change(snap("late"));
    window.dispatchEvent(new Event("pagehide"));
    await saver.flush();
    expect(errors).toEqual([expect.any(TakenOverError)]);
    expect((await repo.get("p1"))?.yaml).toBe("first");
    // The refused change is still mirrored until the tab that lost the pipeline has dealt with it.
    expect(localStorage.length).toBe(1);
    saver.cancel();
    expect(localStorage.length).toBe(0);
  });
});

describe("restoreOpenPipeline", () => {
  it("reopens the pipeline open last", async () => {
    const { repo, saver } = await setup();
    saver.change(snap("first", "a"));
    await saver.flush();
    saver.change(snap("second", "b"));
    await saver.flush();
    expect((await restoreOpenPipeline(repo)).record?.yaml).toBe("second");
    // A tab that remembers its own pipeline gets that one back, even one never saved (a blank new one).
    expect((await restoreOpenPipeline(repo, { prefer: "a" })).record?.yaml).toBe("first");
    expect((await restoreOpenPipeline(repo, { prefer: "blank" })).record).toBeUndefined();
  });

  it("prefers a newer mirror left by a page that died before its write finished", async () => {
    const { repo, saver, clock } = await setup();
    saver.change(snap("stored"));
    await saver.flush();
    const key = `${MIRROR_KEY}:p1:tab-a`;
    localStorage.setItem(key, JSON.stringify({ version: 2, ...snap("mirrored"), savedAt: clock.t + 1 }));
    expect((await restoreOpenPipeline(repo)).record?.yaml).toBe("mirrored");
    expect((await repo.get("p1"))?.yaml).toBe("mirrored");
    expect(localStorage.getItem(key)).toBeNull();
  });

  it("still reads the one mirror of versions before tabs (a v1 record under the bare key)", async () => {
    const { repo, saver, clock } = await setup();
    saver.change(snap("stored"));
    await saver.flush();
    const { dirty: _none, ...v1 } = snap("mirrored");
    localStorage.setItem(MIRROR_KEY, JSON.stringify({ version: 1, ...v1, savedAt: clock.t + 1 }));
    expect((await restoreOpenPipeline(repo)).record).toMatchObject({ yaml: "mirrored", dirty: false });
    expect(localStorage.length).toBe(0);
  });

  it("keeps a mirror from a tab that had lost its pipeline as a copy, never over the new owner's work", async () => {
    const { repo, saver, clock } = await setup();
    saver.change(snap("mine"));
    await saver.flush();
    await repo.claim("p1", "tab-b");
    await repo.put({ version: 2, ...snap("theirs"), savedAt: clock.t + 1 }, "tab-b");
    // tab-a's last change, mirrored as it closed after tab-b had taken the pipeline over.
    localStorage.setItem(
      `${MIRROR_KEY}:p1:tab-a`,
      JSON.stringify({ version: 2, ...snap("mine, later"), savedAt: clock.t + 2 }),
    );
    const { record, copies } = await restoreOpenPipeline(repo);
    expect(record?.yaml).toBe("theirs");
    expect(copies.map((c) => [c.yaml, c.id === "p1"])).toEqual([["mine, later", false]]);
    expect((await repo.list()).map((r) => r.yaml).sort()).toEqual(["mine, later", "theirs"]);
  });

  it("ignores an older or corrupt mirror", async () => {
    const { repo, saver, clock } = await setup();
    clock.t = 9000;
    saver.change(snap("stored"));
    await saver.flush();
    localStorage.setItem(
      `${MIRROR_KEY}:p1:tab-a`,
      JSON.stringify({ version: 2, ...snap("stale"), savedAt: 10 }),
    );
    expect((await restoreOpenPipeline(repo)).record?.yaml).toBe("stored");
    localStorage.setItem(`${MIRROR_KEY}:p1:tab-a`, "{not json");
    expect((await restoreOpenPipeline(repo)).record?.yaml).toBe("stored");
    expect(localStorage.length).toBe(0);
  });

  it("returns nothing in a fresh browser", async () => {
    const { repo } = await setup();
    expect(await restoreOpenPipeline(repo)).toEqual({ record: undefined, copies: [] });
  });
});
