/** `GET /api/health` and `GET /api/components`. */
import { z } from "zod";
import type { ComponentSpec } from "../catalog/types";

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

/**
 * A component as the catalog describes it (ComponentSpec). Only its identity is checked here: the
 * rest is the catalog's own data, passed through untouched.
 */
export const ApiComponentSchema = z.custom<ComponentSpec>((value) => {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.provider === "string" && typeof v.identifier === "string" && typeof v.version === "string";
}, "a component needs provider, identifier and version");
export type ApiComponent = ComponentSpec;

/** Where the palette's workspace components come from, and how fresh they are. */
export const WorkspacePaletteSchema = z.object({
  /** GetAlgorithmTree's Timestamp of the tree in use; null before the first successful read. */
  timestamp: z.string().nullable(),
  /** When the server last read the tree (ISO time); null before the first read. */
  checkedAt: z.string().nullable(),
  /** Why the last read failed (the palette then shows what it had, or the built-in components). */
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }).optional(),
});
export type WorkspacePalette = z.infer<typeof WorkspacePaletteSchema>;

export const ComponentsResponseSchema = z.object({
  components: z.array(ApiComponentSchema),
  /** Files in COMPONENTS_DIR that could not be read as components, with the reason. */
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
  /** Present when the palette comes from the PAI workspace. */
  workspace: WorkspacePaletteSchema.optional(),
});
export type ComponentsResponse = z.infer<typeof ComponentsResponseSchema>;
