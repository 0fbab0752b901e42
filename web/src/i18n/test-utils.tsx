/**
 * Tests in a language: a provider around rendered components and a translator for pure
 * functions. Imports both catalogs statically, which only tests may do (the app loads them lazily).
 */
import type { ReactNode } from "react";
import { createIntl, IntlProvider } from "react-intl";
import type { Locale } from "./locale";
import en from "./locales/en.json";
import zh from "./locales/zh-CN.json";
import type { Messages } from "./messages";
import { type Translator, translatorOf } from "./useT";

export const CATALOGS: Record<Locale, Messages> = { en, "zh-CN": zh };

/** Wraps rendered components in `locale` (English by default); strict: a missing message throws. */
function IntlTestProvider({ locale = "en", children }: { locale?: Locale; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={CATALOGS[locale]} onError={fail}>
      {children}
    </IntlProvider>
  );
}

/** `render(ui, { wrapper: inEnglish })`. */
export const inEnglish = ({ children }: { children: ReactNode }) => (
  <IntlTestProvider>{children}</IntlTestProvider>
);

/** `render(ui, { wrapper: inChinese })`. */
export const inChinese = ({ children }: { children: ReactNode }) => (
  <IntlTestProvider locale="zh-CN">{children}</IntlTestProvider>
);

/** A translator for pure functions' tests. */
export function testT(locale: Locale = "en"): Translator {
  return translatorOf(createIntl({ locale, messages: CATALOGS[locale], onError: fail }));
}

function fail(error: Error): void {
  throw error;
}
