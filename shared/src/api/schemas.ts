/**
 * Design-time schemas: the columns that reach each step and leave it, known without running.
 * `POST /api/schemas` (SchemasRequest -> SchemasResponse). Schema work never blocks editing:
 * whatever cannot be known is `unknown` with the reason, per port, and the answer is still 200.
 */
import { z } from "zod";
import { MAX_MANIFEST_BYTES } from "../manifest/size";

/** A column as the engine types it (DuckDB's type names in local mode: VARCHAR, DOUBLE, BIGINT, ...). */
export const ColumnSchema = z.object({ name: z.string(), type: z.string() });
export type Column = z.infer<typeof ColumnSchema>;

/** What flows through one input or output port. */
export const PortSchemaSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("table"), columns: z.array(ColumnSchema) }),
  /** A trained model: the columns it reads and the label it predicts. */
  z.object({
    kind: z.literal("model"),
    features: z.array(z.string()),
    label: z.string(),
    labelType: z.string(),
  }),
  /** A small value (metrics, statistics): not a table. */
  z.object({ kind: z.literal("value") }),
  z.object({ kind: z.literal("unknown"), reason: z.string() }),
]);
export type PortSchema = z.infer<typeof PortSchemaSchema>;

export const StepSchemaSchema = z.object({
  /** By input port name; a port that is not connected is absent. */
  inputs: z.record(z.string(), PortSchemaSchema),
  /** By output port name. */
  outputs: z.record(z.string(), PortSchemaSchema),
  /**
   * Why this step's outputs are unknown, once for the step (the web shows it on the node);
   * absent when they are known.
   */
  reason: z.string().optional(),
});
export type StepSchema = z.infer<typeof StepSchemaSchema>;

export const SchemasRequestSchema = z.object({
  // Bytes bound the UTF-16 length too (see runs.ts); the parser counts the bytes exactly.
  manifest: z.string().min(1).max(MAX_MANIFEST_BYTES),
  /** Run arguments (YAML or JSON), as for a run: pipeline input tables and parameters. */
  arguments: z.string().max(MAX_MANIFEST_BYTES).optional(),
  /**
   * The PAI Designer draft the manifest is, when it has no unsaved edits: cloud mode then asks PAI
   * for its nodes' input schemas (GetNodeInputSchema reads the saved draft).
   */
  draftId: z.string().min(1).max(256).optional(),
});
export type SchemasRequest = z.infer<typeof SchemasRequestSchema>;

/**
 * Where the answer came from: `engine` (local mode: derived by the embedded engine, exact),
 * `workspace` (cloud mode: what PAI tells of tables, a saved draft's nodes and the latest run;
 * incomplete, so schema problems are warnings) or `none` (nothing could be asked).
 */
const SchemaSourceSchema = z.enum(["engine", "workspace", "none"]);

export const SchemasResponseSchema = z.object({
  /** Identifies the pipeline version (manifest, arguments and catalog) the answer is for. */
  version: z.string(),
  source: SchemaSourceSchema,
  /** By step name (`metadata.name`). A step the answer does not list is unknown. */
  steps: z.record(z.string(), StepSchemaSchema),
  /** Set when nothing could be derived (the manifest does not parse, ...). */
  reason: z.string().optional(),
});
export type SchemasResponse = z.infer<typeof SchemasResponseSchema>;
