import "fake-indexeddb/auto";
import { newPipelineGraph, type PipelineGraph } from "@pfd/shared";
import { afterEach, describe, expect, it } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { readManifestText } from "../io/codec";
import { createEditorStore, type EditorStore } from "../store";
import { openPipelineRepository } from "./db";
import { createPersistenceSession, type PersistenceSession } from "./session";

let n = 0;
const stops: PersistenceSession[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s.stop();
  localStorage.clear();
  sessionStorage.clear();
});

const seedGraph = (): PipelineGraph => {
  const r = readManifestText(seed);
  if (!r.ok) throw new Error("seed must read");
  return r.graph;
};

/** A page load: a fresh editor and a session on the same database. */
async function load(dbName: string): Promise<{ editor: EditorStore; session: PersistenceSession }> {
  const editor = createEditorStore();
  const session = createPersistenceSession(editor, { dbName, delayMs: 5 });
  stops.push(session);
  await session.start();
  return { editor, session };
}

const settle = async (session: PersistenceSession) => {
  await session.flush();
  await session.stop();
};

describe("persistence session", () => {
  it("restores the open pipeline, edits included, after a reload", async () => {
    const db = `session-${n++}`;
    const first = await load(db);
    first.editor.getState().loadGraph(seedGraph(), { reason: "import" });
    first.editor.getState().setDisplayName("data_source", "Orders");
    await settle(first.session);

    const second = await load(db);
    const graph = second.editor.getState().graph;
    expect(graph.steps.map((s) => s.displayName)).toEqual(["Orders", "Data Type Conversion-1"]);
    expect(second.session.state.getState().currentId).toBe(first.session.state.getState().currentId);
    // The edit was never exported: after the reload it still says so.
    expect(second.editor.getState().dirty).toBe(true);
  });

  it("keeps `dirty` with the pipeline: exported (markSaved) it reopens clean", async () => {
    const db = `session-${n++}`;
    const first = await load(db);
    first.editor.getState().loadGraph(seedGraph(), { reason: "import" });
    first.editor.getState().setDisplayName("data_source", "Orders");
    first.editor.getState().markSaved();
    await settle(first.session);
    const second = await load(db);
    expect(second.editor.getState().graph.steps[0]?.displayName).toBe("Orders");
    expect(second.editor.getState().dirty).toBe(false);
    // An edit, undone: back at the version reopened, which was the exported one.
    second.editor.getState().setDisplayName("data_source", "Other");
    expect(second.editor.getState().dirty).toBe(true);
    second.editor.getState().undo();
    expect(second.editor.getState().dirty).toBe(false);
  });

  it("gives every loaded pipeline its own record, so the one replaced stays in Recent", async () => {
    const db = `session-${n++}`;
    const { editor, session } = await load(db);
    editor.getState().loadGraph(seedGraph(), { reason: "import" });
    const seedId = session.state.getState().currentId;
    editor.getState().loadGraph(newPipelineGraph(), { reason: "new" });
    editor.getState().setPipelineMetadata({ name: "fresh" });
    expect(session.state.getState().currentId).not.toBe(seedId);
    await settle(session);
    await session.start();
    // (Both may be saved within one millisecond: the order is db.test's business.)
    const names = session.state.getState().recent.map((r) => r.name);
    expect(names.sort()).toEqual(["fresh", "source-transform"]);

    // Reopening the first brings it back under its own id.
    await session.reopen(seedId);
    expect(editor.getState().graph.steps).toHaveLength(2);
    expect(session.state.getState().currentId).toBe(seedId);
  });

  it("does not restore over an editor the user already changed", async () => {
    const db = `session-${n++}`;
    const first = await load(db);
    first.editor.getState().loadGraph(seedGraph(), { reason: "import" });
    await settle(first.session);

    const editor = createEditorStore();
    const session = createPersistenceSession(editor, { dbName: db, delayMs: 5 });
    stops.push(session);
    const starting = session.start();
    editor.getState().setPipelineMetadata({ name: "typed-before-restore" });
    await starting;
    expect(editor.getState().graph.metadata.name).toBe("typed-before-restore");
    await settle(session);
    const repo = await openPipelineRepository(db);
    expect((await repo.list()).map((r) => r.name)).toContain("typed-before-restore");
    repo.close();
  });

  it("keeps a blank new pipeline out of Recent, and a reload opens it blank", async () => {
    const db = `session-${n++}`;
    const first = await load(db);
    first.editor.getState().loadGraph(seedGraph(), { reason: "import" });
    await first.session.flush();
    first.editor.getState().loadGraph(newPipelineGraph(), { reason: "new" });
    await settle(first.session);

    const second = await load(db);
    expect(second.editor.getState().graph.steps).toHaveLength(0);
    expect(second.session.state.getState().recent.map((r) => r.name)).toEqual(["source-transform"]);
  });

  it("restores a half-built pipeline, validation errors and all", async () => {
    const db = `session-${n++}`;
    const first = await load(db);
    first.editor.getState().loadGraph(seedGraph(), { reason: "import" });
    // Data Type Conversion loses its source: its required input is no longer connected.
    first.editor.getState().removeSteps(["data_source"]);
    await settle(first.session);

    const second = await load(db);
    expect(second.editor.getState().graph.steps.map((s) => s.name)).toEqual(["type_transform"]);
    expect(second.editor.getState().notice).toBeNull();
  });
});
