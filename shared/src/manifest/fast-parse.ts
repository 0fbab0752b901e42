/**
 * A fast path from YAML text to plain JS: the `yaml` package's CST parser, then our own
 * conversion, skipping its node composer (a third of the parse time). It takes only plain,
 * unambiguous YAML (no anchors, aliases, tags, directives, tabs, explicit or multi-line keys)
 * and answers undefined for anything else, so the caller falls back to the full parser, which
 * also reports the errors. Results equal the full parser's (core schema), as tests check.
 */
import { CST, Parser } from "yaml";

class Bail extends Error {}
const BAIL = new Bail();

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Characters that may start a special plain scalar; others are strings without any test. */
const SPECIAL_START = /^[-+.~0-9nNtTfF]|^$/;

/** Resolves a plain scalar as the YAML 1.2 core schema does. */
function plain(s: string): unknown {
  if (!SPECIAL_START.test(s)) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === "t" || s[0] === "T";
  if (INT_OCT.test(s)) return Number.parseInt(s.substring(2), 8);
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (INT_HEX.test(s)) return Number.parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s))
    return s.slice(-3).toLowerCase() === "nan"
      ? Number.NaN
      : s[0] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}

function onError(): never {
  throw BAIL;
}

type Tok = CST.Token;

/** Only layout tokens (and the indicator expected here) may sit between items. */
function checkSourceTokens(tokens: readonly CST.SourceToken[] | undefined, allowed: string): void {
  if (!tokens) return;
  for (const t of tokens) {
    const type = t.type;
    if (type !== "space" && type !== "newline" && type !== "comment" && type !== allowed) throw BAIL;
  }
}

interface Ctx {
  text: string;
}

function column(ctx: Ctx, offset: number): number {
  return offset - (ctx.text.lastIndexOf("\n", offset - 1) + 1);
}

function scalarValue(tok: CST.FlowScalar | CST.BlockScalar): unknown {
  if (tok.type === "block-scalar") {
    for (const p of tok.props) {
      if (
        p.type !== "block-scalar-header" &&
        p.type !== "space" &&
        p.type !== "newline" &&
        p.type !== "comment"
      )
        throw BAIL;
    }
  } else if (tok.end) checkSourceTokens(tok.end as CST.SourceToken[], "");
  const r = CST.resolveAsScalar(tok, true, onError);
  if (!r) throw BAIL;
  return r.type === "PLAIN" ? plain(r.value) : r.value;
}

function keyOf(tok: Tok | null | undefined): string {
  if (!tok) throw BAIL;
  if (tok.type !== "scalar" && tok.type !== "single-quoted-scalar" && tok.type !== "double-quoted-scalar")
    throw BAIL;
  // Multi-line or very long implicit keys are errors for the full parser.
  if (tok.source.length > 1000 || tok.source.includes("\n")) throw BAIL;
  const key = scalarValue(tok);
  return typeof key === "string" ? key : key === null ? "" : String(key);
}

function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.hasOwn(out, key)) throw BAIL; // a duplicate key: the full parser reports it
  if (key === "__proto__")
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function convert(ctx: Ctx, tok: Tok | undefined): unknown {
  if (tok === undefined) return null;
  switch (tok.type) {
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "block-scalar":
      return scalarValue(tok);
    case "block-map": {
      const out: Record<string, unknown> = {};
      let col = -1;
      for (const item of tok.items) {
        if (item.explicitKey || !item.sep || !item.key) throw BAIL;
        checkSourceTokens(item.start, "");
        checkSourceTokens(item.sep, "map-value-ind");
        if (!item.sep.some((t) => t.type === "map-value-ind")) throw BAIL;
        const c = column(ctx, item.key.offset);
        if (col === -1) col = c;
        else if (c !== col) throw BAIL;
        // A block collection as a value must start on a line of its own (`k: a: b` is an error).
        const v = item.value;
        if (
          (v?.type === "block-map" || v?.type === "block-seq") &&
          !item.sep.some((t) => t.type === "newline")
        )
          throw BAIL;
        setKey(out, keyOf(item.key), convert(ctx, v));
      }
      return out;
    }
    case "block-seq": {
      const out: unknown[] = [];
      let col = -1;
      for (const item of tok.items) {
        checkSourceTokens(item.start, "seq-item-ind");
        const ind = item.start.find((t) => t.type === "seq-item-ind");
        if (!ind || item.start.filter((t) => t.type === "seq-item-ind").length !== 1) throw BAIL;
        const c = column(ctx, ind.offset);
        if (col === -1) col = c;
        else if (c !== col) throw BAIL;
        out.push(convert(ctx, item.value));
      }
      return out;
    }
    case "flow-collection": {
      const isMap = tok.start.type === "flow-map-start";
      const endType = isMap ? "flow-map-end" : "flow-seq-end";
      if (!tok.end.some((t) => t.type === endType)) throw BAIL;
      checkSourceTokens(
        tok.end.filter((t) => t.type !== endType),
        "",
      );
      const map: Record<string, unknown> = {};
      const seq: unknown[] = [];
      tok.items.forEach((item, i) => {
        // Items after the first are introduced by exactly one comma.
        checkSourceTokens(item.start, "comma");
        const commas = item.start.filter((t) => t.type === "comma").length;
        if (commas !== (i === 0 ? 0 : 1)) throw BAIL;
        if (isMap) {
          if (!item.sep || !item.key || !item.sep.some((t) => t.type === "map-value-ind")) throw BAIL;
          checkSourceTokens(item.sep, "map-value-ind");
          setKey(map, keyOf(item.key), convert(ctx, item.value));
        } else {
          if (item.key || item.sep || !item.value) throw BAIL;
          seq.push(convert(ctx, item.value));
        }
      });
      // A trailing comma leaves an empty last item in some inputs; the full parser decides.
      return isMap ? map : seq;
    }
    default:
      throw BAIL;
  }
}

/** The documents of `text` as plain JS, or undefined when the text needs the full parser. */
export function fastParse(text: string): unknown[] | undefined {
  if (text.includes("\t") || text.includes("\r")) return undefined;
  const ctx: Ctx = { text };
  const docs: unknown[] = [];
  try {
    for (const tok of new Parser().parse(text)) {
      switch (tok.type) {
        case "document":
          checkSourceTokens(tok.start, "doc-start");
          if (tok.end) checkSourceTokens(tok.end, "");
          docs.push(convert(ctx, tok.value));
          break;
        case "doc-end":
          if (tok.end) checkSourceTokens(tok.end, "");
          break;
        case "comment":
        case "newline":
        case "space":
        case "byte-order-mark":
          break;
        default:
          return undefined;
      }
    }
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
  return docs;
}
