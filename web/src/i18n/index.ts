/**
 * The web app's languages (zh-CN, en). Every string a user sees or hears goes through here:
 *
 *   const t = useT();  t("toolbar.run")  t("problems.count", { errors, warnings })
 *   const f = useFormats();  f.duration(ms)  f.dateTime(iso)  f.number(n)
 *   msg("notice.copied", { step })  a message from a module with no `t` (store notices), worded by t.msg
 *   useLocale().setLocale("zh-CN")
 *
 * Messages live in locales/en.json (the source, ICU MessageFormat) and locales/zh-CN.json; see
 * messages.ts for adding one. A test fails on a key missing in either, and another on a
 * hard-coded string in JSX text or in aria-label/title/placeholder/alt/label.
 */
export { type Formats, formatDuration, useFormats } from "./format";
export { I18nProvider } from "./I18nProvider";
export { catalogLanguage, initialLocale, type Locale } from "./locale";
export { loadMessages, type MessageId, type Msg, msg } from "./messages";
export { type Translator, useT } from "./useT";
