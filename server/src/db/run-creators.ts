/** Who started each run through this server, with the run's accessibility: for createdBy, "Mine" and access rules. */
import type { RunAccess, RunCreator } from "@pfd/shared";
import type { Db } from "./open";

export interface RunRecord extends RunAccess {
  createdBy: RunCreator;
  accessibility: "PUBLIC" | "PRIVATE" | null;
}

interface Row {
  run_id: string;
  user_id: string;
  user_name: string;
  accessibility: "PUBLIC" | "PRIVATE" | null;
}

const toRecord = (row: Row): RunRecord => ({
  createdBy: { id: row.user_id, name: row.user_name },
  accessibility: row.accessibility,
});

export class RunCreators {
  private readonly selectOne;
  // Prepared once: compiling the statement on every run showed in the server's CPU profile.
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.selectOne = db.prepare<[string], Row>(
      "SELECT run_id, user_id, user_name, accessibility FROM run_creators WHERE run_id = ?",
    );
    this.insert = db.prepare<[string, string, string, string | null, string | null, number]>(
      "INSERT OR REPLACE INTO run_creators (run_id, user_id, user_name, accessibility, workspace_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    );
  }

  record(
    runId: string,
    creator: RunCreator,
    run: { accessibility: "PUBLIC" | "PRIVATE" | null; workspaceId: string | null },
  ): void {
    this.insert.run(runId, creator.id, creator.name, run.accessibility, run.workspaceId, this.now());
  }

  get(runId: string): RunRecord | undefined {
    const row = this.selectOne.get(runId);
    return row ? toRecord(row) : undefined;
  }

  /** The records of several runs at once (a page of the runs list). */
  getMany(runIds: readonly string[]): Map<string, RunRecord> {
    if (runIds.length === 0) return new Map();
    const rows = this.db
      .prepare<string[], Row>(
        `SELECT run_id, user_id, user_name, accessibility FROM run_creators WHERE run_id IN (${runIds.map(() => "?").join(",")})`,
      )
      .all(...runIds);
    return new Map(rows.map((row) => [row.run_id, toRecord(row)]));
  }

  /** A page of the runs a user started, newest first, optionally in one workspace. */
  listBy(
    userId: string,
    page: { page: number; pageSize: number; workspaceId?: string | undefined },
  ): { runIds: string[]; totalCount: number } {
    const where = page.workspaceId === undefined ? "user_id = ?" : "user_id = ? AND workspace_id = ?";
    const args = page.workspaceId === undefined ? [userId] : [userId, page.workspaceId];
    const total = this.db
      .prepare<string[], { n: number }>(`SELECT count(*) AS n FROM run_creators WHERE ${where}`)
      .get(...args);
    const rows = this.db
      .prepare<(string | number)[], { run_id: string }>(
        `SELECT run_id FROM run_creators WHERE ${where} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, page.pageSize, (page.page - 1) * page.pageSize);
    return { runIds: rows.map((row) => row.run_id), totalCount: total?.n ?? 0 };
  }
}
