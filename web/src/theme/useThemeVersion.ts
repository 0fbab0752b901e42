/**
 * A number that changes whenever the page's colours may have: the system's light/dark preference
 * flips, or an attribute of <html> (a theme class or data attribute) changes. Canvas drawings read
 * CSS variables once, so they redraw on it.
 */
import { useSyncExternalStore } from "react";

let version = 0;

function subscribe(onChange: () => void): () => void {
  const bump = () => {
    version++;
    onChange();
  };
  const media =
    typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  media?.addEventListener("change", bump);
  const observer = new MutationObserver(bump);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["class", "data-theme", "style"],
  });
  return () => {
    media?.removeEventListener("change", bump);
    observer.disconnect();
  };
}

export function useThemeVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
