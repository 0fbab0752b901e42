import "fake-indexeddb/auto";
import { newPipelineGraph, type PipelineGraph } from "@pfd/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import type { Locale } from "../i18n";
import { testT } from "../i18n/test-utils";
import { readManifestText } from "../io/codec";
import { createEditorStore, type EditorStore } from "../store";
import { openPipelineRepository } from "./db";
import { createPersistenceSession, type PersistenceSession, type SessionOptions } from "./session";
import { createTestLocks } from "./testing/locks";

let n = 0;
const stops: PersistenceSession[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s.stop();
  localStorage.clear();
  Reflect.deleteProperty(document, "visibilityState");
});

/** Puts the page behind other tabs, or in front (as the browser says with visibilitychange). */
function setVisibility(state: "hidden" | "visible") {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  document.dispatchEvent(new Event("visibilitychange"));
}

const seedGraph = (): PipelineGraph => {
  const r = readManifestText(seed);
  if (!r.ok) throw new Error("seed must read");
  return r.graph;
};

interface Tab {
  editor: EditorStore;
  session: PersistenceSession;
}

/** A browser with one database and one lock manager; each `tab()` is a page opened in it. */
function browser(extra: SessionOptions = {}) {
  const dbName = `tabs-${n++}`;
  const locks = createTestLocks();
  return {
    dbName,
    locks,
    async tab(opts: SessionOptions = {}): Promise<Tab> {
      const editor = createEditorStore();
      const session = createPersistenceSession(editor, {
        dbName,
        locks,
        delayMs: 5,
        tabMemory: null,
        handOverMs: 100,
        ...extra,
        ...opts,
      });
      stops.push(session);
      await session.start();
      return { editor, session };
    },
  };
}

const access = (t: Tab) => t.session.state.getState().access;
/** The tab's notice as the page shows it in `locale`. */
const notice = (t: Tab, locale: Locale = "en") => {
  const shown = t.editor.getState().notice;
  return shown ? testT(locale).msg(shown.message) : undefined;
};
const names = (t: Tab) => t.editor.getState().graph.steps.map((s) => s.displayName);

/** Tab `a` with the seed pipeline imported and saved. */
async function editing(b: ReturnType<typeof browser>): Promise<Tab> {
  const a = await b.tab();
  a.editor.getState().loadGraph(seedGraph(), { reason: "import" });
  await a.session.flush();
  return a;
}

