/** A toolbar button that opens a panel below it; Escape or a click outside closes it. */
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";

export interface PopoverButtonProps {
  label: string;
  children: (close: () => void) => ReactNode;
}

export function PopoverButton({ label, children }: PopoverButtonProps) {
  const [open, setOpen] = useState(false);
  // Fixed under the button, in a portal: the toolbar's stacking context must not clip the panel.
  const [at, setAt] = useState({ left: 0, top: 0 });
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    // The panel lives at the end of <body>: bring keyboard focus to it.
    panel.current?.querySelector<HTMLElement>("button")?.focus();
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!root.current?.contains(target) && !panel.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div ref={root} className="pfd-popover">
      <button
        ref={button}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => {
          const r = button.current?.getBoundingClientRect();
          if (r) setAt({ left: Math.max(8, Math.min(r.left, window.innerWidth - 360)), top: r.bottom + 4 });
          setOpen((o) => !o);
        }}
      >
        {label}
      </button>
      {open &&
        createPortal(
          // biome-ignore lint/a11y/useSemanticElements: a labelled group of actions, not a form's fieldset.
          <div
            ref={panel}
            id={id}
            style={{ left: at.left, top: at.top }}
            className="pfd-popover__panel"
            role="group"
            aria-label={label}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.stopPropagation();
                close();
              }
            }}
          >
            {children(close)}
          </div>,
          document.body,
        )}
    </div>
  );
}
