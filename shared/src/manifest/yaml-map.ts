/**
 * A YAML map typed by hand (a Map parameter's value): parsed with the line of the first problem,
 * and written back in plain block style, so an editor can round-trip a nested map through text.
 */
import { Document, isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { AliasLimitError, documentToJS } from "./yaml-to-js";

/** Longest map text accepted; a parameter value is a few lines, this bounds a pasted file. */
export const MAX_YAML_MAP_CHARS = 64 * 1024;

export type YamlMapResult =
  /** `value` is undefined when the text holds no entries (empty or only comments). */
  | { ok: true; value: Record<string, unknown> | undefined }
  | { ok: false; message: string; line: number; col: number };

/** Parses text that must hold one YAML map; never throws. */
export function parseYamlMap(text: string): YamlMapResult {
  if (text.length > MAX_YAML_MAP_CHARS) {
    return { ok: false, message: `text is longer than ${MAX_YAML_MAP_CHARS} characters`, line: 1, col: 1 };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const pos = lineCounter.linePos(problem.pos[0]);
    return { ok: false, message: problem.message, line: pos.line, col: pos.col };
  }
  const contents = doc.contents;
  if (contents === null || (!isMap(contents) && !isSeq(contents) && contents.toJSON() === null)) {
    return { ok: true, value: undefined };
  }
  if (!isMap(contents)) {
    const pos = lineCounter.linePos(contents.range?.[0] ?? 0);
    const got = isSeq(contents) ? "a list" : "a single value";
    return { ok: false, message: `expected a map of "key: value" lines, got ${got}`, ...pos };
  }
  try {
    const value = documentToJS(doc) as Record<string, unknown>;
    return { ok: true, value: Object.keys(value).length > 0 ? value : undefined };
  } catch (e) {
    if (e instanceof AliasLimitError) return { ok: false, message: e.message, line: 1, col: 1 };
    throw e;
  }
}

/** Writes a map (or any plain value) as block YAML for hand editing; `""` for no value. */
export function formatYamlMap(value: unknown): string {
  if (value === undefined || value === null) return "";
  return new Document(value, { version: "1.2" }).toString({ lineWidth: 0 });
}
