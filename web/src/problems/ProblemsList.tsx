/**
 * The Problems list: every validation problem of the open pipeline, and of YAML text not applied
 * yet. A problem of a step selects that step; any other problem jumps to its line in the YAML.
 */
import { type PipelineGraph, type Problem, parseManifest } from "@pfd/shared";
import { useMemo } from "react";
import { useT } from "../i18n";
import { graphToYaml } from "../io/codec";
import { selectProblems, useEditor, useEditorApi } from "../store";
import { useYamlBridge, useYamlBridgeApi } from "../yaml/bridge";
import { lineLabel, placeLabel, problemText, sortProblems } from "./format";
import "./problems.css";

const selectPending = (s: { pending: readonly Problem[] }) => s.pending;

export function ProblemsList() {
  const graphProblems = useEditor(selectProblems);
  const pending = useYamlBridge(selectPending);
  const api = useEditorApi();
  const bridge = useYamlBridgeApi();
  const t = useT();
  const items = useMemo(
    () => [
      ...sortProblems(pending).map((p) => ({ p, fromText: true })),
      ...sortProblems(graphProblems).map((p) => ({ p, fromText: false })),
    ],
    [pending, graphProblems],
  );
  const errors = items.filter((i) => i.p.severity === "error").length;
  const warnings = items.length - errors;

  const open = (p: Problem, fromText: boolean) => {
    const step = p.location.step;
    if (!fromText && step !== undefined && api.getState().graph.steps.some((s) => s.name === step)) {
      api.getState().select({ steps: [step] });
      return;
    }
    const pos = fromText ? p.location : locate(api.getState().graph, p);
    if (pos?.line !== undefined) bridge.getState().revealLine(pos.line, pos.col);
  };

  return (
    // The shell's dock section around this list carries the accessible name "Problems".
    <div className="pfd-problems">
      <h2 className="pfd-problems__title">
        {t("problems.title")}{" "}
        <span className="pfd-problems__count">{t("problems.count", { errors, warnings })}</span>
      </h2>
      {items.length === 0 ? (
        <p className="pfd-problems__none">{t("problems.none")}</p>
      ) : (
        <ul aria-label={t("problems.title")} className="pfd-problems__list">
          {items.map(({ p, fromText }, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their order.
            <li key={i} className={`pfd-problem pfd-problem--${p.severity}`} data-code={p.code}>
              <button type="button" onClick={() => open(p, fromText)}>
                <span className="pfd-problem__severity">
                  {t("problems.severity", { severity: p.severity })}
                </span>
                <span className="pfd-problem__code">{p.code}</span>
                <span className="pfd-problem__message">{problemText(t, p)}</span>
                <span className="pfd-problem__where">
                  {[
                    fromText ? t("problems.notApplied") : undefined,
                    placeLabel(t, p),
                    lineLabel(p) && t("problems.line", { line: lineLabel(p) }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Where a graph problem sits in the YAML the panel shows. */
function locate(graph: PipelineGraph, p: Problem): { line?: number; col?: number } | undefined {
  if (p.location.line !== undefined) return p.location;
  return parseManifest(graphToYaml(graph)).locate(p.location);
}
