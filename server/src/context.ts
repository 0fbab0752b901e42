/**
 * What the app is built from, given a PAI connection: the workspace layer (palette, drafts,
 * design-time schemas) over the connection's clients, and the sign-in services. The server's boot
 * and every test or benchmark that serves the app build it here, so they serve what ships.
 */
import type { AuthServices } from "./auth/services";
import { loadComponents } from "./config/components";
import { maxComputeEndpoint, type ServerConfig } from "./config/env";
import type { PaiflowConnection } from "./paiflow/connect";
import { workspaceLayer } from "./paistudio/context";
import type { AppContext } from "./routes/context";

export function appContext(
  config: ServerConfig,
  connection: Pick<PaiflowConnection, "mode" | "endpoint" | "client" | "studio">,
  services: AuthServices,
  webDist: string | null,
): AppContext {
  const layer = workspaceLayer({
    mode: connection.mode,
    workspaceId: config.workspaceId,
    paiflow: connection.client,
    studio: connection.studio,
    loadCustom: () => loadComponents(config.componentsDir),
    maxCompute: { project: config.maxComputeProject, endpoint: maxComputeEndpoint(config) },
  });
  return {
    config,
    mode: connection.mode,
    endpoint: connection.endpoint,
    paiflow: connection.client,
    components: layer.components,
    workspace: layer.workspace,
    webDist,
    ...services,
  };
}
