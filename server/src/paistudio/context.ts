/** Builds the workspace layer of the app: palette, drafts and templates over the mode's PAI clients. */
import type { ComponentsResponse } from "@pfd/shared";
import type { PaiflowClient } from "../paiflow/client";
import { LOCAL_WORKSPACE_ID } from "../paiflow/submit";
import type { WorkspaceContext } from "../routes/context";
import type { PaistudioClient } from "./client";
import { Components } from "./components";
import { WorkspaceDesign } from "./design";
import { Drafts } from "./drafts";
import { WorkspacePalette } from "./palette";

interface WorkspaceLayer {
  workspace: WorkspaceContext;
  /** What validation checks against: the palette's components with their definitions loaded. */
  components: () => Promise<ComponentsResponse>;
}

export function workspaceLayer(options: {
  mode: "local" | "cloud";
  workspaceId: string | undefined;
  paiflow: PaiflowClient;
  studio: PaistudioClient;
  /** The built-in catalog plus COMPONENTS_DIR's components (config/components.ts). */
  loadCustom: () => Promise<ComponentsResponse>;
  /** MAXCOMPUTE_PROJECT and the MaxCompute endpoint, for the table picker and previews. */
  maxCompute?: { project: string | undefined; endpoint: string };
}): WorkspaceLayer {
  const { mode, paiflow, studio } = options;
  const workspaceId = options.workspaceId ?? (mode === "local" ? LOCAL_WORKSPACE_ID : undefined);
  const palette = new Components(new WorkspacePalette({ studio, paiflow, workspaceId }), options.loadCustom);
  return {
    workspace: {
      palette,
      studio,
      workspaceId,
      drafts: workspaceId ? new Drafts(studio, workspaceId) : undefined,
      design: workspaceId
        ? new WorkspaceDesign(studio, paiflow, {
            workspaceId,
            project: options.maxCompute?.project,
            endpoint: options.maxCompute?.endpoint ?? "",
          })
        : undefined,
    },
    components: () => palette.forValidation(),
  };
}
