/**
 * The designer's shell: toolbar on top, palette left, canvas centre with the YAML/Problems dock
 * below it, inspector right. Panels owned by other modules plug in through ./panels.
 */
import { lazy, Suspense } from "react";
import { useT } from "./i18n";
import { Inspector } from "./inspector/Inspector";
import { Palette } from "./palette/Palette";
import { AppEffects, ProblemsSlot, YamlSlot } from "./panels";
import { TabNotice } from "./persistence/TabNotice";
import { RunOverlay } from "./run/EditorRunProvider"; // run view (issue 5)
import { useServerComponents } from "./serverComponents";
import { Toolbar } from "./toolbar/Toolbar";
import "./App.css";

// The canvas pulls in @xyflow/react's renderer; splitting it lets the shell paint first.
const Canvas = lazy(() => import("./canvas/Canvas"));

export function App() {
  const t = useT();
  useServerComponents();
  return (
    <div className="app">
      <Toolbar />
      <TabNotice />
      <div className="workspace">
        <Palette />
        <main className="centre">
          <div className="canvas-area">
            <Suspense fallback={<div className="canvas-loading">{t("app.loadingCanvas")}</div>}>
              <Canvas />
            </Suspense>
            {/* run view (issue 5): run bar and step details over the canvas */}
            <RunOverlay />
          </div>
          <div className="dock">
            <section className="dock-yaml" aria-label={t("yaml.title")}>
              <YamlSlot />
            </section>
            <section className="dock-problems" aria-label={t("problems.title")}>
              <ProblemsSlot />
            </section>
          </div>
        </main>
        <Inspector />
      </div>
      <AppEffects />
    </div>
  );
}
