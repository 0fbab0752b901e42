/**
 * Manifest fixtures for browser tests: the core's `shared/fixtures/` first, then `e2e/fixtures/`.
 * Comparisons go through YAML parse, so formatting never matters, and can ignore the canvas
 * position annotation, which the designer adds on import.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, "../../..");
const FIXTURE_DIRS = [resolve(REPO_ROOT, "shared/fixtures"), resolve(REPO_ROOT, "e2e/fixtures")];

/** Absolute path of a fixture file by name (e.g. `read-and-convert.yaml`). */
export function fixturePath(name: string): string {
  for (const dir of FIXTURE_DIRS) {
    const path = resolve(dir, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`fixture ${name} not found in ${FIXTURE_DIRS.join(" or ")}`);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), "utf8");
}

const POSITION_ANNOTATION = "designer.paiflow/position";

/** Every document of a YAML stream as plain data, optionally without position annotations. */
export function parseStream(text: string, opts: { ignorePositions?: boolean } = {}): unknown[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error("not a YAML stream");
  const values = docs.map((d) => {
    if (d.errors.length > 0) throw new Error(`YAML error: ${d.errors[0]?.message}`);
    return d.toJS();
  });
  const nonEmpty = values.filter((v, i) => v != null || i === values.length - 1);
  return opts.ignorePositions ? nonEmpty.map(stripPositions) : nonEmpty;
}

/**
 * Drops the position annotation everywhere, then any `annotations` map left empty: apply it to
 * both sides of a comparison, so a manifest and its export (which adds positions) compare equal.
 */
function stripPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPositions);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "annotations" && v && typeof v === "object" && !Array.isArray(v)) {
      const rest = Object.fromEntries(Object.entries(v).filter(([k]) => k !== POSITION_ANNOTATION));
      if (Object.keys(rest).length > 0) out[key] = rest;
      continue;
    }
    out[key] = stripPositions(v);
  }
  return out;
}
