/**
 * The pieces every inspector picker (columns, tables) is built from, on downshift's combobox:
 * a text field whose value is the parameter's own text, the ▾ button, and the option list.
 */
import { type UseComboboxReturnValue, useCombobox } from "downshift";
import type { ReactNode } from "react";
import { useT } from "../i18n";

/**
 * A combobox whose text is the value itself: typing sets it (free text is always allowed),
 * picking an option sets it to that option's `valueOf`. Leaving the field keeps what was typed,
 * never the highlighted option.
 */
export function useTextCombobox<T>(opts: {
  items: T[];
  id: string;
  labelId: string;
  value: string;
  onChange(value: string): void;
  itemToString(item: T | null): string;
  /** The value an option sets; undefined: the option sets nothing. */
  valueOf(item: T): string | undefined;
}): UseComboboxReturnValue<T> {
  return useCombobox<T>({
    items: opts.items,
    inputId: opts.id,
    labelId: opts.labelId,
    itemToString: opts.itemToString,
    inputValue: opts.value,
    selectedItem: null,
    stateReducer(_state, { changes, type }) {
      if (type === useCombobox.stateChangeTypes.InputBlur) return { ...changes, selectedItem: null };
      return changes;
    },
    onStateChange({ type, selectedItem, inputValue }) {
      const picked =
        (type === useCombobox.stateChangeTypes.InputKeyDownEnter ||
          type === useCombobox.stateChangeTypes.ItemClick) &&
        selectedItem
          ? opts.valueOf(selectedItem)
          : undefined;
      if (picked !== undefined) opts.onChange(picked);
      else if (type === useCombobox.stateChangeTypes.InputChange) opts.onChange(inputValue ?? "");
    },
  });
}

/**
 * The field: what comes before the text box (chips), the text box, and the ▾ button. With no
 * options the list is hidden (ComboMenu), so neither claims to have expanded it.
 */
export function ComboField({
  combobox,
  inputProps,
  optionCount,
  before,
}: {
  combobox: Pick<UseComboboxReturnValue<unknown>, "getToggleButtonProps" | "isOpen">;
  inputProps: Record<string, unknown>;
  optionCount: number;
  before?: ReactNode;
}) {
  const t = useT();
  const expanded = combobox.isOpen && optionCount > 0;
  return (
    <div className="chips field-input">
      {before}
      <input className="column-input" {...{ ...inputProps, "aria-expanded": expanded }} />
      <button
        type="button"
        className="column-toggle"
        aria-label={t("columns.showOptions")}
        {...combobox.getToggleButtonProps()}
        aria-expanded={expanded}
      >
        ▾
      </button>
    </div>
  );
}

/** The option list, hidden while closed (an empty listbox is nothing to announce or check). */
export function ComboMenu<T>({
  combobox,
  items,
  label,
  keyOf,
  classOf,
  render,
}: {
  combobox: Pick<UseComboboxReturnValue<T>, "isOpen" | "highlightedIndex" | "getMenuProps" | "getItemProps">;
  items: T[];
  label: string;
  keyOf(item: T): string;
  classOf?(item: T): string;
  render(item: T): ReactNode;
}) {
  const { isOpen, highlightedIndex, getMenuProps, getItemProps } = combobox;
  return (
    <ul
      className="column-menu"
      hidden={!(isOpen && items.length > 0)}
      {...getMenuProps({ "aria-label": label })}
    >
      {isOpen
        ? items.map((item, index) => (
            <li
              key={keyOf(item)}
              className={`column-option ${classOf?.(item) ?? ""}${highlightedIndex === index ? " active" : ""}`}
              {...getItemProps({ item, index })}
            >
              {render(item)}
            </li>
          ))
        : null}
    </ul>
  );
}
