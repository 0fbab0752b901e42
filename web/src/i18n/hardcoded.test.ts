/**
 * The guard against untranslated strings: no text a user reads or hears is written into the JSX.
 * It reads every component with the TypeScript parser and fails on letters in JSX text, in a
 * string (or template) given as a JSX child, and in the attributes that carry words: strings
 * added later by anyone must go through `t()` (see ./messages.ts) to get past it.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Attributes whose value is read or announced to the user. */
const WORDY_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
]);

/** Text with a letter in any script: digits, punctuation and symbols (×, —, ·) need no translation. */
const WORDS = /\p{L}/u;

/** Every component of the app, by path (tests and test helpers say what they like). */
const components = import.meta.glob<string>(["../**/*.tsx", "!../**/*.test.tsx", "!./test-utils.tsx"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Literal words an expression can evaluate to (through `?:`, `&&`, `||`, `??` and parentheses). */
function literalWords(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return WORDS.test(node.text) ? [node] : [];
  if (ts.isTemplateExpression(node))
    return [node.head, ...node.templateSpans.map((s) => s.literal)].some((part) => WORDS.test(part.text))
      ? [node]
      : [];
  if (ts.isParenthesizedExpression(node)) return literalWords(node.expression);
  if (ts.isConditionalExpression(node))
    return [...literalWords(node.whenTrue), ...literalWords(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [
      ts.SyntaxKind.AmpersandAmpersandToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken,
    ].includes(node.operatorToken.kind)
  )
    return [...literalWords(node.left), ...literalWords(node.right)];
  return [];
}

/** `file:line: text` of every hard-coded user-visible string in `source`. */
export function hardCodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1}: ${node.getText(file).trim().replace(/\s+/g, " ")}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      literalWords(node.expression).forEach(report);
    else if (ts.isJsxAttribute(node) && WORDY_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) {
        if (WORDS.test(value.text)) report(node);
      } else if (ts.isJsxExpression(value) && value.expression)
        literalWords(value.expression).forEach(report);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no hard-coded user-visible strings", () => {
  it("finds words in JSX text, children and wordy attributes, and nothing else", () => {
    const found = hardCodedStrings(
      "x.tsx",
      `const a = <div className="row" data-x="y">
        Run
        <b title="Close">{busy ? "Starting…" : t("run")}</b>
        <i aria-label={\`Remove \${name}\`} placeholder={name ?? "none"}>{"×"}{\`\${n} · \${m}\`}</i>
        <Item label={t("a")} hint="F2" />
      </div>;`,
    );
    expect(found).toEqual([
      "x.tsx:2: Run",
      'x.tsx:3: title="Close"',
      'x.tsx:3: "Starting…"',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text the guard reports
      "x.tsx:4: `Remove ${name}`",
      'x.tsx:4: "none"',
    ]);
  });

  it("every component of the web app says its words through t()", () => {
    const files = Object.entries(components);
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap(([path, source]) => hardCodedStrings(path.replace(/^\.\.\//, ""), source));
    expect(found).toEqual([]);
  });
});