describe("two tabs on one pipeline", () => {
  it("opens read-only in the second tab, which refuses edits and follows the first tab's saves", async () => {
    const b = browser();
    const a = await editing(b);
    const second = await b.tab();
    expect(second.session.state.getState().currentId).toBe(a.session.state.getState().currentId);
    expect(access(a)).toBe("editing");
    expect(access(second)).toBe("elsewhere");
    expect(names(second)).toEqual(["Read-Table-1", "Data Type Conversion-1"]);

    const before = second.editor.getState().graph;
    second.editor.getState().setDisplayName("data_source", "Mine");
    second.editor.getState().removeSteps(["data_source"]);
    expect(second.editor.getState().graph).toBe(before);
    expect(notice(second)).toMatch(/open in another tab/);
    expect(notice(second, "zh-CN")).toMatch(/已在另一个标签页中打开.*接管/);

    a.editor.getState().setDisplayName("data_source", "Orders");
    await a.session.flush();
    await vi.waitFor(() => expect(names(second)[0]).toBe("Orders"));
    // It shows the first tab's `dirty` too: the edit is not exported.
    expect(second.editor.getState().dirty).toBe(true);
    expect(access(second)).toBe("elsewhere");
  });

  it("Take over: the editing tab saves its last change, lets go, and follows from then on", async () => {
    const b = browser();
    const a = await editing(b);
    const second = await b.tab();
    // A change still waiting for autosave's pause when the other tab takes over.
    a.editor.getState().setDisplayName("data_source", "Last word");
    await second.session.takeOver();

    expect(access(second)).toBe("editing");
    expect(names(second)[0]).toBe("Last word");
    expect(access(a)).toBe("elsewhere");
    const reason = a.editor.getState().readOnly?.reason;
    expect(reason && testT().msg(reason)).toMatch(/open in another tab/);

    second.editor.getState().setDisplayName("type_transform", "Convert");
    await second.session.flush();
    await vi.waitFor(() => expect(names(a)).toEqual(["Last word", "Convert"]));

    // And back again.
    await a.session.takeOver();
    expect(access(a)).toBe("editing");
    expect(access(second)).toBe("elsewhere");
  });

  it("a tab that lost the pipeline by force never writes over the new owner; its unsaved change becomes a copy", async () => {
    const b = browser({ delayMs: 60_000 });
    const a = await editing(b);
    const id = a.session.state.getState().currentId;
    a.editor.getState().setDisplayName("data_source", "Unsaved in A");

    // Another tab took the lock from A without A answering (A was frozen, say), then claimed the
    // pipeline and saved its own version. (The lock's name is tabs.ts's.)
    let release = () => {};
    void b.locks.request(
      `${b.dbName}/pipeline/${id}`,
      { steal: true },
      () => new Promise<void>((r) => (release = r)),
    );
    const repo = await openPipelineRepository(b.dbName);
    const theirs = await repo.claim(id, "other-tab");
    if (!theirs) throw new Error("A saved the pipeline");
    await repo.put({ ...theirs, name: "theirs", savedAt: theirs.savedAt + 1 }, "other-tab");

    await vi.waitFor(() => expect(access(a)).toBe("conflict"));
    // A keeps its version on screen, read-only, and in Recent as a copy; the stored one is theirs.
    expect(names(a)[0]).toBe("Unsaved in A");
    expect(a.editor.getState().readOnly).not.toBeNull();
    await a.session.flush();
    expect((await repo.get(id))?.name).toBe("theirs");
    const copy = await vi.waitFor(async () => {
      const found = (await repo.list()).find((r) => r.id !== id);
      expect(found?.yaml).toContain("Unsaved in A");
      return found;
    });

    // Editing the copy: A edits a pipeline of its own; theirs stays as it is.
    a.session.keepAsCopy();
    expect(access(a)).toBe("editing");
    expect(a.session.state.getState().currentId).toBe(copy?.id);
    a.editor.getState().setDisplayName("type_transform", "Still mine");
    await a.session.flush();
    expect((await repo.get(copy?.id ?? ""))?.yaml).toContain("Still mine");
    expect((await repo.get(id))?.name).toBe("theirs");
    release();
    repo.close();
  });

  it("a write refused by the other tab's claim (no Web Locks) is kept too; Discard drops the copy and shows theirs", async () => {
    const b = browser({ locks: null, delayMs: 60_000 });
    const a = await editing(b);
    const id = a.session.state.getState().currentId;
    const repo = await openPipelineRepository(b.dbName);
    const theirs = await repo.claim(id, "other-tab");
    if (!theirs) throw new Error("A saved the pipeline");
    await repo.put({ ...theirs, yaml: theirs.yaml.replace("Read-Table-1", "Their name") }, "other-tab");

    a.editor.getState().setDisplayName("data_source", "Mine");
    await a.session.flush();
    await vi.waitFor(() => expect(access(a)).toBe("conflict"));
    expect((await repo.get(id))?.yaml).toContain("Their name");
    await vi.waitFor(async () => expect(await repo.list()).toHaveLength(2));

    a.session.discardMine();
    await vi.waitFor(() => expect(names(a)[0]).toBe("Their name"));
    expect(access(a)).toBe("elsewhere");
    await vi.waitFor(async () => expect((await repo.list()).map((r) => r.id)).toEqual([id]));
    repo.close();
  });

  it("when the editing tab lets go, one read-only tab edits it; another follows that one", async () => {
    const b = browser();
    const a = await editing(b);
    const second = await b.tab();
    const third = await b.tab();
    expect([access(second), access(third)]).toEqual(["elsewhere", "elsewhere"]);
    // The first tab moves on to a new pipeline (closing it does the same).
    a.editor.getState().loadGraph(newPipelineGraph(), { reason: "new" });
    await vi.waitFor(() => expect([access(second), access(third)].sort()).toEqual(["editing", "elsewhere"]));
    const [editor, follower] = access(second) === "editing" ? [second, third] : [third, second];
    expect(notice(editor)).toMatch(/edit it here now/);
    editor.editor.getState().setDisplayName("data_source", "Next owner");
    await editor.session.flush();
    await vi.waitFor(() => expect(names(follower)[0]).toBe("Next owner"));

    await editor.session.stop();
    await vi.waitFor(() => expect(access(follower)).toBe("editing"));
  });

  it("a tab in the background takes a freed pipeline only once it comes to the front", async () => {
    const b = browser();
    const a = await editing(b);
    const second = await b.tab();
    setVisibility("hidden");
    // The editing tab moves on (or reloads: a tab behind must not take its pipeline meanwhile).
    a.editor.getState().loadGraph(newPipelineGraph(), { reason: "new" });
    await a.session.flush();
    await new Promise((r) => setTimeout(r, 100));
    expect(access(second)).toBe("elsewhere");
    setVisibility("visible");
    await vi.waitFor(() => expect(access(second)).toBe("editing"));
  });

  it("a new pipeline in the read-only tab is its own, edited there", async () => {
    const b = browser();
    await editing(b);
    const second = await b.tab();
    expect(access(second)).toBe("elsewhere");
    second.editor.getState().loadGraph(newPipelineGraph(), { reason: "new" });
    expect(access(second)).toBe("editing");
    second.editor.getState().setPipelineMetadata({ name: "second's own" });
    expect(second.editor.getState().graph.metadata.name).toBe("second's own");
  });

  it("refuses to remove a pipeline open in another tab", async () => {
    const b = browser();
    const a = await editing(b);
    const id = a.session.state.getState().currentId;
    const second = await b.tab();
    second.editor.getState().loadGraph(seedGraph(), { reason: "template" });
    await second.session.remove(id);
    expect(notice(second)).toMatch(/open in another tab/);
    expect(second.session.state.getState().recent.map((r) => r.id)).toContain(id);
  });
});
