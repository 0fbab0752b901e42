/**
 * The manifest a run ran, as YAML. Runs submitted through this server are remembered verbatim
 * (bounded); others are read back from GetPipelineRun, which may return PAIFlow's JSON "node"
 * form with capitalized keys (`ApiVersion`, `Metadata`, `Spec`), turned back into core/v1 here.
 */
import { serializeDocument } from "@pfd/shared";
import { LRUCache } from "lru-cache";

/** What the remembered manifests may hold in all: a few hundred typical pipelines, a few 5 MB ones. */
const REMEMBERED_BYTES = 32 * 1024 * 1024;

/**
 * Remembers the most recently submitted manifests by run id, within a memory budget: the least
 * recently used go first, and a text larger than the whole budget is not kept (it is read back
 * from PAIFlow when asked for).
 */
export class RecentManifests {
  private readonly texts: LRUCache<string, string>;

  constructor(maxBytes = REMEMBERED_BYTES) {
    // A JS string takes up to two bytes per UTF-16 unit: count that, not the (cheaper) length.
    this.texts = new LRUCache({ maxSize: maxBytes, sizeCalculation: (text) => Math.max(1, text.length * 2) });
  }

  remember(runId: string, text: string): void {
    this.texts.set(runId, text);
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
