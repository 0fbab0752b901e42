import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DB_FILE, openDb } from "./open";
import { RunCreators } from "./run-creators";

const alice = { id: "alice", name: "Alice" };
const run = { accessibility: "PRIVATE" as const, workspaceId: "ws-1" };

describe("RunCreators", () => {
  it("commits the records of one turn together, each call resolving once its row is stored", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pfd-runs-"));
    const runs = new RunCreators(openDb(dir));
    const stored = () =>
      new Database(join(dir, DB_FILE), { readonly: true })
        .prepare("SELECT run_id FROM run_creators ORDER BY run_id")
        .all()
        .map((row) => (row as { run_id: string }).run_id);
    const first = runs.record("flow-1", alice, run);
    const second = runs.record("flow-2", alice, run);
    // Read back at once, before the commit.
    expect(runs.get("flow-1")).toEqual({ createdBy: alice, accessibility: "PRIVATE" });
    await Promise.all([first, second]);
    // Another connection (another process after a restart) sees both.
    expect(stored()).toEqual(["flow-1", "flow-2"]);
  });

  it("lists and pages runs recorded a moment ago", () => {
    const runs = new RunCreators(openDb(":memory:"));
    void runs.record("flow-a", alice, run);
    void runs.record("flow-b", { id: "bob", name: "Bob" }, run);
    expect(runs.listBy("alice", { page: 1, pageSize: 10 })).toEqual({ runIds: ["flow-a"], totalCount: 1 });
    expect([...runs.getMany(["flow-a", "flow-b"]).keys()].sort()).toEqual(["flow-a", "flow-b"]);
  });
});
