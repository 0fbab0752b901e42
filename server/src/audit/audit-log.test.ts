import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_KEEP, AuditLog } from "./audit-log";

const dir = () => mkdtempSync(join(tmpdir(), "pfd-audit-"));
const lines = (path: string) => readFileSync(path, "utf8").trim().split("\n");

describe("AuditLog", () => {
  it("appends one JSON line per entry, in order, with the time first", () => {
    const path = join(dir(), "nested", "audit.log");
    const log = new AuditLog(path, 1024 * 1024, () => Date.UTC(2026, 0, 2, 3, 4, 5));
    log.write({
      action: "sign-in",
      outcome: "success",
      user: { id: "alice", name: "Alice" },
      requestId: "r1",
    });
    log.write({
      action: "run.create",
      outcome: "denied",
      user: null,
      target: { pipelineRunId: "flow-1" },
      code: "Forbidden",
    });
    // Reopened, it goes on appending after what is there.
    new AuditLog(path, 1024 * 1024).write({ action: "sign-out", outcome: "success", user: null });
    const written = lines(path).map((line) => JSON.parse(line));
    expect(written[0]).toEqual({
      time: "2026-01-02T03:04:05.000Z",
      action: "sign-in",
      outcome: "success",
      user: { id: "alice", name: "Alice" },
      requestId: "r1",
    });
    expect(Object.keys(written[1])).toEqual(["time", "action", "outcome", "user", "target", "code"]);
    expect(written.map((e) => e.action)).toEqual(["sign-in", "run.create", "sign-out"]);
  });

  it("writes only its own fields: whatever else an entry carries stays out", () => {
    const path = join(dir(), "audit.log");
    const entry = {
      action: "sign-in",
      outcome: "success",
      user: { id: "a", name: "A", idToken: "ey.secret" },
    };
    new AuditLog(path, 1024).write({ ...entry, cookie: "pfd_session=x" } as never);
    expect(readFileSync(path, "utf8")).not.toMatch(/secret|pfd_session/);
  });

  it(`rotates by size, keeping ${AUDIT_KEEP} old files`, () => {
    const path = join(dir(), "audit.log");
    const log = new AuditLog(path, 300);
    for (let i = 0; i < 40; i++) {
      log.write({
        action: "run.create",
        outcome: "success",
        user: null,
        target: { pipelineRunId: `flow-${i}` },
      });
    }
    expect(readFileSync(path).length).toBeLessThanOrEqual(300);
    for (let n = 1; n <= AUDIT_KEEP; n++) expect(existsSync(`${path}.${n}`), `${path}.${n}`).toBe(true);
    expect(existsSync(`${path}.${AUDIT_KEEP + 1}`)).toBe(false);
    // The newest entry is last in the current file; the one before it ended the first old file.
    const current = lines(path).map((line) => JSON.parse(line).target.pipelineRunId);
    expect(current.at(-1)).toBe("flow-39");
    const previous = lines(`${path}.1`).map((line) => JSON.parse(line).target.pipelineRunId);
    expect(previous.at(-1)).toBe(`flow-${39 - current.length}`);
  });
});
