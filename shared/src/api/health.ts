/** `GET /api/health` and `GET /api/components`. */
import { z } from "zod";
import { CATEGORIES, type ComponentSpec } from "../catalog/types";

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
  category: z.enum(CATEGORIES),
  inputs: z.array(PortSchema),
  outputs: z.array(PortSchema),
  parameters: z.array(ParamSchema),
  maxCompute: z.boolean(),
});

const ApiComponentSchema = z.custom<ComponentSpec>(
  (value) => ComponentShape.safeParse(value).success,
  "a component needs provider, identifier, version, displayName, category, ports and parameters",
);
export type ApiComponent = ComponentSpec;

export const ComponentsResponseSchema = z.object({
  components: z.array(ApiComponentSchema),
  /** Files in COMPONENTS_DIR that could not be read as components, with the reason. */
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type ComponentsResponse = z.infer<typeof ComponentsResponseSchema>;
