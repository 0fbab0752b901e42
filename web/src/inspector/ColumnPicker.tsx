/**
 * A column parameter's editor: a combobox (downshift, WAI-ARIA 1.2) offering the columns that
 * reach the step, each as `name TYPE`. A list keeps the order chosen, shown as chips, and offers
 * "all", "all numeric" and "all text"; a name no column has may still be typed (the schema may be
 * unknown) and is flagged. Where the columns are not known the field is plain free text, with why.
 */
import { type Column, type ColumnParam, columnsReaching, joinColumns, splitColumns } from "@pfd/shared";
import { useCombobox, useMultipleSelection } from "downshift";
import { type ChangeEvent, useMemo, useState } from "react";
import { type Translator, useT } from "../i18n";
import { selectSchemas, useEditor } from "../store";
import { ComboField, ComboMenu, type TextFieldProps, TextPicker } from "./Combobox";
import { type ColumnOption, columnOptions, pick } from "./columnOptions";

interface FieldProps extends TextFieldProps {
  /** The parameter's name: the option list is named after it. */
  param: string;
}

interface Props extends FieldProps {
  step: string;
  column: ColumnParam;
}

function optionText(t: Translator, o: ColumnOption | null): string {
  if (!o) return "";
  if (o.kind === "column") return o.column.name;
  if (o.kind === "typed") return o.name;
  return t(`columns.group.${o.group}`, { count: o.names.length });
}

function OptionLabel({ option, t }: { option: ColumnOption; t: Translator }) {
  if (option.kind === "column")
    return (
      <>
        <span className="mono">{option.column.name}</span>{" "}
        <span className="col-type">{option.column.type}</span>
      </>
    );
  if (option.kind === "typed") return <>{t("columns.useTyped", { column: option.name })}</>;
  return <>{optionText(t, option)}</>;
}

/** The columns a picker offers and whether they are known, from the store's schemas. */
function useReaching(step: string, column: ColumnParam) {
  const schemas = useEditor(selectSchemas);
  return useMemo(() => columnsReaching(schemas ?? undefined, step, column), [schemas, step, column]);
}

export function ColumnPicker({ step, column, ...field }: Props) {
  const reaching = useReaching(step, column);
  const t = useT();
  const columns = reaching.known ? reaching.columns : [];
  // Why the columns are unknown is said once for the step (StepInspector), not under every field.
  return column.multiple ? (
    <MultiPicker {...field} columns={columns} known={reaching.known} t={t} />
  ) : (
    <SinglePicker {...field} columns={columns} t={t} />
  );
}

interface PickerProps extends FieldProps {
  columns: readonly Column[];
  t: Translator;
}

