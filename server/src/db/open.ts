/**
 * The designer's own records (sessions, sign-in attempts, who ran what) in one SQLite file,
 * `designer.db` in DESIGNER_DATA: embedded, nothing to start, and it survives restarts.
 * The schema grows by migrations, one per version (`PRAGMA user_version`).
 */
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

export const DB_FILE = "designer.db";

const MIGRATIONS: ((db: Db) => void)[] = [
  function migrateV1(db) {
    db.exec(`
      CREATE TABLE sessions (
        id_hash    TEXT PRIMARY KEY,
        user_json  TEXT NOT NULL,
        id_token   TEXT,
        created_at INTEGER NOT NULL,
        seen_at    INTEGER NOT NULL
      );
      CREATE TABLE sign_in_attempts (
        state         TEXT PRIMARY KEY,
        binding_hash  TEXT NOT NULL,
        nonce         TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        return_to     TEXT NOT NULL,
        created_at    INTEGER NOT NULL
      );
      CREATE TABLE run_creators (
        run_id        TEXT PRIMARY KEY,
        user_id       TEXT NOT NULL,
        user_name     TEXT NOT NULL,
        accessibility TEXT,
        workspace_id  TEXT,
        created_at    INTEGER NOT NULL
      );
      CREATE INDEX run_creators_by_user ON run_creators (user_id, created_at DESC);
    `);
  },
];

/** Brings a database to the newest schema; each step runs in a transaction with its version bump. */
function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `${db.name} was written by a newer PAIFlow Designer (schema ${current}, this one knows ${MIGRATIONS.length})`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      MIGRATIONS[version]?.(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Opens (creating) `designer.db` in `dir`, readable by this user only; ":memory:" for a throwaway one. */
export function openDb(dir: string): Db {
  let db: Db;
  if (dir === ":memory:") {
    db = new Database(":memory:");
  } else {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, DB_FILE);
    db = new Database(file);
    // It holds session ids' hashes and ID tokens (for sign-out): not for other users of the machine.
    chmodSync(file, 0o600);
    db.pragma("journal_mode = WAL");
    // With WAL, NORMAL syncs at checkpoints rather than on every commit (SQLite's advice for WAL):
    // a crash of the process loses nothing; only a power cut may lose the last records.
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("busy_timeout = 2000");
  migrate(db);
  return db;
}
