/**
 * The editor's state and verbs. The saved model is `graph` alone: selection, hover, measured
 * node sizes and notices live beside it and never enter the manifest.
 */
import type {
  CatalogLanguage,
  ComponentSpec,
  Connection,
  OpResult,
  PipelineGraph,
  Position,
  Problem,
  SchemasResponse,
  StepClipboard,
} from "@pfd/shared";
import type { Msg } from "../i18n/messages";
import type { EditSource, LoadReason } from "./events";

export interface Selection {
  steps: readonly string[];
  /** Data-edge ids (shared `edgeId`). */
  edges: readonly string[];
}

/**
 * A short message for the user (e.g. why a connection was refused), shown near the canvas: a
 * catalog message with its values, worded in the page's language when shown (i18n `msg`).
 */
export interface Notice {
  id: number;
  kind: "refused" | "info" | "error";
  message: Msg;
}

/** A rename's answer: shared's (a refused name, with its code), or refused because edits are (read-only). */
export type RenameResult = OpResult | { ok: false; code: "read-only"; message: Msg };

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
  /** Increases on every graph change. What the change was is said by `events` (see events.ts). */
  revision: number;
  /**
   * The pipeline differs from its kept version: the one it was opened as (a file, a template, a
   * blank new pipeline) or last marked kept by `markSaved()` (Export YAML). Compared by content, so
   * undoing back to the kept version clears it. Autosave does not: it copies every change into
   * this browser within a second, so a flag it cleared would almost never be set, while this one
   * tells whether the user's own copy is behind ("New pipeline" asks first when it is). Autosave
   * keeps the flag with the pipeline, so a reload or another tab shows it too.
   */
  dirty: boolean;
  /** Edits are refused, with `reason` as the notice (e.g. the pipeline is open in another tab). Loads still work. */
  readOnly: { reason: Msg } | null;
  /** Validation problems of `graph` (recomputed shortly after each change). */
  problems: readonly Problem[];
  /**
   * Design-time schemas (`POST /api/schemas`) of the graph as it was a moment ago, kept by the app
   * shell (schemas/SchemaSync); null until the first answer and after another pipeline is opened.
   */
  schemas: SchemasResponse | null;
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
  /** The language new steps are named in (`读数据表-1` in zh), following the UI's. */
  nameLanguage: CatalogLanguage;

  // ---- verbs ----
  /**
   * Replace the whole pipeline; history is cleared. It opens clean (the graph is its kept version)
   * unless `dirty`: a saved pipeline that had changes not exported yet.
   */
  loadGraph(graph: PipelineGraph, opts: { reason: LoadReason; dirty?: boolean }): void;
  /** Apply a graph edited elsewhere (the YAML panel) as one undoable change. */
  applyGraph(graph: PipelineGraph, source: EditSource): void;
  setComponents(components: readonly ComponentSpec[]): void;
  setSchemas(schemas: SchemasResponse | null): void;
  /** The open graph is now the kept version (it was exported): `dirty` becomes false. */
  markSaved(): void;
  setReadOnly(readOnly: { reason: Msg } | null): void;

  addComponent(key: string, position?: Position): string | null;
  connect(c: Connection): boolean;
  disconnect(edgeIds: readonly string[]): void;
  removeSelection(): void;
  removeSteps(names: readonly string[]): void;
  renameStep(from: string, to: string): RenameResult;
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

  notify(kind: Notice["kind"], message: Msg): void;
  dismissNotice(): void;
  openContextMenu(menu: ContextMenuState | null): void;
  setRenaming(step: string | null): void;
  setMeasured(sizes: ReadonlyMap<string, { width: number; height: number }>): void;
  setViewCentre(p: Position): void;
  setNameLanguage(language: CatalogLanguage): void;
}
