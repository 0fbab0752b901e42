/**
 * Reads GetAlgorithmTree's free-form `Tree[]` into the palette's entries: each component leaf
 * with its category path, in the tree's order. Only the leaf shape is published ([C]
 * `nodeType: "algo"` with `metadata`); a category is any other object holding an array of
 * objects, its name under `name` ([I], see @pfd/shared's guesses).
 */
import { ALGORITHM_NODE_TYPE } from "@pfd/shared";

export interface TreeEntry {
  /** The tree's (localised) name of the component. */
  name: string;
  /** Category path, outermost first (e.g. `机器学习 / 二分类`). */
  category: string;
  provider: string;
  identifier: string;
  version: string;
  signature?: string;
  doc?: string;
}

const MAX_DEPTH = 8;
const MAX_ENTRIES = 5000;
/** Where a leaf sits when it hangs at the top of the tree, outside any category. */
const UNCATEGORIZED = "Workspace";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

function leafOf(node: Record<string, unknown>, path: readonly string[]): TreeEntry | undefined {
  const meta = node.metadata;
  if (node.nodeType !== ALGORITHM_NODE_TYPE || !isObject(meta)) return undefined;
  const identifier = text(meta.identifier);
  if (!identifier) return undefined;
  const entry: TreeEntry = {
    name: text(node.name) ?? identifier,
    category: path.length > 0 ? path.join(" / ") : UNCATEGORIZED,
    provider: text(meta.provider) ?? "pai",
    identifier,
    version: text(meta.version) ?? "v1",
  };
  const signature = text(meta.signature);
  if (signature) entry.signature = signature;
  const doc = text(node.doc);
  if (doc && /^https?:\/\//.test(doc)) entry.doc = doc;
  return entry;
}

/** The component leaves of a tree, each once (the first place it appears wins). */
export function walkAlgorithmTree(tree: readonly unknown[]): TreeEntry[] {
  const out: TreeEntry[] = [];
  const seen = new Set<string>();
  const visit = (nodes: readonly unknown[], path: readonly string[], depth: number) => {
    for (const node of nodes) {
      if (out.length >= MAX_ENTRIES || !isObject(node)) continue;
      const leaf = leafOf(node, path);
      if (leaf) {
        const key = `${leaf.provider}/${leaf.identifier}/${leaf.version}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(leaf);
        }
        continue;
      }
      if (depth >= MAX_DEPTH) continue;
      const name = text(node.name);
      for (const value of Object.values(node)) {
        if (Array.isArray(value) && value.some(isObject))
          visit(value, name ? [...path, name] : path, depth + 1);
      }
    }
  };
  visit(tree, [], 0);
  return out;
}
