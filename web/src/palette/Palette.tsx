/**
 * The component palette: search, categories, and items that drag onto the canvas or, focused,
 * add at the centre of the view with Enter or a double-click.
 */

import {
  type CatalogLanguage,
  type ComponentSpec,
  componentDescription,
  componentKey,
  componentName,
} from "@pfd/shared";
import { type DragEvent, type KeyboardEvent, memo, useDeferredValue, useMemo, useState } from "react";
import { catalogLanguage, useT } from "../i18n";
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
  const t = useT();
  const language = catalogLanguage(t.locale);

  const groups = useMemo(() => {
    const byCategory = new Map<ComponentSpec["category"], ComponentSpec[]>();
    for (const c of components) {
      if (!matchComponent(c, deferred, [t(`category.${c.category}`)])) continue;
      const list = byCategory.get(c.category) ?? [];
      list.push(c);
      byCategory.set(c.category, list);
    }
    return [...byCategory];
  }, [components, deferred, t]);

  const toggle = (category: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(category)) next.delete(category);
      else next.add(category);
      return next;
    });

  return (
    <aside className="palette" aria-label={t("palette.label")}>
      <div className="palette-search">
        <SearchIcon />
        <input
          type="search"
          className="field-input"
          aria-label={t("palette.search")}
          placeholder={t("palette.searchPlaceholder")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="palette-list">
        {groups.length === 0 ? <p className="palette-empty">{t("palette.noMatch", { query })}</p> : null}
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
                  {t(`category.${category}`)}
                  <span className="count">{items.length}</span>
                </button>
              </h2>
              {open ? (
                <ul>
                  {items.map((c) => (
                    <li key={componentKey(c)}>
                      <PaletteItem component={c} language={language} readOnly={readOnly} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          );
        })}
      </div>
      <p className="palette-hint">{t(readOnly ? "palette.hintReadOnly" : "palette.hint")}</p>
    </aside>
  );
}

const PaletteItem = memo(function PaletteItem({
  component: c,
  language,
  readOnly,
}: {
  component: ComponentSpec;
  language: CatalogLanguage;
  readOnly: boolean;
}) {
  const api = useEditorApi();
  const key = componentKey(c);
  // Read-only, the store refuses the add with the reason as a notice: the item says why when used.
  const add = () => api.getState().addComponent(key);
  const name = componentName(c, language);
  // The other language's name beneath: analysts often know a component by its Chinese name.
  const other = componentName(c, language === "zh" ? "en" : "zh");
  return (
    // Named by its content: the name in the UI's language (the other language's name beneath is
    // for the eye, hidden from the accessible name so it stays the component's name alone).
    <button
      type="button"
      className="palette-item"
      aria-disabled={readOnly || undefined}
      title={componentDescription(c, language)}
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
        <span className="en" lang={language === "zh" ? "zh-CN" : "en"}>
          {name}
        </span>
        <span className="zh" lang={language === "zh" ? "en" : "zh-CN"} aria-hidden="true">
          {other === name ? c.identifier : other}
        </span>
      </span>
    </button>
  );
});
