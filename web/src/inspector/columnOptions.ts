/**
 * What a column picker offers: the columns reaching the step (less those chosen already), for a
 * list also "all", "all numeric" and "all text", and the typed name itself when no column has it
 * (the schema may be unknown or behind). Pure, so the picker's choices are tested without a DOM.
 */
import { type Column, isNumericType, isTextType } from "@pfd/shared";

export type ColumnGroup = "all" | "numeric" | "text";

export type ColumnOption =
  | { kind: "column"; column: Column }
  /** Adds every column of the group not chosen yet, in the table's order. */
  | { kind: "group"; group: ColumnGroup; names: string[] }
  | { kind: "typed"; name: string };

const GROUPS: [ColumnGroup, (c: Column) => boolean][] = [
  ["all", () => true],
  ["numeric", (c) => isNumericType(c.type)],
  ["text", (c) => isTextType(c.type)],
];

export function columnOptions(
  columns: readonly Column[],
  chosen: readonly string[],
  typed: string,
  multiple: boolean,
): ColumnOption[] {
  const query = typed.trim().toLowerCase();
  const taken = new Set(multiple ? chosen : []);
  const free = columns.filter((c) => !taken.has(c.name));
  const out: ColumnOption[] = [];
  if (multiple && query === "") {
    for (const [group, test] of GROUPS) {
      const names = free.filter(test).map((c) => c.name);
      if (names.length > 0) out.push({ kind: "group", group, names });
    }
  }
  for (const column of free)
    if (column.name.toLowerCase().includes(query)) out.push({ kind: "column", column });
  const name = typed.trim();
  if (name && !columns.some((c) => c.name === name) && !taken.has(name)) out.push({ kind: "typed", name });
  return out;
}

/** The chosen names after picking `option`, in the order chosen. */
export function pick(chosen: readonly string[], option: ColumnOption): string[] {
  const add =
    option.kind === "group" ? option.names : [option.kind === "column" ? option.column.name : option.name];
  return [...chosen, ...add.filter((n) => !chosen.includes(n))];
}
