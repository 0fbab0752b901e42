/**
 * `{{...}}` references of core/v1 manifests: `{{inputs.parameters.x}}`,
 * `{{pipelines.<step>.outputs.artifacts.<name>}}`, `{{item}}`, ...
 */

export type IoKind = "parameters" | "artifacts";

export type Reference =
  /** `{{inputs.<io>.<name>}}`: a pipeline input. */
  | { kind: "input"; io: IoKind; name: string }
  /** `{{pipelines.<step>.outputs.<io>.<name>}}`: another step's output. */
  | { kind: "step"; step: string; io: IoKind; name: string }
  /** `{{item}}` or `{{item.<path>}}` inside a `withItems`/`withParam` loop. */
  | { kind: "item"; path?: string };

const WHOLE = /^\{\{([^{}]*)\}\}$/;
const EMBEDDED = /\{\{([^{}]*)\}\}/g;
const INPUT = /^inputs\.(parameters|artifacts)\.([^.\s]+)$/;
const STEP = /^pipelines\.([^.\s]+)\.outputs\.(parameters|artifacts)\.([^.\s]+)$/;
const ITEM = /^item(?:\.(\S+))?$/;

function parseInner(inner: string): Reference | undefined {
  const body = inner.trim();
  let m = INPUT.exec(body);
  if (m) return { kind: "input", io: m[1] as IoKind, name: m[2] as string };
  m = STEP.exec(body);
  if (m) return { kind: "step", step: m[1] as string, io: m[2] as IoKind, name: m[3] as string };
  m = ITEM.exec(body);
  if (m) return m[1] === undefined ? { kind: "item" } : { kind: "item", path: m[1] };
  return undefined;
}

/** Parses a whole `{{...}}` reference (surrounding spaces inside the braces allowed); undefined if it is not one. */
export function parseReference(from: string): Reference | undefined {
  const m = WHOLE.exec(from.trim());
  return m ? parseInner(m[1] as string) : undefined;
}

/** Writes a reference in canonical form (no spaces inside the braces). */
export function formatReference(ref: Reference): string {
  switch (ref.kind) {
    case "input":
      return `{{inputs.${ref.io}.${ref.name}}}`;
    case "step":
      return `{{pipelines.${ref.step}.outputs.${ref.io}.${ref.name}}}`;
    case "item":
      return ref.path === undefined ? "{{item}}" : `{{item.${ref.path}}}`;
  }
}

/** Parses a reference only when it is written canonically, so formatting it gives back the same text. */
export function parseCanonicalReference(from: string): Reference | undefined {
  const ref = parseReference(from);
  return ref && formatReference(ref) === from ? ref : undefined;
}

/** Every `{{...}}` inside a text (a `when` expression, a value), with its raw text; unparsable ones as undefined. */
export function findReferences(text: string): { text: string; ref: Reference | undefined }[] {
  if (!text.includes("{{")) return [];
  const found: { text: string; ref: Reference | undefined }[] = [];
  for (const m of text.matchAll(EMBEDDED)) found.push({ text: m[0], ref: parseInner(m[1] as string) });
  return found;
}
