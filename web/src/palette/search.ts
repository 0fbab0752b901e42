/**
 * Palette search: English and Chinese display names, identifiers and categories, case-insensitive.
 * `also` adds words the UI shows for the component (its category in the UI's language).
 */
import type { ComponentSpec } from "@pfd/shared";
import type { Translator } from "../i18n";

export function matchComponent(c: ComponentSpec, query: string, also: readonly string[] = []): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [c.displayName.en, c.displayName.zh, c.identifier, c.category, ...also]
    .join("\n")
    .toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}

/**
 * A category as the UI shows it: a built-in one in the UI's language, a workspace's own (its
 * algorithm tree's path, e.g. `机器学习 / 二分类`) as the workspace names it.
 */
export function categoryName(t: Translator, category: string): string {
  return t.maybe(`category.${category}`) ?? category;
}
