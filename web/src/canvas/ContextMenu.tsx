/**
 * Right-click menus: on a step (rename, duplicate, copy step name, delete), on an edge (delete),
 * on the empty canvas (paste, add component). The Menu key or Shift+F10 opens them from the
 * keyboard (menuKey.ts). Arrow keys move between items; Escape closes, and the focus goes back
 * to where it was.
 */
import { componentKey } from "@pfd/shared";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { matchComponent } from "../palette/search";
import { selectComponents, selectContextMenu, useEditor, useEditorApi } from "../store";
import { readSteps, writeSteps } from "./clipboard";

export function ContextMenu() {
  const menu = useEditor(selectContextMenu);
  const api = useEditorApi();
  const ref = useRef<HTMLDivElement>(null);
  const [adding, setAdding] = useState(false);

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
      aria-label={
        menu.kind === "node" ? "Step actions" : menu.kind === "edge" ? "Connection actions" : "Canvas actions"
      }
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
    >
      {menu.kind === "node" && step ? (
        <>
          <Item label="Rename" hint="F2" onClick={done(() => s().setRenaming(step))} />
          <Item label="Duplicate" hint="Ctrl+D" onClick={done(() => s().duplicateSelection())} />
          <Item
            label="Copy"
            hint="Ctrl+C"
            onClick={done(() => {
              const clip = s().copySelection();
              if (clip) writeSteps(clip);
            })}
          />
          <Item
            label="Copy step name"
            onClick={done(() => {
              navigator.clipboard?.writeText(step).catch(() => undefined);
              s().notify("info", `Copied step name "${step}".`);
            })}
          />
          <hr />
          <Item label="Delete" hint="Del" danger onClick={done(() => s().removeSelection())} />
        </>
      ) : null}
      {menu.kind === "edge" && menu.edge ? (
        <Item label="Delete connection" danger onClick={done(() => s().disconnect([menu.edge as string]))} />
      ) : null}
      {menu.kind === "pane" ? (
        adding ? (
          <AddComponent onPick={(key) => done(() => s().addComponent(key, menu.flow))()} />
        ) : (
          <>
            <Item
              label="Paste"
              hint="Ctrl+V"
              disabled={!readSteps()}
              onClick={done(() => {
                const clip = readSteps();
                if (clip) s().paste(clip, menu.flow);
              })}
            />
            <Item label="Add component…" onClick={() => setAdding(true)} />
            <Item label="Select all" hint="Ctrl+A" onClick={done(() => s().selectAll())} />
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
  const hits = useMemo(() => components.filter((c) => matchComponent(c, q)).slice(0, 8), [components, q]);
  return (
    <div className="menu-add">
      <input
        ref={input}
        className="field-input"
        aria-label="Find a component to add"
        placeholder="Find a component…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && hits[0]) onPick(componentKey(hits[0]));
        }}
      />
      {hits.map((c) => (
        <Item key={componentKey(c)} label={c.displayName.en} onClick={() => onPick(componentKey(c))} />
      ))}
    </div>
  );
}
