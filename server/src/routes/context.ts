/** What the routes are given: nothing is imported as a global, so tests build their own. */
import type { ComponentsResponse } from "@pfd/shared";
import type { AuditLog } from "../audit/audit-log";
import type { OidcClient } from "../auth/oidc";
import type { ServerConfig } from "../config/env";
import type { Records } from "../db";
import type { PaiflowClient } from "../paiflow/client";

export interface AppContext {
  config: ServerConfig;
  /** The mode decided at boot (`auto` already resolved). */
  mode: "local" | "cloud";
  /** `host[:port]` of the PAIFlow the client calls. */
  endpoint: string;
  paiflow: PaiflowClient;
  /** The catalog plus COMPONENTS_DIR's components. */
  components: () => Promise<ComponentsResponse>;
  /** Folder of the built web app; null or missing: not served. */
  webDist: string | null;
  /** Sessions, sign-ins under way and who ran what (SQLite in DESIGNER_DATA). */
  records: Records;
  audit: AuditLog;
  /** The OpenID provider's client, discovered at boot; null unless AUTH_MODE=oidc. */
  oidc: OidcClient | null;
}
