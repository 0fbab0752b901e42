/**
 * Server-side sessions: the browser holds only a random id (in a signed cookie, session-cookie.ts);
 * the table holds its SHA-256, so a copy of the database signs nobody in. A session ends after
 * `idleMs` without a request or `maxMs` after sign-in, whichever comes first.
 *
 * The sessions in use are also kept in memory, so a request costs no hashing, query or parsing:
 * the table is written through and read back at least once a minute (when `seen_at` is written),
 * so a session ended by another process holding the same database ends here within a minute.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./open";

/** Who signed in, as the identity provider described them; roles are derived per request. */
export interface SessionUser {
  id: string;
  name: string;
  email: string | null;
  groups: string[];
}

export interface Session {
  user: SessionUser;
  /** Kept for RP-initiated logout (`id_token_hint`); never sent to the browser otherwise. */
  idToken: string | null;
  createdAt: number;
}

type SessionLookup = { session: Session } | { expired: true } | undefined;

export interface SessionTimes {
  idleMs: number;
  maxMs: number;
  now?: () => number;
}

// Writing `seen_at` on every request would cost a disk write per call; once a minute keeps the
// idle expiry exact to the minute.
const TOUCH_EVERY_MS = 60_000;
/** Sessions held in memory at most (the least recently used go first; the table keeps them all). */
const CACHED_SESSIONS = 10_000;

export const hashId = (id: string): string => createHash("sha256").update(id).digest("hex");

interface Row {
  user_json: string;
  id_token: string | null;
  created_at: number;
  seen_at: number;
}

interface Held {
  key: string;
  session: Session;
  seenAt: number;
}

export class SessionStore {
  private readonly now: () => number;
  private readonly held = new Map<string, Held>();
  private readonly select;
  private readonly touch;
  private readonly remove;

  constructor(
    private readonly db: Db,
    private readonly times: SessionTimes,
  ) {
    this.now = times.now ?? Date.now;
    this.select = db.prepare<[string], Row>(
      "SELECT user_json, id_token, created_at, seen_at FROM sessions WHERE id_hash = ?",
    );
    this.touch = db.prepare<[number, string]>("UPDATE sessions SET seen_at = ? WHERE id_hash = ?");
    this.remove = db.prepare<[string]>("DELETE FROM sessions WHERE id_hash = ?");
  }

  /** Starts a session and returns its id (the cookie's secret part). */
  create(user: SessionUser, idToken: string | null): string {
    this.purgeExpired();
    const id = randomBytes(32).toString("base64url");
    const now = this.now();
    this.db
      .prepare(
        "INSERT INTO sessions (id_hash, user_json, id_token, created_at, seen_at) VALUES (?, ?, ?, ?, ?)",
      )
      .run(hashId(id), JSON.stringify(user), idToken, now, now);
    return id;
  }

  /** The live session of an id; `{ expired }` (and forgotten) when it timed out. */
  get(id: string): SessionLookup {
    const held = this.held.get(id) ?? this.load(id);
    if (!held) return undefined;
    const now = this.now();
    if (now - held.seenAt > this.times.idleMs || now - held.session.createdAt > this.times.maxMs) {
      this.forget(id, held.key);
      return { expired: true };
    }
    if (now - held.seenAt > TOUCH_EVERY_MS) {
      // No row to update: another process ended the session.
      if (this.touch.run(now, held.key).changes === 0) {
        this.held.delete(id);
        return undefined;
      }
      held.seenAt = now;
    }
    // Most recently used last, so the oldest is the first to go when the map is full.
    this.held.delete(id);
    this.held.set(id, held);
    return { session: held.session };
  }

  delete(id: string): void {
    this.forget(id, this.held.get(id)?.key ?? hashId(id));
  }

  purgeExpired(): void {
    const now = this.now();
    this.db
      .prepare("DELETE FROM sessions WHERE seen_at < ? OR created_at < ?")
      .run(now - this.times.idleMs, now - this.times.maxMs);
  }

  private load(id: string): Held | undefined {
    const key = hashId(id);
    const row = this.select.get(key);
    if (!row) return undefined;
    const held: Held = {
      key,
      session: {
        user: JSON.parse(row.user_json) as SessionUser,
        idToken: row.id_token,
        createdAt: row.created_at,
      },
      seenAt: row.seen_at,
    };
    this.held.set(id, held);
    if (this.held.size > CACHED_SESSIONS) this.held.delete(this.held.keys().next().value as string);
    return held;
  }

  private forget(id: string, key: string): void {
    this.held.delete(id);
    this.remove.run(key);
  }
}
