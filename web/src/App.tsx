/**
 * The designer's shell: toolbar on top, palette left, canvas centre with the YAML/Problems dock
 * below it, inspector right. Panels owned by other modules plug in through ./panels.
 */
import { lazy, Suspense } from "react";
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
  useServerComponents();
  return (
    <div className="app">
      <Toolbar />
      <TabNotice />
      <div className="workspace">
        <Palette />
        <main className="centre">
          <div className="canvas-area">
            <Suspense fallback={<div className="canvas-loading">Loading canvas…</div>}>
              <Canvas />
            </Suspense>
            {/* run view (issue 5): run bar and step details over the canvas */}
            <RunOverlay />
          </div>
          <div className="dock">
            <section className="dock-yaml" aria-label="YAML">
              <YamlSlot />
            </section>
            <section className="dock-problems" aria-label="Problems">
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
