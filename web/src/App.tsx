/**
 * The designer's shell: toolbar on top, palette left, canvas centre with the YAML/Problems dock
 * below it, inspector right, in a resizable layout (layout/Workspace). The canvas, the run views,
 * the YAML panel and the inspector each fail alone (errors/AreaBoundary). Panels owned by other
 * modules plug in through ./panels.
 */
import { lazy, Suspense } from "react";
import { AreaBoundary } from "./errors/AreaBoundary";
import { useT } from "./i18n";
import { Inspector } from "./inspector/Inspector";
import { Workspace } from "./layout/Workspace";
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
      <Workspace
        palette={<Palette />}
        canvas={
          <>
            <AreaBoundary area="canvas">
              <Suspense fallback={<div className="canvas-loading">{t("app.loadingCanvas")}</div>}>
                <Canvas />
              </Suspense>
            </AreaBoundary>
            {/* run view (issue 5): run bar and step details over the canvas */}
            <AreaBoundary area="run">
              <RunOverlay />
            </AreaBoundary>
          </>
        }
        yaml={
          <AreaBoundary area="yaml">
            <YamlSlot />
          </AreaBoundary>
        }
        problems={<ProblemsSlot />}
        inspector={
          <AreaBoundary area="inspector">
            <Inspector />
          </AreaBoundary>
        }
      />
      <AppEffects />
    </div>
  );
}
