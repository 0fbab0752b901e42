import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openRecords } from "./index";
import { DB_FILE, openDb } from "./open";
import { SignInAttempts } from "./sign-in-attempts";

const user = { id: "alice", name: "Alice", email: "alice@example.com", groups: ["runners"] };
const MINUTE = 60_000;

describe("SessionStore", () => {
  it("keeps sessions across a reopen, stores only the id's hash, and is private to its user", () => {
    const dir = mkdtempSync(join(tmpdir(), "pfd-db-"));
    const first = openRecords(dir, { idleMs: 60 * MINUTE, maxMs: 600 * MINUTE });
    const id = first.sessions.create(user, "id-token");
    first.close();
    const file = join(dir, DB_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).includes(Buffer.from(id))).toBe(false);
    const second = openRecords(dir, { idleMs: 60 * MINUTE, maxMs: 600 * MINUTE });
    expect(second.sessions.get(id)).toMatchObject({ session: { user, idToken: "id-token" } });
    second.sessions.delete(id);
    expect(second.sessions.get(id)).toBeUndefined();
    second.close();
  });

  it("ends a session after the idle time without use, and at the absolute limit however busy", () => {
    let t = 0;
    const records = openRecords(":memory:", { idleMs: 30 * MINUTE, maxMs: 120 * MINUTE, now: () => t });
    const idle = records.sessions.create(user, null);
    t += 29 * MINUTE;
    expect(records.sessions.get(idle)).toHaveProperty("session");
    t += 29 * MINUTE; // 29 minutes since it was last used
    expect(records.sessions.get(idle)).toHaveProperty("session");
    t += 31 * MINUTE;
    expect(records.sessions.get(idle)).toEqual({ expired: true });
    expect(records.sessions.get(idle)).toBeUndefined(); // forgotten once found expired

    const busy = records.sessions.create(user, null);
    for (let i = 0; i < 11; i++) {
      t += 10 * MINUTE;
      expect(records.sessions.get(busy)).toHaveProperty("session");
    }
    t += 11 * MINUTE;
    expect(records.sessions.get(busy)).toEqual({ expired: true });
  });

  it("notices within a minute a session ended by another process on the same database", () => {
    let t = 0;
    const dir = mkdtempSync(join(tmpdir(), "pfd-db-"));
    const times = { idleMs: 60 * MINUTE, maxMs: 600 * MINUTE, now: () => t };
    const here = openRecords(dir, times);
    const there = openRecords(dir, times);
    const id = here.sessions.create(user, null);
    expect(here.sessions.get(id)).toHaveProperty("session");
    there.sessions.delete(id);
    t += 2 * MINUTE;
    expect(here.sessions.get(id)).toBeUndefined();
    here.close();
    there.close();
  });

  it("binds a sign-in attempt to its browser and lets it be used once", () => {
    const records = openRecords(":memory:", { idleMs: MINUTE, maxMs: MINUTE });
    const attempt = { state: "s1", nonce: "n", codeVerifier: "v", returnTo: "/x" };
    records.signIns.save("browser-1", attempt);
    expect(records.signIns.take("browser-2", "s1")).toBeUndefined();
    expect(records.signIns.take("browser-1", "s1")).toEqual(attempt);
    expect(records.signIns.take("browser-1", "s1")).toBeUndefined();
  });

  it("keeps at most so many sign-ins under way, dropping the oldest", () => {
    const attempts = new SignInAttempts(openDb(":memory:"), Date.now, 3);
    for (let i = 1; i <= 5; i++) {
      attempts.save("b", { state: `s${i}`, nonce: "n", codeVerifier: "v", returnTo: "/" });
    }
    expect(attempts.take("b", "s2")).toBeUndefined();
    expect(attempts.take("b", "s3")).toBeDefined();
    expect(attempts.take("b", "s5")).toBeDefined();
  });
});
