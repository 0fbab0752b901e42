/**
 * Manifest checks the server runs before anything reaches PAIFlow: the shared core's parse and
 * validation, against the catalog plus the user's own components.
 *
 * Results are remembered by content (a hash of the text and of the component list): the
 * designer validates a manifest as it is edited and then submits the very same text, and a
 * repeated run resubmits it, so the run request usually finds its check already done.
 */
import { hash } from "node:crypto";
import { type ComponentSpec, componentKey, type Manifest, type Problem, readManifest } from "@pfd/shared";
import { LRUCache } from "lru-cache";

export interface CheckedManifest {
  problems: Problem[];
  /** The entry pipeline (last document); undefined when the text could not be read. */
  entry: Manifest | undefined;
  /**
   * The text checked, as first seen. A run of the same text keeps this copy rather than its own
   * (RecentManifests): re-running a pipeline then holds one string, not one per run.
   */
  text?: string;
}

/** Texts above this size are checked every time rather than kept. */
const CACHEABLE_CHARS = 256 * 1024;
/** What the remembered checks may hold in all. */
const CHECKED_BYTES = 32 * 1024 * 1024;
/** A check's memory per character of its text (the parsed entry and problems, ~2.8, and the text, 1-2). */
const BYTES_PER_CHAR = 5;

export class ManifestChecker {
  private readonly results: LRUCache<string, CheckedManifest, number>;
  private lastComponents: readonly ComponentSpec[] | undefined;
  private lastFingerprint = "";

  constructor(maxBytes = CHECKED_BYTES) {
    this.results = new LRUCache({ maxSize: maxBytes });
  }

  check(text: string, components?: readonly ComponentSpec[]): CheckedManifest {
    if (text.length > CACHEABLE_CHARS) return checkManifest(text, components);
    // One-shot hash: no Hash object per request.
    const key = hash("sha256", `${this.fingerprint(components)}\0${text}`, "base64");
    const known = this.results.get(key);
    if (known) return known;
    const result = { ...checkManifest(text, components), text };
    this.results.set(key, result, { size: Math.max(1, text.length * BYTES_PER_CHAR) });
    return result;
  }

  private fingerprint(components: readonly ComponentSpec[] | undefined): string {
    if (!components) return "catalog";
    if (components !== this.lastComponents) {
      this.lastComponents = components;
      this.lastFingerprint = components.map(componentKey).join("|");
    }
    return this.lastFingerprint;
  }
}

/** Parses and validates manifest text (shared `readManifest`); never throws. */
function checkManifest(text: string, components?: readonly ComponentSpec[]): CheckedManifest {
  const read = readManifest(text, { components });
  return { problems: read.problems, entry: read.stream?.documents.at(-1) };
}
