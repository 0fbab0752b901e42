/**
 * Right-click menus: on a step (rename, duplicate, copy step name, run this step / to here /
 * from here, delete), on an edge (delete), on the empty canvas (paste, add component). The Menu
 * key or Shift+F10 opens them from the keyboard (menuKey.ts). Arrow keys move between items;
 * Escape closes, and the focus goes back to where it was.
 */
import { componentKey, componentName } from "@pfd/shared";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { catalogLanguage, msg, useT } from "../i18n";
import { matchComponent } from "../palette/search";
import { StepRunActions } from "../run/StepRunActions";
import { selectComponents, selectContextMenu, selectReadOnly, useEditor, useEditorApi } from "../store";
import { readSteps, writeSteps } from "./clipboard";

export function ContextMenu() {
  const menu = useEditor(selectContextMenu);
  // Read-only: only what changes nothing (copy, select) is offered.
  const readOnly = useEditor(selectReadOnly);
  const api = useEditorApi();
  const ref = useRef<HTMLDivElement>(null);
  const [adding, setAdding] = useState(false);
  const t = useT();

  useEffect(() => {
    setAdding(false);
    if (!menu) return;
    const opener = document.activeElement;
    ref.current?.querySelector<HTMLElement>("[role=menuitem], input")?.focus();
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) api.getState().openContextMenu(null);
    };
    document.addEventListener("pointerdown", close, true);
    return () => {
      document.removeEventListener("pointerdown", close, true);
      // Closed from the keyboard, the focus would fall to the page: back to what opened the menu.
      const lost = document.activeElement === document.body || ref.current?.contains(document.activeElement);
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [menu, api]);

  if (!menu) return null;
  const s = () => api.getState();
  const done = (f: () => void) => () => {
    f();
    s().openContextMenu(null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      items[(i + step + items.length) % items.length]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      s().openContextMenu(null);
    }
  };

  const step = menu.step;
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={t(
        menu.kind === "node"
          ? "menu.stepActions"
          : menu.kind === "edge"
            ? "menu.edgeActions"
            : "menu.canvasActions",
      )}
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
    >
      {menu.kind === "node" && step ? (
        <>
          {readOnly ? null : (
            <>
              <Item label={t("menu.rename")} hint="F2" onClick={done(() => s().setRenaming(step))} />
              <Item
                label={t("menu.duplicate")}
                hint="Ctrl+D"
                onClick={done(() => s().duplicateSelection())}
              />
            </>
          )}
          <Item
            label={t("menu.copy")}
            hint="Ctrl+C"
            onClick={done(() => {
              const clip = s().copySelection();
              if (clip) writeSteps(clip);
            })}
          />
          <Item
            label={t("menu.copyStepName")}
            onClick={done(() => {
              navigator.clipboard?.writeText(step).catch(() => undefined);
              s().notify("info", msg("notice.copied", { step }));
            })}
          />
          <hr />
          <StepRunActions step={step} as="menuitem" onDone={() => s().openContextMenu(null)} />
          {readOnly ? null : (
            <>
              <hr />
              <Item label={t("menu.delete")} hint="Del" danger onClick={done(() => s().removeSelection())} />
            </>
          )}
        </>
      ) : null}
      {menu.kind === "edge" && menu.edge && !readOnly ? (
        <Item
          label={t("menu.deleteConnection")}
          danger
          onClick={done(() => s().disconnect([menu.edge as string]))}
        />
      ) : null}
      {menu.kind === "pane" ? (
        adding ? (
          <AddComponent onPick={(key) => done(() => s().addComponent(key, menu.flow))()} />
        ) : (
          <>
            <Item
              label={t("menu.paste")}
              hint="Ctrl+V"
              disabled={readOnly || !readSteps()}
              onClick={done(() => {
                const clip = readSteps();
                if (clip) s().paste(clip, menu.flow);
              })}
            />
            <Item label={t("menu.addComponent")} disabled={readOnly} onClick={() => setAdding(true)} />
            <Item label={t("menu.selectAll")} hint="Ctrl+A" onClick={done(() => s().selectAll())} />
          </>
        )
      ) : null}
    </div>
  );
}

function Item(props: {
  label: string;
  hint?: string;
  danger?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      className={`menu-item${props.danger ? " danger" : ""}`}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <span>{props.label}</span>
      {props.hint ? <kbd>{props.hint}</kbd> : null}
    </button>
  );
}

function AddComponent({ onPick }: { onPick: (key: string) => void }) {
  const components = useEditor(selectComponents);
  const [q, setQ] = useState("");
  const input = useRef<HTMLInputElement>(null);
  // Chosen from the menu by keyboard: the search takes the typing at once.
  useEffect(() => input.current?.focus(), []);
  const t = useT();
  const language = catalogLanguage(t.locale);
  const hits = useMemo(
    () => components.filter((c) => matchComponent(c, q, [t(`category.${c.category}`)])).slice(0, 8),
    [components, q, t],
  );
  return (
    <div className="menu-add">
      <input
        ref={input}
        className="field-input"
        aria-label={t("menu.find")}
        placeholder={t("menu.findPlaceholder")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && hits[0]) onPick(componentKey(hits[0]));
        }}
      />
      {hits.map((c) => (
        <Item
          key={componentKey(c)}
          label={componentName(c, language)}
          onClick={() => onPick(componentKey(c))}
        />
      ))}
    </div>
  );
}
