/**
 * A small modal dialog: labelled by its title, focus moved in on open and back on close,
 * Escape and the backdrop close it, Tab stays inside. Rendered into <body>: opened from the
 * toolbar, it would otherwise share the toolbar's stacking context and sit under the canvas's
 * run bar and notices.
 */
import { type ReactNode, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { useT } from "../i18n";
import "./modal.css";

export interface ModalProps {
  title: string;
  /** `alertdialog` for messages that need an answer or report a failure. */
  role?: "dialog" | "alertdialog";
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  /** Room for two columns side by side. */
  wide?: boolean;
}

export function Modal({ title, role = "dialog", onClose, children, footer, wide }: ModalProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first =
      box.current?.querySelector<HTMLElement>("[data-autofocus]") ??
      box.current?.querySelector<HTMLElement>("textarea, input, button:not([data-close])");
    (first ?? box.current)?.focus();
    return () => previous?.focus?.();
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onCloseRef.current();
    } else if (e.key === "Tab") {
      const focusable = box.current?.querySelectorAll<HTMLElement>("textarea, input, button, [href], select");
      if (!focusable || focusable.length === 0) return;
      const first = focusable[0] as HTMLElement;
      const last = focusable[focusable.length - 1] as HTMLElement;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop closes on click; Escape does the same by keyboard.
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape is handled on the dialog itself.
    <div className="pfd-modal__backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog or alertdialog, both modal. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a dialog handles its own Escape and Tab. */}
      <div
        ref={box}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        className={wide ? "pfd-modal pfd-modal--wide" : "pfd-modal"}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="pfd-modal__title">
          {title}
        </h2>
        <div className="pfd-modal__body">{children}</div>
        {footer && <div className="pfd-modal__footer">{footer}</div>}
      </div>
    </div>,
    document.body,
  );
}

/** The dialog's button that closes it without doing anything (focus never starts on it). */
export function CloseButton({ onClose, label }: { onClose(): void; label?: string }) {
  const t = useT();
  return (
    <button type="button" className="btn" data-close onClick={onClose}>
      {label ?? t("common.cancel")}
    </button>
  );
}
