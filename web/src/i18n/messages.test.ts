/**
 * The catalogs: every message in both languages, well-formed ICU, naming the same arguments;
 * a message for every code and status the app words from data; no message left unused.
 */
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { API_ERROR_CODES, CATEGORIES, KNOWN_RUN_STATUSES, PROBLEM_CODES } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { CLIENT_ERROR_CODES } from "../run/api";
import { LOCALES } from "./locale";
import { CATALOGS } from "./test-utils";

const en = CATALOGS.en;

/** `name:type` of every argument, and `name:select=opt|opt` for selects, anywhere in the message. */
function shape(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    if (e.type === TYPE.tag) {
      out.add(`<${e.value}>`);
      shape(e.children, out);
      continue;
    }
    // A plural in one language may be a plain number in another (Chinese has no plural forms).
    const kind = e.type === TYPE.plural || e.type === TYPE.number ? "argument" : TYPE[e.type];
    out.add(`${e.value}:${kind}`);
    if (e.type === TYPE.select) out.add(`${e.value}:select=${Object.keys(e.options).sort().join("|")}`);
    if (e.type === TYPE.select || e.type === TYPE.plural)
      for (const option of Object.values(e.options)) shape(option.value, out);
  }
  return out;
}

describe("message catalogs", () => {
  for (const locale of LOCALES) {
    it(`${locale} has exactly the messages en has`, () => {
      const ids = Object.keys(CATALOGS[locale]);
      expect(
        Object.keys(en).filter((id) => !ids.includes(id)),
        `missing in ${locale}`,
      ).toEqual([]);
      expect(
        ids.filter((id) => !(id in en)),
        `only in ${locale}`,
      ).toEqual([]);
    });

    it(`${locale}: every message is ICU MessageFormat with the arguments en gives it`, () => {
      for (const [id, text] of Object.entries(CATALOGS[locale])) {
        expect(text.trim(), `${locale} ${id} is empty`).not.toBe("");
        const read = (message: string) => {
          try {
            return [...shape(parse(message))].sort();
          } catch (e) {
            throw new Error(`${locale} ${id}: ${e instanceof Error ? e.message : String(e)} in ${message}`);
          }
        };
        const ours = read(text);
        const source = read(en[id as keyof typeof en]);
        expect(ours, `${locale} ${id}`).toEqual(source);
      }
    });
  }

  it("the Chinese catalog is Chinese: its sentences are not English left untranslated", () => {
    // Messages that are names or code in every language (YAML, a reference pattern, a placeholder).
    const same = new Set(["app.name", "map.yaml", "yaml.title", "io.fromPlaceholder", "error.http"]);
    const untranslated = Object.entries(CATALOGS["zh-CN"]).filter(
      ([id, text]) =>
        !same.has(id) &&
        text === en[id as keyof typeof en] &&
        /[a-z]{3}/i.test(text.replace(/\{[^}]*\}/g, "")),
    );
    expect(untranslated).toEqual([]);
  });

  it("words every problem code, run status, API error code and category the app shows", () => {
    const ids = [
      ...PROBLEM_CODES.map((c) => `problem.${c}`),
      ...KNOWN_RUN_STATUSES.map((s) => `status.${s}`),
      ...API_ERROR_CODES.map((c) => `apiError.${c}`),
      ...Object.values(CLIENT_ERROR_CODES).map((c) => `apiError.${c}`),
      ...CATEGORIES.map((c) => `category.${c}`),
    ];
    expect(ids.filter((id) => !(id in en))).toEqual([]);
  });

  it("every message is used: named in the source, or under a prefix the source builds ids from", () => {
    const sources = import.meta.glob<string>(["../**/*.{ts,tsx}", "!../**/*.test.{ts,tsx}"], {
      query: "?raw",
      import: "default",
      eager: true,
    });
    const source = Object.values(sources).join("\n");
    const used = (id: string) => {
      if (source.includes(`"${id}"`)) return true;
      const parts = id.split(".");
      for (let i = 1; i < parts.length; i++)
        if (source.includes(`\`${parts.slice(0, i).join(".")}.\${`)) return true;
      return false;
    };
    expect(Object.keys(en).filter((id) => !used(id))).toEqual([]);
  });
});
