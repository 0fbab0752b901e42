/**
 * Palette search: English and Chinese display names, identifiers and categories, case-insensitive.
 * `also` adds words the UI shows for the component (its category in the UI's language).
 */
import type { ComponentSpec } from "@pfd/shared";

export function matchComponent(c: ComponentSpec, query: string, also: readonly string[] = []): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [c.displayName.en, c.displayName.zh, c.identifier, c.category, ...also]
    .join("\n")
    .toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}
