/** A toolbar button that opens a panel below it; Escape or a click outside closes it. */
import { type ReactNode, useEffect, useId, useRef, useState } from "react";

export interface PopoverButtonProps {
  label: string;
  children: (close: () => void) => ReactNode;
}

export function PopoverButton({ label, children }: PopoverButtonProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
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
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open && (
        // biome-ignore lint/a11y/useSemanticElements: a labelled group of actions, not a form's fieldset.
        <div
          id={id}
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
        </div>
      )}
    </div>
  );
}
