/**
 * The language of the page: messages and Intl formats for the chosen locale, `<html lang>`,
 * and the switch that changes and remembers it. A switch shows the new language once its
 * catalog has arrived (a few KB), so nothing ever shows half-translated.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { IntlProvider } from "react-intl";
import { type Locale, rememberLocale } from "./locale";
import { loadMessages, type Messages } from "./messages";

interface LocaleContextValue {
  locale: Locale;
  /** Changes the language (remembered in this browser). */
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

/** The current language and the way to change it. */
export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error("useLocale must be used inside <I18nProvider>.");
  return value;
}

interface Props {
  locale: Locale;
  /** The catalog of `locale`, loaded before the first render. */
  messages: Messages;
  children: ReactNode;
  /** Called after each switch (the editor store learns the language of new step names). */
  onLocale?: (locale: Locale) => void;
}

export function I18nProvider({ locale: initial, messages: initialMessages, children, onLocale }: Props) {
  const [shown, setShown] = useState({ locale: initial, messages: initialMessages });

  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    void loadMessages(next).then(
      (messages) => setShown({ locale: next, messages }),
      (error: unknown) => console.error(`paiflow: the ${next} messages could not be loaded`, error),
    );
  }, []);

  useEffect(() => {
    document.documentElement.lang = shown.locale;
    onLocale?.(shown.locale);
  }, [shown.locale, onLocale]);

  const context = useMemo(() => ({ locale: shown.locale, setLocale }), [shown.locale, setLocale]);
  return (
    <LocaleContext.Provider value={context}>
      <IntlProvider locale={shown.locale} messages={shown.messages} onError={reportIntlError}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

/** Missing or broken messages are bugs the catalog test catches; in the page they are logged once. */
const reported = new Set<string>();
function reportIntlError(error: { code: string; message: string }): void {
  if (reported.has(error.message)) return;
  reported.add(error.message);
  console.error(`paiflow i18n: ${error.code}: ${error.message}`);
}
