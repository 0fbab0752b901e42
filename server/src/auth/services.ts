/** What sign-in needs at run time, opened once at boot: the records, the audit log, the OpenID client. */
import { AuditLog } from "../audit/audit-log";
import type { ServerConfig } from "../config/env";
import { openRecords, type Records } from "../db";
import { OidcClient } from "./oidc";

export interface AuthServices {
  records: Records;
  audit: AuditLog;
  oidc: OidcClient | null;
  close(): void;
}

/**
 * Opens DESIGNER_DATA's records and the audit log and, with AUTH_MODE=oidc, reads the provider's
 * discovery document (failing the boot, naming OIDC_ISSUER, when it cannot).
 * `now` is the clock of sessions and audit entries (tests move it).
 */
export async function openAuthServices(
  config: Pick<ServerConfig, "auth" | "dataDir" | "audit">,
  { now = Date.now }: { now?: () => number } = {},
): Promise<AuthServices> {
  const { auth } = config;
  const oidc =
    auth.mode === "oidc" && auth.oidc && auth.publicUrl
      ? await OidcClient.discover(auth.oidc, auth.publicUrl)
      : null;
  const records = openRecords(config.dataDir, { idleMs: auth.sessionIdleMs, maxMs: auth.sessionMaxMs, now });
  const audit = new AuditLog(config.audit.path, config.audit.maxBytes, now);
  return {
    records,
    audit,
    oidc,
    close: () => {
      records.close();
      audit.close();
    },
  };
}
