/**
 * Two manifests side by side; lines the other side does not have are marked and each side opens
 * at its first difference, so the differences stand out in a long pipeline.
 */
import { useEffect, useRef } from "react";
import { useT } from "../i18n";

interface Side {
  title: string;
  /** null while it loads. */
  text: string | null;
}

/** Per line of `a`: whether `b` lacks it (counted, so a line repeated more often in `a` is marked). */
export function unmatchedLines(a: readonly string[], b: readonly string[]): boolean[] {
  const left = new Map<string, number>();
  for (const line of b) left.set(line, (left.get(line) ?? 0) + 1);
  return a.map((line) => {
    const n = left.get(line) ?? 0;
    if (n === 0) return true;
    left.set(line, n - 1);
    return false;
  });
}

function Column({ side, other }: { side: Side; other: string | null }) {
  const lines = side.text?.split("\n") ?? [];
  const marks = other === null ? lines.map(() => false) : unmatchedLines(lines, other.split("\n"));
  const changed = marks.filter(Boolean).length;
  const pre = useRef<HTMLPreElement>(null);
  const t = useT();
  useEffect(() => {
    const first = pre.current?.querySelector<HTMLElement>(".pfd-ws-changed");
    if (pre.current && first)
      pre.current.scrollTop = Math.max(0, first.offsetTop - pre.current.offsetTop - 48);
  });
  return (
    <section className="pfd-ws-compare__side" aria-label={side.title}>
      <h3>
        {side.title}
        {other !== null && side.text !== null ? (
          <span className="pfd-ws-compare__count">
            {changed === 0 ? t("compare.same") : t("compare.changed", { count: changed })}
          </span>
        ) : null}
      </h3>
      {side.text === null ? (
        <p className="pfd-ws-empty">{t("common.loading")}</p>
      ) : (
        <pre
          ref={pre}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a long manifest must be reachable to scroll by keyboard
          tabIndex={0}
        >
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
            <span key={i} className={marks[i] ? "pfd-ws-line pfd-ws-changed" : "pfd-ws-line"}>
              {line}
            </span>
          ))}
        </pre>
      )}
    </section>
  );
}

export function CompareView({ left, right }: { left: Side; right: Side }) {
  return (
    <div className="pfd-ws-compare">
      <Column side={left} other={right.text} />
      <Column side={right} other={left.text} />
    </div>
  );
}
