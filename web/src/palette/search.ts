/** Palette search: English and Chinese display names, identifiers and categories, case-insensitive. */
import type { ComponentInfo } from "../store/types";

export function matchComponent(c: ComponentInfo, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [c.displayName, c.displayNameZh ?? "", c.identifier, c.category].join("\n").toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}
