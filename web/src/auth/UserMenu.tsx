/**
 * Who is signed in, at the right of the top bar: name (email on hover), role, and "Sign out",
 * which ends the session and follows the server to the provider's logout page. Nothing is shown
 * without sign-in (AUTH_MODE=none: one person at their own machine).
 */
import { effectiveRole } from "@pfd/shared";
import { useState } from "react";
import { useT } from "../i18n";
import { useOptionalRunContext } from "../run/RunProvider";
import { leaveFor } from "./navigate";
import "./auth.css";

export function UserMenu() {
  const ctx = useOptionalRunContext();
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const me = ctx?.me;
  if (!ctx || !me || me.authMode === "none") return null;
  const role = effectiveRole(me);
  const signOut = async () => {
    setLeaving(true);
    setError(null);
    try {
      const { redirectTo } = await ctx.api.signOut();
      leaveFor(redirectTo);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setLeaving(false);
    }
  };
  return (
    <section className="user-menu" aria-label={t("user.label")}>
      <span className="user-avatar" aria-hidden="true">
        {Array.from(me.name)[0]?.toUpperCase()}
      </span>
      <span className="user-who">
        <span className="user-name" title={me.email ?? me.id}>
          {me.name}
        </span>
        <span className="user-role" data-role={role} title={t("user.roleHelp", { role })}>
          {t("user.role", { role })}
        </span>
      </span>
      {me.canSignOut && (
        <button type="button" className="btn" onClick={signOut} disabled={leaving}>
          {t(leaving ? "user.signingOut" : "user.signOut")}
        </button>
      )}
      {error && (
        <span role="alert" className="user-error">
          {t("user.signOutFailed", { detail: error })}
        </span>
      )}
    </section>
  );
}
