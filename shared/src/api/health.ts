/** `GET /api/health` and `GET /api/components`. */
import { z } from "zod";
import type { ComponentSpec } from "../catalog/types";

const PaiflowModeSchema = z.enum(["local", "cloud"]);

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

/**
 * A component as the catalog describes it (ComponentSpec). Only its identity is checked here: the
 * rest is the catalog's own data, passed through untouched.
 */
const ApiComponentSchema = z.custom<ComponentSpec>((value) => {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.provider === "string" && typeof v.identifier === "string" && typeof v.version === "string";
}, "a component needs provider, identifier and version");
export type ApiComponent = ComponentSpec;

export const ComponentsResponseSchema = z.object({
  components: z.array(ApiComponentSchema),
  /** Files in COMPONENTS_DIR that could not be read as components, with the reason. */
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type ComponentsResponse = z.infer<typeof ComponentsResponseSchema>;
