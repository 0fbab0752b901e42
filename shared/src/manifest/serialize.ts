/** Writes a ManifestStream as YAML in PAI Designer's style. */
import { Document } from "yaml";
import type { ManifestStream } from "./types";

// Designer's style: double-quoted strings, `- ` at the parent key's indent, no folding of long lines.
const STRINGIFY_OPTIONS = {
  defaultStringType: "QUOTE_DOUBLE",
  defaultKeyType: "PLAIN",
  indentSeq: false,
  lineWidth: 0,
  minContentWidth: 0,
} as const;

/** Serializes one document (a manifest or any plain value) as Designer-style YAML. */
export function serializeDocument(value: unknown): string {
  return new Document(value, { version: "1.2" }).toString(STRINGIFY_OPTIONS);
}

/** Serializes a stream: documents in order, `---` between them. */
export function serializeManifest(stream: ManifestStream): string {
  return stream.documents.map(serializeDocument).join("---\n");
}
