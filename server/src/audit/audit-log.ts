/**
 * The audit log (AUDIT_LOG): one JSON line per sign-in, sign-out and run action, appended and
 * rotated by size (`audit.log` -> `audit.log.1` ... `.5`). Entries are built from named fields
 * only, so a secret, cookie, token or manifest body has no way in.
 *
 * Writes are synchronous: an action the server answered is in the file before the answer leaves
 * (written to the operating system, as appendFileSync did; neither waits for the disk). The file
 * stays open between writes: opening and closing it for every line cost a run submission three
 * system calls instead of one.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export type AuditAction =
  | "sign-in"
  | "sign-out"
  | "run.create"
  | "run.terminate"
  | "run.rerun"
  | "run.start"
  | "draft.create"
  | "draft.save"
  | "folder.create";

type AuditOutcome = "success" | "denied" | "failure";

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  user: { id: string; name: string } | null;
  /** Ids of what the action was about (`pipelineRunId`, ...). */
  target?: Record<string, string>;
  /** The error code of a denial or failure. */
  code?: string;
  requestId?: string;
  /** The client's address (through TRUSTED_PROXIES when set). */
  ip?: string;
}

/** Old files kept beside the current one. */
export const AUDIT_KEEP = 5;

export class AuditLog {
  private size: number;
  private fd: number | undefined;

  constructor(
    readonly path: string,
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.size = Math.max(0, sizeOf(path));
  }

  write(entry: AuditEntry): void {
    const { action, outcome, user, target, code, requestId, ip } = entry;
    const line = `${JSON.stringify({
      time: new Date(this.now()).toISOString(),
      action,
      outcome,
      user: user ? { id: user.id, name: user.name } : null,
      ...(target ? { target } : {}),
      ...(code ? { code } : {}),
      ...(requestId ? { requestId } : {}),
      ...(ip ? { ip } : {}),
    })}\n`;
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    this.fd ??= openSync(this.path, "a", 0o600);
    writeSync(this.fd, line);
    this.size += bytes;
  }

  /** Closes the file (it reopens on the next write). */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }

  private rotate(): void {
    this.close();
    rmSync(`${this.path}.${AUDIT_KEEP}`, { force: true });
    for (let n = AUDIT_KEEP - 1; n >= 1; n--) {
      const from = `${this.path}.${n}`;
      if (sizeOf(from) >= 0) renameSync(from, `${this.path}.${n + 1}`);
    }
    renameSync(this.path, `${this.path}.1`);
    this.size = 0;
  }
}

/** Bytes in a file; -1 when it does not exist. */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}
