/** How a problem reads in lists and dialogs: where first, then what, in the page's language. */
import type { Problem } from "@pfd/shared";
import type { Translator } from "../i18n";

/** The problem in words, from its code and params; the validator's English when no message has its code. */
export function problemText(t: Translator, p: Problem): string {
  return t.maybe(`problem.${p.code}`, p.params ?? {}) ?? p.message;
}

/** `line:col` (or `line`), when the problem has one. */
export function lineLabel(p: Problem): string | undefined {
  const { line, col } = p.location;
  if (line === undefined) return undefined;
  return col === undefined ? `${line}` : `${line}:${col}`;
}

/** The step and field concerned, e.g. `step split, arguments.parameters.fraction`. */
export function placeLabel(t: Translator, p: Problem): string | undefined {
  const parts: string[] = [];
  if (p.location.step !== undefined) parts.push(t("problems.step", { step: p.location.step }));
  if (p.location.field !== undefined) parts.push(p.location.field);
  return parts.length > 0 ? parts.join(t("common.listSeparator")) : undefined;
}

/** One line: `12:5 error: message (step s, field)`. */
export function problemLabel(t: Translator, p: Problem, file?: string): string {
  const line = lineLabel(p);
  const where = [file, line].filter(Boolean).join(":");
  const place = placeLabel(t, p);
  const what = t("problems.what", { severity: p.severity, message: problemText(t, p) });
  return `${where ? `${where} ` : ""}${place ? t("problems.withPlace", { text: what, place }) : what}`;
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
