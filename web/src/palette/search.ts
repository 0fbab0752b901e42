/** Palette search: English and Chinese display names, identifiers and categories, case-insensitive. */
import type { ComponentSpec } from "@pfd/shared";

export function matchComponent(c: ComponentSpec, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [c.displayName.en, c.displayName.zh, c.identifier, c.category].join("\n").toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}
