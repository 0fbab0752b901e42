/** The header's language switch: each language named in itself, the choice remembered. */
import { useId } from "react";
import { useLocale } from "./I18nProvider";
import { LOCALE_NAMES, LOCALES, type Locale } from "./locale";
import { useT } from "./useT";

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t("header.language")}
      </label>
      <select
        id={id}
        className="field-input"
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
