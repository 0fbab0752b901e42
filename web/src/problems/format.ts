/** How a problem reads in lists and dialogs: where first, then what. */
import type { Problem } from "@pfd/shared";

/** `line:col` (or `line`), when the problem has one. */
export function lineLabel(p: Problem): string | undefined {
  const { line, col } = p.location;
  if (line === undefined) return undefined;
  return col === undefined ? `${line}` : `${line}:${col}`;
}

/** The step and field concerned, e.g. `step split, arguments.parameters.fraction`. */
export function placeLabel(p: Problem): string | undefined {
  const parts: string[] = [];
  if (p.location.step !== undefined) parts.push(`step ${p.location.step}`);
  if (p.location.field !== undefined) parts.push(p.location.field);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/** One line: `12:5 error: message (step s, field)`. */
export function problemLabel(p: Problem, file?: string): string {
  const line = lineLabel(p);
  const where = [file, line].filter(Boolean).join(":");
  const place = placeLabel(p);
  return `${where ? `${where} ` : ""}${p.severity}: ${p.message}${place ? ` (${place})` : ""}`;
}

/** Errors first, then by line, keeping the validator's order otherwise. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        rank(a.p) - rank(b.p) ||
        (a.p.location.line ?? Number.MAX_SAFE_INTEGER) - (b.p.location.line ?? Number.MAX_SAFE_INTEGER) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

const rank = (p: Problem) => (p.severity === "error" ? 0 : 1);
