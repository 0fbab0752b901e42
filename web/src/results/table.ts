/**
 * Reading output tables by their columns' names, whatever their case or spelling (`TP`, `tp`,
 * `true_positive`): the engine's tables and PAI's are read alike.
 */
import type { PreviewResponse } from "@pfd/shared";

/** A column name as compared: lower case, without spaces, dashes or underscores. */
export const normName = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");

/** A finite number from a cell (numbers, numeric strings, BIGINTs as strings), else undefined. */
export function num(v: unknown): number | undefined {
  const n =
    typeof v === "number"
      ? v
      : typeof v === "bigint"
        ? Number(v)
        : typeof v === "string" && v.trim() !== ""
          ? Number(v)
          : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Index of the first column named one of `aliases` (compared by normName), -1 when none is. */
export function columnIndex(preview: PreviewResponse, ...aliases: string[]): number {
  const wanted = new Set(aliases.map(normName));
  return preview.columns.findIndex((c) => wanted.has(normName(c.name)));
}

/** JSON text's value; undefined when the text is not JSON. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
