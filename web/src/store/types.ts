/**
 * The editor's state and verbs. The saved model is `graph` alone: selection, hover, measured
 * node sizes and notices live beside it and never enter the manifest.
 */
import type {
  ComponentSpec,
  Connection,
  OpResult,
  PipelineGraph,
  Position,
  Problem,
  StepClipboard,
} from "@pfd/shared";

export interface Selection {
  steps: readonly string[];
  /** Data-edge ids (shared `edgeId`). */
  edges: readonly string[];
}

/** A short message for the user (e.g. why a connection was refused), shown near the canvas. */
export interface Notice {
  id: number;
  kind: "refused" | "info" | "error";
  message: string;
}

/** Where the latest graph change came from, so a view does not echo its own edits back. */
export type ChangeSource = "canvas" | "inspector" | "yaml" | "load" | "history";

export interface ContextMenuState {
  kind: "node" | "pane" | "edge";
  /** Screen coordinates of the menu. */
  x: number;
  y: number;
  /** Flow coordinates where "Add component"/"Paste" put things. */
  flow: Position;
  step?: string;
  edge?: string;
}

export interface EditorState {
  // ---- graph slice (the saved model) ----
  graph: PipelineGraph;
  /** Increases on every graph change: autosave and the YAML view key on it. */
  revision: number;
  lastChange: ChangeSource;
  /** Graph changed since the last `markSaved()` (or load). */
  dirty: boolean;
  /** Validation problems of `graph` (recomputed shortly after each change). */
  problems: readonly Problem[];
  /** The components steps are made from and checked against: the catalog and the user's own. */
  components: readonly ComponentSpec[];

  // ---- selection slice ----
  selection: Selection;

  // ---- history slice ----
  past: readonly PipelineGraph[];
  future: readonly PipelineGraph[];

  // ---- ui slice (never saved) ----
  notice: Notice | null;
  contextMenu: ContextMenuState | null;
  /** Measured node sizes reported by the canvas, by step name. */
  measured: ReadonlyMap<string, { width: number; height: number }>;
  /** Step whose display name is being edited in place (context menu "Rename"). */
  renaming: string | null;
  /** Canvas centre in flow coordinates, kept current by the canvas: where Enter in the palette adds. */
  viewCentre: Position;
  /**
   * Where the steps being dragged are right now. The graph (and so the YAML, autosave and
   * validation) changes once, when the drag ends, not on every frame of it.
   */
  dragPositions: ReadonlyMap<string, Position> | null;

  // ---- verbs ----
  /** Replace the whole pipeline (import, template, new, YAML edit). History is cleared unless `keepHistory`. */
  loadGraph(
    graph: PipelineGraph,
    opts?: { source?: ChangeSource; keepHistory?: boolean; dirty?: boolean },
  ): void;
  /** Apply a graph edited elsewhere (the YAML panel) as one undoable change. */
  applyGraph(graph: PipelineGraph, source: ChangeSource): void;
  setComponents(components: readonly ComponentSpec[]): void;
  markSaved(): void;

  addComponent(key: string, position?: Position): string | null;
  connect(c: Connection): boolean;
  disconnect(edgeIds: readonly string[]): void;
  removeSelection(): void;
  removeSteps(names: readonly string[]): void;
  renameStep(from: string, to: string): OpResult;
  setDisplayName(step: string, displayName: string): void;
  setParameter(step: string, param: string, value: unknown): void;
  /** Bind a parameter to a pipeline input (declared with the parameter's type if missing), or unbind with `null`. */
  bindParameter(step: string, param: string, input: string | null): void;
  setPipelineMetadata(patch: Record<string, string>): void;
  setPipelineIo(side: "inputs" | "outputs", kind: "parameters" | "artifacts", list: unknown[]): void;

  /** Move steps (keyboard nudge, programmatic): one undo step. */
  moveSteps(positions: ReadonlyMap<string, Position>): void;
  /** Positions of a drag in flight: shown on the canvas, not yet in the graph. */
  dragSteps(positions: ReadonlyMap<string, Position>): void;
  /** The drag ended: its positions enter the graph as one undo step. */
  endDrag(): void;
  autoLayout(): void;

  select(selection: Partial<Selection>, mode?: "replace" | "add" | "toggle"): void;
  selectAll(): void;
  clearSelection(): void;
  copySelection(): StepClipboard | null;
  cutSelection(): StepClipboard | null;
  paste(clip: StepClipboard, at?: Position): void;
  duplicateSelection(): void;

  undo(): void;
  redo(): void;

  notify(kind: Notice["kind"], message: string): void;
  dismissNotice(): void;
  openContextMenu(menu: ContextMenuState | null): void;
  setRenaming(step: string | null): void;
  setMeasured(sizes: ReadonlyMap<string, { width: number; height: number }>): void;
  setViewCentre(p: Position): void;
}
