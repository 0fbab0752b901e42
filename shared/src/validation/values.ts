/**
 * Checks of a literal parameter value against its catalog spec: type, allowed values, range.
 * Validation and the inspector's inline errors both call `checkValue`, so they always agree.
 */
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

const EXPECTED = {
  Int: "an integer",
  Double: "a number",
  Bool: "true or false",
  Map: "a map",
} as const;

function wellTyped(value: unknown, text: string, type: string): boolean {
  switch (type) {
    case "Int":
      return typeof value !== "boolean" && INT.test(text);
    case "Double":
      return typeof value !== "boolean" && NUMBER.test(text);
    case "Bool":
      return text === "true" || text === "false";
    case "Map":
      return typeof value === "object";
    default:
      return true;
  }
}

/**
 * Problems of one literal value: what validation reports and the inspector shows as the user
 * types. Values holding `${var}` or `{{ref}}` are substituted later and not checked.
 */
export function checkValue(value: unknown, spec: ParamSpec, where: ProblemLocation = {}): Problem[] {
  if (value === undefined || value === null || value === "") return [];
  if (typeof value === "string" && (value.includes("${") || value.includes("{{"))) return [];
  const text = typeof value === "string" ? value.trim() : String(value);
  const shown = JSON.stringify(value) ?? String(value);
  const params = { param: spec.name, value: shown };
  const label = `parameter ${spec.name}`;
  if (!wellTyped(value, text, spec.type)) {
    const expected = EXPECTED[spec.type as keyof typeof EXPECTED];
    return [
      error("value-type", `${label} must be ${expected}, not ${shown}`, where, {
        ...params,
        type: spec.type,
      }),
    ];
  }
  if (spec.type === "Map") return [];
  if (spec.allowed && !spec.allowed.includes(text)) {
    const allowed = spec.allowed.join(", ");
    return [
      error("value-not-allowed", `${label} is ${shown}; allowed: ${allowed}`, where, { ...params, allowed }),
    ];
  }
  if (spec.range && (spec.type === "Int" || spec.type === "Double")) {
    const range = parseRange(spec.range);
    if (range && !inRange(Number(text), range))
      return [
        error("value-out-of-range", `${label} is ${text}, outside ${spec.range}`, where, {
          ...params,
          value: text,
          range: spec.range,
        }),
      ];
  }
  return [];
}
