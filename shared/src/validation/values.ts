/** Checks of a literal parameter value against its catalog spec: type, allowed values, range. */
import type { ParamSpec } from "../catalog/types";
import type { Problem, ProblemLocation } from "./problem";
import { error } from "./problem";

const INT = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const RANGE =
  /^([[(])\s*(-INF|[-+]?[\d.]+(?:[eE][-+]?\d+)?)\s*,\s*(INF|[-+]?[\d.]+(?:[eE][-+]?\d+)?)\s*([\])])$/;

interface Range {
  min: number;
  max: number;
  minOpen: boolean;
  maxOpen: boolean;
}

const ranges = new Map<string, Range | undefined>();

/** Parses `[1, 10]`, `(0, 1)`, `[0, INF)`; undefined when malformed. */
function parseRange(text: string): Range | undefined {
  if (ranges.has(text)) return ranges.get(text);
  const m = RANGE.exec(text.trim());
  const range = m
    ? {
        min: m[2] === "-INF" ? Number.NEGATIVE_INFINITY : Number(m[2]),
        max: m[3] === "INF" ? Number.POSITIVE_INFINITY : Number(m[3]),
        minOpen: m[1] === "(",
        maxOpen: m[4] === ")",
      }
    : undefined;
  ranges.set(text, range);
  return range;
}

/** True when `n` lies in the range. */
function inRange(n: number, r: Range): boolean {
  return (r.minOpen ? n > r.min : n >= r.min) && (r.maxOpen ? n < r.max : n <= r.max);
}

/** Problems of one literal value; values holding `${var}` or `{{ref}}` are substituted later and not checked. */
export function checkValue(value: unknown, spec: ParamSpec, where: ProblemLocation): Problem[] {
  if (value === undefined || value === null || value === "") return [];
  if (typeof value === "string" && (value.includes("${") || value.includes("{{"))) return [];
  const text = typeof value === "string" ? value.trim() : String(value);
  const label = `parameter ${spec.name}`;
  switch (spec.type) {
    case "Int":
      if (typeof value === "boolean" || !INT.test(text))
        return [error("value-type", `${label} must be an integer, not ${JSON.stringify(value)}`, where)];
      break;
    case "Double":
      if (typeof value === "boolean" || !NUMBER.test(text))
        return [error("value-type", `${label} must be a number, not ${JSON.stringify(value)}`, where)];
      break;
    case "Bool":
      if (text !== "true" && text !== "false")
        return [error("value-type", `${label} must be true or false, not ${JSON.stringify(value)}`, where)];
      break;
    case "Map":
      if (typeof value !== "object")
        return [error("value-type", `${label} must be a map, not ${JSON.stringify(value)}`, where)];
      return [];
    default:
      break;
  }
  if (spec.allowed && !spec.allowed.includes(text)) {
    const allowed = spec.allowed.join(", ");
    return [error("value-not-allowed", `${label} is ${JSON.stringify(value)}; allowed: ${allowed}`, where)];
  }
  if (spec.range && (spec.type === "Int" || spec.type === "Double")) {
    const range = parseRange(spec.range);
    if (range && !inRange(Number(text), range))
      return [error("value-out-of-range", `${label} is ${text}, outside ${spec.range}`, where)];
  }
  return [];
}
