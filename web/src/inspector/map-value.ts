/** What the Map editor needs to know about a map value: its rows, and whether rows can show it. */

export type Row = [key: string, value: string];

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when every entry is a scalar, so key/value rows show the map without loss. */
export function isFlatMap(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return isPlainMap(value) && Object.values(value).every((v) => v === null || typeof v !== "object");
}

export function rowsOf(value: unknown): Row[] {
  if (!isPlainMap(value)) return [];
  return Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
}

/** The map the rows stand for; rows without a key are drafts and left out. */
export function mapOfRows(rows: readonly Row[]): Record<string, string> | undefined {
  const entries = rows.filter(([k]) => k.trim() !== "");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A comparable fingerprint of a value, to tell our own edits from changes made elsewhere (undo). */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value) ?? "";
}
