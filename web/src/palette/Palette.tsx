/**
 * The component palette: search, categories, and items that drag onto the canvas or, focused,
 * add at the centre of the view with Enter or a double-click.
 */

import { type ComponentSpec, componentKey } from "@pfd/shared";
import { type DragEvent, type KeyboardEvent, memo, useDeferredValue, useMemo, useState } from "react";
import { selectComponents, selectReadOnly, useEditor, useEditorApi } from "../store";
import { CategoryIcon, ChevronIcon, categoryKind, SearchIcon } from "../theme/icons";
import { COMPONENT_MIME } from "./dnd";
import "./palette.css";
import { matchComponent } from "./search";

export function Palette() {
  const components = useEditor(selectComponents);
  const readOnly = useEditor(selectReadOnly);
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const groups = useMemo(() => {
    const byCategory = new Map<string, ComponentSpec[]>();
    for (const c of components) {
      if (!matchComponent(c, deferred)) continue;
      const list = byCategory.get(c.category) ?? [];
      list.push(c);
      byCategory.set(c.category, list);
    }
    return [...byCategory];
  }, [components, deferred]);

  const toggle = (category: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(category)) next.delete(category);
      else next.add(category);
      return next;
    });

  return (
    <aside className="palette" aria-label="Components">
      <div className="palette-search">
        <SearchIcon />
        <input
          type="search"
          className="field-input"
          aria-label="Search components"
          placeholder="Search components / 搜索组件"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="palette-list">
        {groups.length === 0 ? <p className="palette-empty">No component matches “{query}”.</p> : null}
        {groups.map(([category, items]) => {
          const open = deferred.trim() !== "" || !collapsed.has(category);
          return (
            <section key={category} className={`palette-group cat-${categoryKind(category)}`}>
              <h2>
                <button
                  type="button"
                  className="palette-category"
                  aria-expanded={open}
                  onClick={() => toggle(category)}
                >
                  <span className={`chev${open ? " open" : ""}`}>
                    <ChevronIcon />
                  </span>
                  {category}
                  <span className="count">{items.length}</span>
                </button>
              </h2>
              {open ? (
                <ul>
                  {items.map((c) => (
                    <li key={componentKey(c)}>
                      <PaletteItem component={c} readOnly={readOnly} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          );
        })}
      </div>
      <p className="palette-hint">
        {readOnly
          ? "Read-only here: take over to add components."
          : "Drag onto the canvas, or focus and press Enter."}
      </p>
    </aside>
  );
}

const PaletteItem = memo(function PaletteItem({
  component: c,
  readOnly,
}: {
  component: ComponentSpec;
  readOnly: boolean;
}) {
  const api = useEditorApi();
  const key = componentKey(c);
  // Read-only, the store refuses the add with the reason as a notice: the item says why when used.
  const add = () => api.getState().addComponent(key);
  return (
    <button
      type="button"
      className="palette-item"
      aria-label={c.displayName.en}
      aria-disabled={readOnly || undefined}
      title={c.description}
      draggable={!readOnly}
      onDragStart={(e: DragEvent) => {
        e.dataTransfer.setData(COMPONENT_MIME, key);
        e.dataTransfer.effectAllowed = "copy";
      }}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === "Enter") {
          e.preventDefault();
          add();
        }
      }}
      onDoubleClick={add}
    >
      <span className="palette-icon" aria-hidden="true">
        <CategoryIcon category={c.category} />
      </span>
      <span className="palette-names">
        <span className="en">{c.displayName.en}</span>
        <span className="zh">{c.displayName.zh || c.identifier}</span>
      </span>
    </button>
  );
});
