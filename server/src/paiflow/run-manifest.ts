/**
 * The manifest a run ran, as YAML. Runs submitted through this server are remembered verbatim
 * (bounded); others are read back from GetPipelineRun, which may return PAIFlow's JSON "node"
 * form with capitalized keys (`ApiVersion`, `Metadata`, `Spec`), turned back into core/v1 here.
 */
import { serializeDocument } from "@pfd/shared";

/** Remembers the most recent manifests by run id, dropping the oldest past `capacity`. */
export class RecentManifests {
  private readonly texts = new Map<string, string>();
  constructor(private readonly capacity = 200) {}

  remember(runId: string, text: string): void {
    this.texts.delete(runId);
    this.texts.set(runId, text);
    if (this.texts.size > this.capacity) {
      const oldest = this.texts.keys().next().value;
      if (oldest !== undefined) this.texts.delete(oldest);
    }
  }

  get(runId: string): string | undefined {
    return this.texts.get(runId);
  }
}

// Values under these keys are user data (parameter values, artifact locations): kept as they are.
const OPAQUE = new Set(["value", "annotations", "container", "withItems", "feasible"]);

function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const name = /^[A-Z]/.test(key) ? key[0]?.toLowerCase() + key.slice(1) : key;
    out[name] = OPAQUE.has(name) ? inner : lowerKeys(inner);
  }
  return out;
}

/** YAML text of the manifest GetPipelineRun returned; undefined when it gave none. */
export function manifestText(manifest: unknown): string | undefined {
  if (manifest === undefined || manifest === null || manifest === "") return undefined;
  let value = manifest;
  if (typeof manifest === "string") {
    const trimmed = manifest.trimStart();
    if (!trimmed.startsWith("{")) return manifest; // already YAML
    try {
      value = JSON.parse(trimmed);
    } catch {
      return manifest;
    }
  }
  const looksNodeForm = typeof value === "object" && value !== null && "ApiVersion" in value;
  return serializeDocument(looksNodeForm ? lowerKeys(value) : value);
}
