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

const PortSchema = z.object({ name: z.string(), type: z.string() });
const ParamSchema = z.object({ name: z.string(), type: z.string(), description: z.string() });

/**
 * A component's shape, as the catalog and `componentsFromManifest` write it: the fields every
 * user of a component reads (its identity, names, ports and parameters) are checked, the rest is
 * the catalog's own data, passed through untouched.
 */
const ComponentShape = z.object({
  provider: z.string(),
  identifier: z.string(),
  version: z.string(),
  displayName: z.object({ en: z.string(), zh: z.string() }),
  /** A built-in category or a workspace's own (its algorithm tree's category path). */
  category: z.string().min(1),
  inputs: z.array(PortSchema),
  outputs: z.array(PortSchema),
  parameters: z.array(ParamSchema),
  maxCompute: z.boolean(),
  source: z.enum(["workspace", "builtin", "custom"]).optional(),
  pending: z.boolean().optional(),
});

export const ApiComponentSchema = z.custom<ComponentSpec>(
  (value) => ComponentShape.safeParse(value).success,
  "a component needs provider, identifier, version, displayName, category, ports and parameters",
);
export type ApiComponent = ComponentSpec;

/** Where the palette's workspace components come from, and how fresh they are. */
const WorkspacePaletteSchema = z.object({
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
