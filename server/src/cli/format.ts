/** How problems are printed: `FILE:LINE:COL: severity CODE: message`, the format editors and CI parse. */
import type { Problem } from "@pfd/shared";

/** One line for a problem of `file` (`LINE:COL` left out when unknown). */
export function formatProblem(file: string, p: Problem): string {
  const where = p.location.line === undefined ? "" : `:${p.location.line}:${p.location.col ?? 1}`;
  return `${file}${where}: ${p.severity} ${p.code}: ${p.message}`;
}

/** `1 error`, `2 warnings`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
