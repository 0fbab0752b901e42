/** What a node says of its design-time schema: why its columns are unknown, once, where that starts. */
import type { SchemasResponse } from "@pfd/shared";

/**
 * The reason a step's outputs are unknown, when the step is where it starts: its own inputs are
 * known (or it has none). Steps downstream of it, whose inputs are unknown because of it, say
 * nothing. Nothing in cloud mode until a schema source is connected (every step would say so).
 */
export function schemaNote(schemas: SchemasResponse | null, step: string): string | undefined {
  if (!schemas || schemas.source === "none") return undefined;
  const own = schemas.steps[step];
  if (!own?.reason) return undefined;
  return Object.values(own.inputs).some((p) => p.kind === "unknown") ? undefined : own.reason;
}
