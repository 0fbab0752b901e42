/** Small helpers for reading manifest objects whose shape is not guaranteed. */

/** True for a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object under `key`, or undefined. */
export function objectAt(parent: unknown, key: string): Record<string, unknown> | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return isObject(value) ? value : undefined;
}

/** The array under `key`, or undefined. */
export function arrayAt(parent: unknown, key: string): unknown[] | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return Array.isArray(value) ? value : undefined;
}

/** The string under `key`, or undefined. */
export function stringAt(parent: unknown, key: string): string | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return typeof value === "string" ? value : undefined;
}
