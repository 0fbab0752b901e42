/** Checking a number against a parameter's type and `[a, b]`/`(a, INF)` range, for inline errors. */
import type { ParamInfo } from "../store/types";

const RANGE = /^\s*([[(])\s*(-?INF|-?[\d.eE+-]+)\s*,\s*(-?INF|-?[\d.eE+-]+)\s*([\])])\s*$/;

function bound(text: string): number {
  if (text === "INF") return Number.POSITIVE_INFINITY;
  if (text === "-INF") return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/** What is wrong with `value` for this numeric parameter, or null. Global variables (`${x}`) pass. */
export function rangeError(info: ParamInfo, value: unknown): string | null {
  const raw = String(value).trim();
  if (raw === "" || raw.includes("${")) return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) return `Must be a number.`;
  if (info.type === "Int" && !Number.isInteger(n)) return `Must be a whole number.`;
  const m = info.range ? RANGE.exec(info.range) : null;
  if (!m) return null;
  const [, open, lo, hi, close] = m as unknown as [string, string, string, string, string];
  const low = bound(lo);
  const high = bound(hi);
  const below = open === "[" ? n < low : n <= low;
  const above = close === "]" ? n > high : n >= high;
  return below || above ? `Must be in ${info.range}.` : null;
}
