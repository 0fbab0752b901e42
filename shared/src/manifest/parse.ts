/**
 * Reads manifest text (YAML or JSON, one or more documents) into a ManifestStream, keeping the
 * YAML nodes so any problem can be pointed at a line and column afterwards.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from "yaml";
import { error, hasErrors, type Problem, type ProblemLocation, warning } from "../validation/problem";
import { fastParse } from "./fast-parse";
import { checkTextSize } from "./size";
import type { Manifest, ManifestStream } from "./types";
import { AliasLimitError, documentToJS } from "./yaml-to-js";

export interface ParseOptions {
  /** Size limit in UTF-8 bytes; MAX_MANIFEST_BYTES by default. */
  maxBytes?: number;
}

export interface ParsedManifest {
  /** Undefined when the text is not a readable manifest stream (see problems). */
  stream?: ManifestStream;
  /** Syntax and shape problems found while reading. */
  problems: Problem[];
  /** The YAML documents, for tools that need the source nodes. */
  documents: Document[];
  /** The line and column (1-based) of a step, a field, or a document; undefined when unknown. */
  locate(location: ProblemLocation): { line: number; col: number } | undefined;
}

/** Parses manifest text; never throws. */
export function parseManifest(text: string, opts: ParseOptions = {}): ParsedManifest {
  const tooBig = checkTextSize(text, opts.maxBytes);
  if (tooBig) return { documents: [], locate: () => undefined, problems: [tooBig] };
  const fast = fastParse(text);
  if (fast?.some(isMapping) && fast.every((v) => isMapping(v) || (v == null && fast.length > 1))) {
    // Plain YAML read by the fast path: the YAML nodes are built only if a position is asked for.
    let full: ReturnType<typeof compose> | undefined;
    const composed = () => {
      full ??= compose(text);
      return full;
    };
    return {
      stream: { documents: fast.filter(isMapping) as Manifest[] },
      problems: [],
      get documents() {
        return composed().documents;
      },
      locate: (loc) => composed().locate(loc),
    };
  }
  const { documents, lineCounter, locate: locator } = compose(text);
  const problems: Problem[] = [];
  for (const doc of documents) {
    for (const e of doc.errors) problems.push(yamlProblem("error", e));
    for (const w of doc.warnings) problems.push(yamlProblem("warning", w));
  }
  const result = (stream?: ManifestStream): ParsedManifest => ({
    stream,
    problems,
    documents,
    locate: locator,
  });
  if (hasErrors(problems)) return result();
  const manifests: Manifest[] = [];
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i] as Document;
    let value: unknown;
    try {
      value = documentToJS(doc);
    } catch (e) {
      if (!(e instanceof AliasLimitError)) throw e;
      problems.push(
        error(
          "yaml-alias-limit",
          e.message,
          { ...posOf(doc.contents, lineCounter), document: i },
          { limit: e.limit, detail: e.message },
        ),
      );
      return result();
    }
    // A trailing `---` or a comment-only document is not a manifest; skip it.
    if (value == null && documents.length > 1) continue;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      const where = { ...posOf(doc.contents, lineCounter), document: i };
      problems.push(
        error(
          "not-a-manifest",
          "a manifest document must be a mapping (apiVersion, metadata, spec)",
          where,
          {},
        ),
      );
      return result();
    }
    manifests.push(value as Manifest);
  }
  if (manifests.length === 0) {
    problems.push(error("empty", "the text holds no manifest document", { line: 1, col: 1 }, {}));
    return result();
  }
  return result({ documents: manifests });
}

function isMapping(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compose(text: string) {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  return { documents, lineCounter, locate: makeLocator(documents, lineCounter) };
}

function yamlProblem(
  severity: "error" | "warning",
  e: { code: string; message: string; linePos?: [{ line: number; col: number }, ...unknown[]] },
): Problem {
  const message = (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, "");
  const pos = e.linePos?.[0];
  const code = e.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax";
  const make = severity === "error" ? error : warning;
  // The YAML library's own words: passed on as `detail`, untranslated, beside the translated code.
  return make(code, message, pos ? { line: pos.line, col: pos.col } : {}, { detail: message });
}

function posOf(node: unknown, lc: LineCounter): { line?: number; col?: number } {
  const range = (node as Node | null)?.range;
  if (!range) return {};
  const { line, col } = lc.linePos(range[0]);
  return { line, col };
}

function child(node: unknown, key: string): unknown {
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(k) === key) return pair.value ?? pair.key;
    }
    return undefined;
  }
  if (isSeq(node)) {
    if (/^\d+$/.test(key)) return node.items[Number(key)];
    // List entries are named by `name` (arguments, inputs) or `metadata.name` (steps).
    return node.items.find((item) => {
      const name = child(item, "name") ?? child(child(item, "metadata"), "name");
      return isScalar(name) && String(name.value) === key;
    });
  }
  return undefined;
}

/** Follows a dotted path from `node`, looking under `spec` when the first key is not at the top. */
function follow(node: unknown, field: string | undefined): unknown {
  if (!field) return node;
  const keys = field.split(".");
  let current: unknown = node;
  if (child(node, keys[0] as string) === undefined) current = child(node, "spec") ?? node;
  for (const key of keys) {
    const next = child(current, key);
    if (next === undefined) break;
    current = next;
  }
  return current;
}

function makeLocator(documents: Document[], lc: LineCounter): ParsedManifest["locate"] {
  let stepIndex: Map<string, unknown> | undefined;
  return (loc) => {
    const doc = documents[loc.document ?? documents.length - 1];
    if (!doc) return undefined;
    let node: unknown = doc.contents;
    // A `pipelines.<i>...` field names the step by position (duplicate or missing names).
    const entry = loc.document === undefined || loc.document === documents.length - 1;
    if (entry && loc.step !== undefined && !loc.field?.startsWith("pipelines.")) {
      if (!stepIndex) {
        stepIndex = new Map();
        const steps = child(child(doc.contents, "spec"), "pipelines");
        if (isSeq(steps)) {
          for (const item of steps.items) {
            const name = child(child(item, "metadata"), "name");
            if (isScalar(name) && !stepIndex.has(String(name.value))) stepIndex.set(String(name.value), item);
          }
        }
      }
      node = stepIndex.get(loc.step) ?? node;
    }
    const pos = posOf(follow(node, loc.field), lc);
    return pos.line === undefined ? undefined : { line: pos.line, col: pos.col as number };
  };
}

/** Fills in line and column of problems that name a step or field, from the parsed text. */
export function withPositions(parsed: ParsedManifest, problems: Problem[]): Problem[] {
  const located = problems.map((p) => {
    if (p.location.line !== undefined) return p;
    const pos = parsed.locate(p.location);
    return pos ? { ...p, location: { ...p.location, ...pos } } : p;
  });
  // In reading order; problems without a position keep their place at the end.
  const key = (p: Problem) => (p.location.line ?? Number.MAX_SAFE_INTEGER) * 1e6 + (p.location.col ?? 0);
  return located
    .map((p, i) => ({ p, i }))
    .sort((a, b) => key(a.p) - key(b.p) || a.i - b.i)
    .map(({ p }) => p);
}
