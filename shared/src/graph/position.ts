/** Canvas positions stored in a step's `metadata.annotations` as `"x,y"`. */
import type { Position } from "./types";

const POSITION = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Reads a `"x,y"` annotation value; undefined when it is not one. */
export function parsePosition(value: unknown): Position | undefined {
  if (typeof value !== "string") return undefined;
  const m = POSITION.exec(value);
  return m ? { x: Number(m[1]), y: Number(m[2]) } : undefined;
}

/** Writes a position as the annotation value (whole pixels). */
export function formatPosition(p: Position): string {
  return `${Math.round(p.x)},${Math.round(p.y)}`;
}

/** True when both are absent or both at the same place. */
export function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  if (!a || !b) return a === b;
  return a.x === b.x && a.y === b.y;
}
