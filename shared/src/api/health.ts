/** `GET /api/health` and `GET /api/components`. */
import { z } from "zod";

export const PaiflowModeSchema = z.enum(["local", "cloud"]);
export type PaiflowMode = z.infer<typeof PaiflowModeSchema>;

export const HealthResponseSchema = z.object({
  status: z.literal("ok"),
  mode: PaiflowModeSchema,
  region: z.string(),
  /** `host[:port]` of the PAIFlow endpoint the server calls. */
  endpoint: z.string(),
  /** The default workspace (PAI_WORKSPACE_ID), null when none is configured. */
  workspaceId: z.string().nullable(),
  /** MaxCompute project used to build `execution_maxcompute`, null when none is configured. */
  maxComputeProject: z.string().nullable(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** A component as the catalog describes it; extra catalog fields pass through untouched. */
export const ApiComponentSchema = z.looseObject({
  provider: z.string(),
  identifier: z.string(),
  version: z.string(),
});
export type ApiComponent = z.infer<typeof ApiComponentSchema>;

export const ComponentsResponseSchema = z.object({
  components: z.array(ApiComponentSchema),
  /** Files in COMPONENTS_DIR that could not be read as components, with the reason. */
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type ComponentsResponse = z.infer<typeof ComponentsResponseSchema>;
