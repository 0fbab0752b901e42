/**
 * Converts composed YAML nodes to plain JS, faster than `yaml`'s generic `toJS` (no per-node
 * context objects), and bounds alias expansion so a "billion laughs" document is refused at once.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node } from "yaml";

export class AliasLimitError extends Error {
  constructor(readonly limit: number) {
    super(`YAML aliases expand to more than ${limit} nodes; refusing the document`);
  }
}

interface Ctx {
  doc: Document;
  /** Nodes the expansion has produced so far (counting every alias copy). */
  budget: number;
  /** Each anchored node converted once; aliases share the result. */
  resolved: Map<Node, { value: unknown; size: number }>;
}

function sizeOf(node: unknown, ctx: Ctx): number {
  if (isMap(node) || isSeq(node)) {
    let n = 1;
    for (const item of node.items as unknown[]) {
      if (isMap(node)) {
        const pair = item as { key: unknown; value: unknown };
        n += sizeOf(pair.key, ctx) + sizeOf(pair.value, ctx);
      } else n += sizeOf(item, ctx);
    }
    return n;
  }
  if (isAlias(node)) {
    const target = node.resolve(ctx.doc);
    return target ? (ctx.resolved.get(target as Node)?.size ?? sizeOf(target, ctx)) : 1;
  }
  return 1;
}

function convert(node: unknown, ctx: Ctx): unknown {
  if (node == null) return null;
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = convert(pair.key, ctx);
      const name = typeof key === "string" ? key : key === null ? "" : String(key);
      const value = convert(pair.value, ctx);
      // A `__proto__` key is data, not the object's prototype.
      if (name === "__proto__")
        Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      else out[name] = value;
    }
    return out;
  }
  if (isSeq(node)) {
    const items = node.items;
    const out = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = convert(items[i], ctx);
    return out;
  }
  if (isAlias(node)) {
    const target = node.resolve(ctx.doc) as Node | undefined;
    if (!target) return null;
    let entry = ctx.resolved.get(target);
    if (!entry) {
      entry = { value: convert(target, ctx), size: sizeOf(target, ctx) };
      ctx.resolved.set(target, entry);
    }
    ctx.budget -= entry.size;
    if (ctx.budget < 0) throw new AliasLimitError(ALIAS_EXPANSION_LIMIT);
    // A copy: a shared object would let an edit of one place change the other.
    return deepCopy(entry.value);
  }
  return null;
}

function deepCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, {
        value: deepCopy(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}

/** Most nodes the aliases of one document may expand to. */
const ALIAS_EXPANSION_LIMIT = 100_000;

/** The document's content as plain JS; throws AliasLimitError when aliases expand too much. */
export function documentToJS(doc: Document): unknown {
  return convert(doc.contents, { doc, budget: ALIAS_EXPANSION_LIMIT, resolved: new Map() });
}
