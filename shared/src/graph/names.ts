/** Fresh step and display names, as the designer gives new and pasted steps. */

/** Step names the service accepts: a letter or underscore, then letters, digits, `_` or `-`. */
export const STEP_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;

/** The first free step name among `base`, `base_2`, `base_3`, ... */
export function freshStepName(taken: Iterable<string>, base: string): string {
  const used = new Set(taken);
  const clean = base.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^([^A-Za-z_])/, "_$1") || "step";
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}_${n}`)) return `${clean}_${n}`;
}

/** The first free display name among `<base>-1`, `<base>-2`, ... */
export function freshDisplayName(taken: Iterable<string | undefined>, base: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A display name without its trailing `-<n>` counter, to number copies afresh. */
export function displayBase(displayName: string): string {
  return displayName.replace(/-\d+$/, "") || displayName;
}
