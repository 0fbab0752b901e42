/**
 * Which language the designer speaks: the one the analyst chose (remembered in this browser),
 * else the first of the browser's languages we have, else English.
 */

/** The languages the web app is written in; `en` is the source every other is checked against. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, as a language switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

/** The catalog's language for a UI locale: component and parameter names are shown in it. */
export function catalogLanguage(locale: string): "en" | "zh" {
  return locale.startsWith("zh") ? "zh" : "en";
}

const STORAGE_KEY = "pfd.locale";

/** The supported locale a BCP 47 tag falls under (`zh`, `zh-Hans-CN`, `zh-SG` -> zh-CN), if any. */
export function matchLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (lower === "" || lower === "*") return undefined;
  if (LOCALES.includes(tag as Locale)) return tag as Locale;
  const [language, ...rest] = lower.split(/[-_]/);
  if (language === "en") return "en";
  // Traditional Chinese readers (zh-TW, zh-HK, zh-Hant) are not served by a Simplified text.
  if (
    language === "zh" &&
    !rest.some((part) => part === "hant" || part === "tw" || part === "hk" || part === "mo")
  )
    return "zh-CN";
  return undefined;
}

/** The locale to start in: the remembered choice, else the browser's preference order. */
export function pickLocale(browser: readonly string[], saved: string | null): Locale {
  if (saved !== null && LOCALES.includes(saved as Locale)) return saved as Locale;
  for (const tag of browser) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Storage disabled (a privacy setting): the choice lasts for the page only.
    return null;
  }
}

/** The locale this page starts in. */
export function initialLocale(): Locale {
  const languages =
    typeof navigator === "undefined"
      ? []
      : navigator.languages?.length
        ? navigator.languages
        : [navigator.language];
  return pickLocale(languages, storage()?.getItem(STORAGE_KEY) ?? null);
}

/** Remembers the analyst's choice for the next visit. */
export function rememberLocale(locale: Locale): void {
  try {
    storage()?.setItem(STORAGE_KEY, locale);
  } catch {
    // A full or refused storage only costs the memory of the choice.
  }
}
