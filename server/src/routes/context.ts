/** What the routes are given: nothing is imported as a global, so tests build their own. */
import type { ComponentsResponse } from "@pfd/shared";
import type { AuditLog } from "../audit/audit-log";
import type { OidcClient } from "../auth/oidc";
import type { ServerConfig } from "../config/env";
import type { Records } from "../db";
import type { PaiflowClient } from "../paiflow/client";
import type { PaistudioClient } from "../paistudio/client";
import type { Components } from "../paistudio/components";
import type { WorkspaceDesign } from "../paistudio/design";
import type { Drafts } from "../paistudio/drafts";

export interface AppContext {
  config: ServerConfig;
  /** The mode decided at boot (`auto` already resolved). */
  mode: "local" | "cloud";
  /** `host[:port]` of the PAIFlow the client calls. */
  endpoint: string;
  paiflow: PaiflowClient;
  /** The components validation checks against (with a workspace: those whose definition is loaded). */
  components: () => Promise<ComponentsResponse>;
  /** The PAI workspace layer (palette, drafts, templates); absent, the palette is `components()`. */
  workspace?: WorkspaceContext;
  /** Folder of the built web app; null or missing: not served. */
  webDist: string | null;
  /** Sessions, sign-ins under way and who ran what (SQLite in DESIGNER_DATA). */
  records: Records;
  audit: AuditLog;
  /** The OpenID provider's client, discovered at boot; null unless AUTH_MODE=oidc. */
  oidc: OidcClient | null;
}

export interface WorkspaceContext {
  /** The palette: workspace (or built-in) and COMPONENTS_DIR components, definitions on demand. */
  palette: Components;
  /** PAI Designer's backend (PaiStudio) of the mode: the cloud's, or the local service's. */
  studio: PaistudioClient;
  /** The workspace drafts are read from and saved to (PAI_WORKSPACE_ID, or `local`); undefined: none. */
  workspaceId: string | undefined;
  /** Drafts of that workspace; undefined when there is no workspace. */
  drafts: Drafts | undefined;
  /** Tables, node schemas and runs' tables at design time; undefined when there is no workspace. */
  design: WorkspaceDesign | undefined;
}
