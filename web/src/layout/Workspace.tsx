/**
 * The designer's resizable layout: palette | centre (canvas over the YAML/Problems dock) |
 * inspector. Every separator drags and takes the arrow keys; the palette, the inspector, the dock
 * and the Problems list collapse with a button on their edge (or Enter on their separator).
 * Sizes are remembered per browser (localStorage), collapsed panels included.
 */
import type { ReactNode } from "react";
import { Group, Panel, Separator, useDefaultLayout } from "react-resizable-panels";
import { useT } from "../i18n";
import { type Pane, PaneToggle, usePane } from "./PaneToggle";
import "./layout.css";

// The library positions nothing itself; the edge buttons (PaneToggle) are placed in the group's box.
const GROUP_STYLE = { position: "relative" } as const;

/** localStorage keys (with the library's own prefix) of the three groups' layouts. */
const LAYOUT_IDS = { workspace: "pfd-workspace", centre: "pfd-centre", dock: "pfd-dock" } as const;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage refused (a privacy mode): the layout is simply not remembered.
    return undefined;
  }
}

function useLayout(id: string) {
  const store = storage();
  return useDefaultLayout(
    store ? { id, storage: store } : { id, storage: { getItem: () => null, setItem: () => {} } },
  );
}

/** Side and bottom panels fold away, and keep their size in pixels when the window changes. */
const COLLAPSIBLE = { collapsible: true, groupResizeBehavior: "preserve-pixel-size" } as const;

/** A collapsed panel's content is not drawn (nor reachable by Tab), only its edge button is. */
const paneClass = (pane: Pane) => (pane.collapsed ? "pane collapsed" : "pane");

interface Props {
  palette: ReactNode;
  canvas: ReactNode;
  yaml: ReactNode;
  problems: ReactNode;
  inspector: ReactNode;
}

export function Workspace({ palette, canvas, yaml, problems, inspector }: Props) {
  const outer = useLayout(LAYOUT_IDS.workspace);
  const centre = useLayout(LAYOUT_IDS.centre);
  const dockLayout = useLayout(LAYOUT_IDS.dock);
  const left = usePane();
  const right = usePane();
  const dock = usePane();
  const problemsPane = usePane();
  const t = useT();

  return (
    <Group
      id={LAYOUT_IDS.workspace}
      className="workspace"
      style={GROUP_STYLE}
      orientation="horizontal"
      defaultLayout={outer.defaultLayout}
      onLayoutChanged={outer.onLayoutChanged}
    >
      <Panel
        id="palette"
        className={paneClass(left)}
        defaultSize={260}
        minSize={180}
        maxSize={520}
        {...COLLAPSIBLE}
        {...left.panelProps}
      >
        {palette}
      </Panel>
      <Separator className="sep sep-x" aria-label={t("layout.resize", { pane: "palette" })} />
      <PaneToggle pane={left} name="palette" edge="left" />
      <Panel id="centre" className="pane" minSize={320}>
        <Group
          id={LAYOUT_IDS.centre}
          className="centre"
          style={GROUP_STYLE}
          orientation="vertical"
          defaultLayout={centre.defaultLayout}
          onLayoutChanged={centre.onLayoutChanged}
        >
          <Panel id="canvas" className="pane" minSize={160}>
            <main className="canvas-area">{canvas}</main>
          </Panel>
          <Separator className="sep sep-y" aria-label={t("layout.resize", { pane: "dock" })} />
          <PaneToggle pane={dock} name="dock" edge="bottom" />
          <Panel
            id="dock"
            className={paneClass(dock)}
            defaultSize={280}
            minSize={120}
            {...COLLAPSIBLE}
            {...dock.panelProps}
          >
            <Group
              id={LAYOUT_IDS.dock}
              className="dock"
              style={GROUP_STYLE}
              orientation="horizontal"
              defaultLayout={dockLayout.defaultLayout}
              onLayoutChanged={dockLayout.onLayoutChanged}
            >
              <Panel id="yaml" className="pane" minSize={240}>
                <section className="dock-yaml" aria-label={t("yaml.title")}>
                  {yaml}
                </section>
              </Panel>
              <Separator className="sep sep-x" aria-label={t("layout.resize", { pane: "problems" })} />
              <PaneToggle pane={problemsPane} name="problems" edge="right" />
              <Panel
                id="problems"
                className={paneClass(problemsPane)}
                defaultSize={360}
                minSize={200}
                {...COLLAPSIBLE}
                {...problemsPane.panelProps}
              >
                <section className="dock-problems" aria-label={t("problems.title")}>
                  {problems}
                </section>
              </Panel>
            </Group>
          </Panel>
        </Group>
      </Panel>
      <Separator className="sep sep-x" aria-label={t("layout.resize", { pane: "inspector" })} />
      <PaneToggle pane={right} name="inspector" edge="right" />
      <Panel
        id="inspector"
        className={paneClass(right)}
        defaultSize={340}
        minSize={240}
        maxSize={640}
        {...COLLAPSIBLE}
        {...right.panelProps}
      >
        {inspector}
      </Panel>
    </Group>
  );
}
