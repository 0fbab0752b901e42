/**
 * The YAML panel: the manifest of the open pipeline, live and editable. The CodeMirror editor is
 * loaded on first render of the panel, outside the initial bundle.
 */
import { hasErrors, type Problem } from "@pfd/shared";
import { lazy, Suspense, useCallback, useState } from "react";
import { type Translator, useT } from "../i18n";
import { problemLabel, problemText } from "../problems/format";
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
  const t = useT();
  const describe = useCallback((p: Problem) => `${problemText(t, p)} [${p.code}]`, [t]);

  return (
    // The shell's dock section around this panel carries the accessible name "YAML".
    <div className="pfd-yaml">
      <header className="pfd-yaml__header">
        <h2 className="pfd-yaml__title">{t("yaml.title")}</h2>
        <output className="pfd-yaml__status" aria-live="polite">
          {updating && !unapplied
            ? t("yaml.updating")
            : status(t, unapplied, checking, blocked, state.problems)}
          {readOnly ? ` · ${t("yaml.readOnly")}` : ""}
        </output>
        <CopyButton text={state.text} t={t} />
      </header>
      {state.conflict && (
        <div className="pfd-yaml__conflict" role="alert">
          {t("yaml.conflict")}{" "}
          <button type="button" className="btn" onClick={takeCanvasVersion}>
            {t("yaml.useCanvas")}
          </button>
        </div>
      )}
      <div className="pfd-yaml__body">
        <Suspense fallback={<p className="pfd-yaml__loading">{t("yaml.loading")}</p>}>
          <YamlEditor
            value={state.text}
            onChange={onEdit}
            problems={state.problems}
            reveal={reveal}
            label={t("yaml.editor")}
            describe={describe}
            readOnly={readOnly}
          />
        </Suspense>
      </div>
      {blocked && (
        <ul className="pfd-yaml__problems" aria-label={t("yaml.problems")}>
          {state.problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their order.
            <li key={i} className={`pfd-problem pfd-problem--${p.severity}`}>
              <button
                type="button"
                onClick={() => p.location.line !== undefined && revealLine(p.location.line, p.location.col)}
              >
                {problemLabel(t, p)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function status(
  t: Translator,
  unapplied: boolean,
  checking: boolean,
  blocked: boolean,
  problems: readonly Problem[],
): string {
  if (!unapplied) return t("yaml.inSync");
  if (checking) return t("yaml.checking");
  if (blocked) return t("yaml.notApplied", { count: problems.filter((p) => p.severity === "error").length });
  return t("yaml.inSync");
}

function CopyButton({ text, t }: { text: string; t: Translator }) {
  const [copied, setCopied] = useState<"yaml.copied" | "yaml.copyFailed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yaml.copied");
    } catch {
      setCopied("yaml.copyFailed");
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <>
      <button type="button" className="btn pfd-yaml__copy" onClick={copy}>
        {t("yaml.copy")}
      </button>
      {copied && <span className="pfd-yaml__copied">{t(copied)}</span>}
    </>
  );
}
