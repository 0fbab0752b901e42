/**
 * "Run this step", "Run to here" and "Run from here" (PAI Designer's run this node / to here /
 * from here) for one step: as menu items in the node's context menu and as buttons in the step
 * inspector. They send the run with the engine's run scope; steps outside it reuse earlier
 * outputs, and when one has none the server refuses and the refusal names the step to run first.
 * Viewers see them disabled, with why (the shared role rules).
 */
import type { RunScope } from "@pfd/shared";
import { denialText } from "../auth/denial";
import { runRefusal } from "../auth/me";
import { useT } from "../i18n";
import type { MessageId } from "../i18n/messages";
import { useOptionalRunContext } from "./RunProvider";

const SCOPES: readonly { mode: RunScope["mode"]; label: MessageId }[] = [
  { mode: "one", label: "run.thisStep" },
  { mode: "to", label: "run.toHere" },
  { mode: "from", label: "run.fromHere" },
];

export function StepRunActions({
  step,
  as,
  onDone,
}: {
  step: string;
  /** `menuitem` in a context menu, `button` elsewhere. */
  as: "menuitem" | "button";
  /** Called after an action was chosen (the menu closes). */
  onDone?: () => void;
}) {
  const ctx = useOptionalRunContext();
  const t = useT();
  if (!ctx) return null;
  const forbidden = runRefusal(ctx.me);
  const why = forbidden ? denialText(t, forbidden) : undefined;
  return (
    <>
      {SCOPES.map(({ mode, label }) => (
        <button
          key={mode}
          type="button"
          role={as === "menuitem" ? "menuitem" : undefined}
          className={as === "menuitem" ? "menu-item" : "btn"}
          disabled={ctx.submitting || forbidden !== null}
          title={why}
          data-scope={mode}
          onClick={() => {
            ctx.run({ mode, step });
            onDone?.();
          }}
        >
          <span>{t(label)}</span>
        </button>
      ))}
    </>
  );
}
