import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Autosaver,
  createAutosaver,
  MIRROR_KEY,
  type PipelineSnapshot,
  restoreOpenPipeline,
} from "./autosave";
import { openPipelineRepository, type PipelineRepository } from "./db";

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
  const saver = createAutosaver({ repo, delayMs, now: () => clock.t });
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
    expect(JSON.parse(localStorage.getItem(MIRROR_KEY) ?? "{}")).toMatchObject({ id: "p1", yaml: "unsaved" });
    await saver.flush();
    expect((await repo.get("p1"))?.yaml).toBe("unsaved");
    // The write finished, so the mirror is no longer needed.
    expect(localStorage.getItem(MIRROR_KEY)).toBeNull();
  });
});

describe("restoreOpenPipeline", () => {
  it("reopens the pipeline open last", async () => {
    const { repo, saver } = await setup();
    saver.change(snap("first", "a"));
    await saver.flush();
    saver.change(snap("second", "b"));
    await saver.flush();
    expect((await restoreOpenPipeline(repo))?.yaml).toBe("second");
  });

  it("prefers a newer mirror left by a page that died before its write finished", async () => {
    const { repo, saver, clock } = await setup();
    saver.change(snap("stored"));
    await saver.flush();
    localStorage.setItem(
      MIRROR_KEY,
      JSON.stringify({ version: 1, ...snap("mirrored"), savedAt: clock.t + 1 }),
    );
    expect((await restoreOpenPipeline(repo))?.yaml).toBe("mirrored");
    expect((await repo.get("p1"))?.yaml).toBe("mirrored");
    expect(localStorage.getItem(MIRROR_KEY)).toBeNull();
  });

  it("ignores an older or corrupt mirror", async () => {
    const { repo, saver, clock } = await setup();
    clock.t = 9000;
    saver.change(snap("stored"));
    await saver.flush();
    localStorage.setItem(MIRROR_KEY, JSON.stringify({ version: 1, ...snap("stale"), savedAt: 10 }));
    expect((await restoreOpenPipeline(repo))?.yaml).toBe("stored");
    localStorage.setItem(MIRROR_KEY, "{not json");
    expect((await restoreOpenPipeline(repo))?.yaml).toBe("stored");
  });

  it("returns nothing in a fresh browser", async () => {
    const { repo } = await setup();
    expect(await restoreOpenPipeline(repo)).toBeUndefined();
  });
});
