/**
 * The YAML panel: the manifest of the open pipeline, live and editable. The CodeMirror editor is
 * loaded on first render of the panel, outside the initial bundle.
 */
import { hasErrors, type Problem } from "@pfd/shared";
import { lazy, Suspense, useState } from "react";
import { problemLabel } from "../problems/format";
import { selectReadOnly, useEditor } from "../store";
import { type RevealRequest, useYamlBridge } from "./bridge";
import { hasUnappliedEdits } from "./sync";
import { useYamlSync } from "./useYamlSync";
import "../problems/problems.css";
import "./yaml.css";

const YamlEditor = lazy(() => import("./YamlEditor"));

const selectReveal = (s: { reveal: RevealRequest | null }) => s.reveal;

export function YamlPanel() {
  const { state, checking, updating, onEdit, takeCanvasVersion } = useYamlSync();
  const reveal = useYamlBridge(selectReveal);
  const revealLine = useYamlBridge((s) => s.revealLine);
  const readOnly = useEditor(selectReadOnly);
  const unapplied = hasUnappliedEdits(state);
  const blocked = unapplied && !checking && hasErrors(state.problems);

  return (
    // The shell's dock section around this panel carries the accessible name "YAML".
    <div className="pfd-yaml">
      <header className="pfd-yaml__header">
        <h2 className="pfd-yaml__title">YAML</h2>
        <output className="pfd-yaml__status" aria-live="polite">
          {updating && !unapplied ? "Updating…" : status(unapplied, checking, blocked, state.problems)}
          {readOnly ? " · read-only" : ""}
        </output>
        <CopyButton text={state.text} />
      </header>
      {state.conflict && (
        <div className="pfd-yaml__conflict" role="alert">
          The canvas changed while this YAML has unapplied edits. Fixing the YAML applies it over those
          changes.{" "}
          <button type="button" className="btn" onClick={takeCanvasVersion}>
            Use canvas version
          </button>
        </div>
      )}
      <div className="pfd-yaml__body">
        <Suspense fallback={<p className="pfd-yaml__loading">Loading editor…</p>}>
          <YamlEditor
            value={state.text}
            onChange={onEdit}
            problems={state.problems}
            reveal={reveal}
            readOnly={readOnly}
          />
        </Suspense>
      </div>
      {blocked && (
        <ul className="pfd-yaml__problems" aria-label="YAML problems">
          {state.problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their order.
            <li key={i} className={`pfd-problem pfd-problem--${p.severity}`}>
              <button
                type="button"
                onClick={() => p.location.line !== undefined && revealLine(p.location.line, p.location.col)}
              >
                {problemLabel(p)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function status(
  unapplied: boolean,
  checking: boolean,
  blocked: boolean,
  problems: readonly Problem[],
): string {
  if (!unapplied) return "In sync with the canvas";
  if (checking) return "Checking…";
  if (blocked) {
    const n = problems.filter((p) => p.severity === "error").length;
    return `Not applied: ${n} error${n === 1 ? "" : "s"}; the canvas keeps its last valid version`;
  }
  return "In sync with the canvas";
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<"Copied" | "Copy failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("Copied");
    } catch {
      setCopied("Copy failed");
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <>
      <button type="button" className="btn pfd-yaml__copy" onClick={copy}>
        Copy YAML
      </button>
      {copied && <span className="pfd-yaml__copied">{copied}</span>}
    </>
  );
}