function MultiPicker({
  id,
  labelId,
  param,
  value,
  placeholder,
  onChange,
  columns,
  known,
  t,
  ...aria
}: PickerProps & { known: boolean }) {
  const [draft, setDraft] = useState("");
  const chosen = useMemo(() => splitColumns(value), [value]);
  const types = useMemo(() => new Map(columns.map((c) => [c.name, c.type])), [columns]);
  const options = useMemo(() => columnOptions(columns, chosen, draft, true), [columns, chosen, draft]);
  const set = (names: string[]) => onChange(joinColumns(names));
  const addTyped = (text: string) => {
    const names = splitColumns(text);
    if (names.length > 0) set(pick(chosen, { kind: "group", group: "all", names }));
    setDraft("");
  };

  const { getSelectedItemProps, getDropdownProps, removeSelectedItem } = useMultipleSelection<string>({
    selectedItems: chosen,
    onSelectedItemsChange: ({ selectedItems }) => set(selectedItems ?? []),
  });
  const combobox = useCombobox<ColumnOption>({
    items: options,
    inputId: id,
    labelId,
    itemToString: (o) => optionText(t, o),
    defaultHighlightedIndex: 0,
    selectedItem: null,
    inputValue: draft,
    stateReducer(state, { changes, type }) {
      if (
        type === useCombobox.stateChangeTypes.InputKeyDownEnter ||
        type === useCombobox.stateChangeTypes.ItemClick
      )
        return { ...changes, isOpen: true, highlightedIndex: state.highlightedIndex, inputValue: "" };
      // Leaving the field keeps what was typed as a column, never the highlighted option.
      if (type === useCombobox.stateChangeTypes.InputBlur) return { ...changes, selectedItem: null };
      return changes;
    },
    onStateChange({ type, selectedItem }) {
      if (
        (type === useCombobox.stateChangeTypes.InputKeyDownEnter ||
          type === useCombobox.stateChangeTypes.ItemClick) &&
        selectedItem
      ) {
        // Typed text may hold several names ("a,b"), as pasted from a manifest.
        if (selectedItem.kind === "typed") addTyped(selectedItem.name);
        else set(pick(chosen, selectedItem));
        setDraft("");
      }
    },
  });

  const menu = columnMenu(param, t);
  return (
    <div className="column-picker">
      <ComboField
        combobox={combobox}
        optionCount={options.length}
        before={chosen.map((name, index) => {
          const offered = !known || types.has(name);
          return (
            <span
              key={name}
              className={`chip${offered ? "" : " unknown"}`}
              {...getSelectedItemProps({ selectedItem: name, index })}
            >
              <span className="mono">{name}</span>
              {types.has(name) ? <span className="col-type"> {types.get(name)}</span> : null}
              {offered ? null : (
                <span className="chip-flag" role="img" aria-label={t("columns.notOffered")}>
                  !
                </span>
              )}
              <button
                type="button"
                tabIndex={-1}
                aria-label={t("columns.remove", { column: name })}
                onClick={(e) => {
                  e.stopPropagation();
                  removeSelectedItem(name);
                }}
              >
                ×
              </button>
            </span>
          );
        })}
        inputProps={{
          ...aria,
          placeholder: chosen.length === 0 ? placeholder || t("columns.placeholder") : t("columns.add"),
          ...combobox.getInputProps({
            ...getDropdownProps({ preventKeyAction: combobox.isOpen }),
            onBlur: () => addTyped(draft),
            // Taken in the input event itself, not after downshift's render (see Combobox.tsx).
            onChange: (e: ChangeEvent<HTMLInputElement>) => {
              const text = e.currentTarget.value;
              // A comma ends a name, as in the text it is stored as.
              if (text.endsWith(",")) addTyped(text);
              else setDraft(text);
            },
            onKeyDown: (e) => {
              // Text put in faster than the options follow (a paste and Enter at once): the
              // options are of the text before it, so take the text itself.
              if (e.key === "Enter" && e.currentTarget.value !== draft) {
                (e.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
                e.preventDefault();
                addTyped(e.currentTarget.value);
              }
            },
          }),
        }}
      />
      <ComboMenu
        combobox={combobox}
        items={options}
        label={menu.menuLabel}
        keyOf={menu.keyOf}
        classOf={menu.classOf}
        render={menu.render}
      />
    </div>
  );
}

function SinglePicker({ param, value, columns, t, ...field }: PickerProps) {
  const options = useMemo(
    () => columnOptions(columns, [], value, false).filter((o) => o.kind === "column"),
    [columns, value],
  );
  // While the value names a column exactly, every column is offered (the user may want another).
  const shown = useMemo(
    () =>
      columns.some((c) => c.name === value.trim())
        ? columns.map((column): ColumnOption => ({ kind: "column", column }))
        : options,
    [columns, options, value],
  );
  return (
    <TextPicker<ColumnOption>
      {...field}
      value={value}
      items={shown}
      itemToString={(o) => optionText(t, o)}
      valueOfOption={(o) => (o.kind === "column" ? o.column.name : undefined)}
      {...columnMenu(param, t)}
    />
  );
}

/** How a column picker's options are named (after its parameter), keyed and shown. */
function columnMenu(param: string, t: Translator) {
  return {
    menuLabel: t("columns.menu", { param }),
    keyOf: (o: ColumnOption) => `${o.kind}:${optionText(t, o)}`,
    classOf: (o: ColumnOption) => o.kind,
    render: (o: ColumnOption) => <OptionLabel option={o} t={t} />,
  };
}
