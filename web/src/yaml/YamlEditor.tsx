/**
 * The CodeMirror 6 editor of the YAML panel, loaded lazily (it is most of the panel's weight).
 * Controlled in one direction only: a new `value` is merged into the document as a minimal
 * change that keeps the cursor, and is not reported back through `onChange`.
 */
import { yaml } from "@codemirror/lang-yaml";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { Annotation, Compartment, EditorSelection, EditorState, type Text } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import type { Problem } from "@pfd/shared";
import { basicSetup } from "codemirror";
import { useEffect, useRef, useState } from "react";
import type { RevealRequest } from "./bridge";

export interface YamlEditorProps {
  value: string;
  onChange(text: string): void;
  problems: readonly Problem[];
  reveal: RevealRequest | null;
  /** The editor's accessible name, in the page's language. */
  label: string;
  /** A problem in words, for its lint mark. */
  describe(problem: Problem): string;
  /** Text can be read, selected and copied, not changed. */
  readOnly: boolean;
}

/** Marks transactions that carry `value` in, so they are not echoed to `onChange`. */
const external = Annotation.define<boolean>();

const darkQuery = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;

// basicSetup's default colours are made for a light background; these read on a dark one.
const darkHighlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: "#8fbcff" },
  { tag: [tags.string, tags.special(tags.string)], color: "#a5d6a7" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "#f2b880" },
  { tag: [tags.keyword, tags.meta, tags.typeName], color: "#d7a6ff" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "#7f8896", fontStyle: "italic" },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: "#aab2bf" },
  { tag: tags.invalid, color: "#ff7b72" },
]);

const darkColours = EditorView.theme(
  {
    "&": { color: "#d8dee9", backgroundColor: "#1e2127" },
    ".cm-gutters": { backgroundColor: "#1a1d22", color: "#9aa2af", borderRight: "1px solid #2c313a" },
    ".cm-activeLine": { backgroundColor: "#2a2f38" },
    ".cm-activeLineGutter": { backgroundColor: "#2a2f38" },
    ".cm-cursor": { borderLeftColor: "#e5e9f0" },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground": { backgroundColor: "#3b4452" },
  },
  { dark: true },
);

const darkTheme = [darkColours, syntaxHighlighting(darkHighlight)];

const baseTheme = EditorView.theme({
  "&": { height: "100%", fontSize: "12.5px" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" },
});

/** The editor's read-only switch: CodeMirror refuses edits, and says so to assistive technology. */
const readOnlyExtension = (readOnly: boolean) =>
  readOnly
    ? [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ "aria-readonly": "true" })]
    : [];

export default function YamlEditor({
  value,
  onChange,
  problems,
  reveal,
  label,
  describe,
  readOnly,
}: YamlEditorProps) {
  const [labelled] = useState(() => new Compartment());
  const [readOnlySwitch] = useState(() => new Compartment());
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The last text reported through onChange: when it comes back as `value` it is an echo, even
  // if the user has typed on since, and must not be written over the newer document.
  const reported = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is made once; `value` flows in below.
  useEffect(() => {
    const theme = new Compartment();
    const v = new EditorView({
      parent: host.current as HTMLDivElement,
      doc: value,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        baseTheme,
        theme.of(darkQuery?.matches ? darkTheme : []),
        readOnlySwitch.of(readOnlyExtension(readOnly)),
        labelled.of(EditorView.contentAttributes.of(contentAttributes(label))),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !u.transactions.some((t) => t.annotation(external))) {
            const text = u.state.doc.toString();
            reported.current = text;
            onChangeRef.current(text);
          }
        }),
      ],
    });
    const onScheme = () => v.dispatch({ effects: theme.reconfigure(darkQuery?.matches ? darkTheme : []) });
    darkQuery?.addEventListener("change", onScheme);
    view.current = v;
    return () => {
      darkQuery?.removeEventListener("change", onScheme);
      v.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v || value === reported.current) return;
    const current = v.state.doc.toString();
    reported.current = null;
    if (current === value) return;
    v.dispatch({ changes: minimalChange(current, value), annotations: external.of(true) });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: labelled.reconfigure(EditorView.contentAttributes.of(contentAttributes(label))),
    });
  }, [label, labelled]);

  useEffect(() => {
    view.current?.dispatch({ effects: readOnlySwitch.reconfigure(readOnlyExtension(readOnly)) });
  }, [readOnly, readOnlySwitch]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(
      setDiagnostics(
        v.state,
        problems.flatMap((p) => toDiagnostic(v.state, p, describe(p))),
      ),
    );
  }, [problems, describe]);

  useEffect(() => {
    const v = view.current;
    if (!v || !reveal) return;
    const pos = offsetOf(v.state.doc, reveal.line, reveal.col);
    v.dispatch({
      selection: EditorSelection.cursor(pos),
      effects: EditorView.scrollIntoView(pos, { y: "center" }),
    });
    v.focus();
  }, [reveal]);

  return <div ref={host} className="pfd-yaml-editor" />;
}

/**
 * The editable text's attributes: its name, and an explicit tab stop, so its scrolling box counts
 * as reachable by keyboard (axe does not count a bare contenteditable).
 */
function contentAttributes(label: string): Record<string, string> {
  return { "aria-label": label, tabindex: "0" };
}

/** The one replacement that turns `from` into `to`: common prefix and suffix stay untouched. */
export function minimalChange(from: string, to: string): { from: number; to: number; insert: string } {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from.charCodeAt(endFrom - 1) === to.charCodeAt(endTo - 1)) {
    endFrom--;
    endTo--;
  }
  return { from: start, to: endFrom, insert: to.slice(start, endTo) };
}

function offsetOf(doc: Text, line: number, col: number): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(col - 1, 0), l.to);
}

function toDiagnostic(state: EditorState, p: Problem, message: string): Diagnostic[] {
  if (p.location.line === undefined) return [];
  const from = offsetOf(state.doc, p.location.line, p.location.col ?? 1);
  const line = state.doc.lineAt(from);
  // Underline from the column to the end of the line (at least one character).
  const to = Math.max(line.to, Math.min(from + 1, state.doc.length));
  return [{ from, to, severity: p.severity, message, source: "paiflow" }];
}
