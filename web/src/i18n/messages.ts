/**
 * The message catalogs: `locales/<locale>.json`, ICU MessageFormat by id. English is the source:
 * its ids are the type every `t()` call is checked against, and every other catalog must have
 * the same ids with the same arguments (messages.test.ts). Each catalog is its own chunk, loaded
 * when its language is first shown, so the page carries only the language it speaks.
 *
 * Adding a string: add `"area.what": "Text {arg}"` to en.json and its translation to zh-CN.json,
 * then call `t("area.what", { arg })`.
 */

import type { Locale } from "./locale";
import type en from "./locales/en.json";

export type MessageId = keyof typeof en;
export type Messages = Record<MessageId, string>;

/** Values a message interpolates; ICU `plural` and `select` read numbers and words. */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** A message not worded yet: what a store or a pure module hands the UI to say in its language. */
export interface Msg {
  id: MessageId;
  values?: MsgValues;
}

/**
 * A message's values, any of which may be a message itself, worded first in the same language
 * (a pipeline with no name is "Untitled pipeline" in the notice that names it).
 */
export type MsgValues = Record<string, MessageValues[string] | Msg>;

/** A message, for modules that have no `t` (the store, run logic). */
export function msg(id: MessageId, values?: MsgValues): Msg {
  return values === undefined ? { id } : { id, values };
}

const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import("./locales/en.json"),
  "zh-CN": () => import("./locales/zh-CN.json"),
};

const loaded = new Map<Locale, Promise<Messages>>();

/** The catalog of `locale`, fetched once. */
export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = loaders[locale]().then((m) => m.default);
    // A failed fetch (a redeploy replaced the chunk) may be retried by the next switch.
    messages.catch(() => loaded.delete(locale));
    loaded.set(locale, messages);
  }
  return messages;
}
