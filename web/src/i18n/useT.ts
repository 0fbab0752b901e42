/** `t()`: a message of the catalog in the page's language. */
import { useMemo } from "react";
import { type IntlShape, useIntl } from "react-intl";
import type { Locale } from "./locale";
import type { MessageId, MessageValues, Msg, MsgValues } from "./messages";

export interface Translator {
  (id: MessageId, values?: MessageValues): string;
  /** A message handed over by a module that has no `t` (a store notice, a run refusal). */
  msg(message: Msg): string;
  /** The message `id` when the catalog has it (ids built from data: codes, statuses), else undefined. */
  maybe(id: string, values?: MessageValues): string | undefined;
  locale: Locale;
}

/** The translator of an Intl object (react-intl's, or `createIntl`'s in tests). */
export function translatorOf(intl: IntlShape): Translator {
  const t = ((id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values)) as Translator;
  t.msg = (message) => t(message.id, message.values && worded(message.values, t));
  t.maybe = (id, values) => {
    const pattern = intl.messages[id];
    if (typeof pattern !== "string") return undefined;
    try {
      // Formatted here, not by formatMessage: values that do not fit the message (a problem
      // from an older server without its params) throw, and the caller falls back to its text.
      return String(intl.formatters.getMessageFormat(pattern, intl.locale, intl.formats).format(values));
    } catch {
      return undefined;
    }
  };
  t.locale = intl.locale as Locale;
  return t;
}

/** `values` with the messages among them worded by `t`. */
function worded(values: MsgValues, t: Translator): MessageValues {
  const out: MessageValues = {};
  for (const [name, value] of Object.entries(values)) out[name] = isMsg(value) ? t.msg(value) : value;
  return out;
}

function isMsg(value: MsgValues[string]): value is Msg {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

/** The translator of the page's current language (re-made when the language changes). */
export function useT(): Translator {
  const intl = useIntl();
  return useMemo(() => translatorOf(intl), [intl]);
}
