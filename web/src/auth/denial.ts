/** A refusal by the role rules (shared `Denial`), in the page's language. */
import type { Denial } from "@pfd/shared";
import type { Translator } from "../i18n";

export function denialText(t: Translator, d: Denial): string {
  return t(`denial.${d.code}`, d.params);
}
