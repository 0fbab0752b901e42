/** The persistence session's state, and what its parts (session.ts, sharing.ts) work on together. */
import type { PipelineGraph } from "@pfd/shared";
import type { StoreApi } from "zustand/vanilla";
import type { Msg } from "../i18n/messages";
import type { EditorStore } from "../store";
import type { Autosaver } from "./autosave";
import type { PipelineRepository } from "./db";
import type { SavedPipeline } from "./record";
import type { Hold, TabLink } from "./tabs";

export type SaveStatus = "idle" | "saving" | "saved" | "error" | "unavailable";

/**
 * `editing`: this tab edits the open pipeline. `elsewhere`: another tab does; this one shows it
 * read-only, following its saved versions. `conflict`: another tab took it over before this
 * tab's last changes were saved; they stay on screen, read-only, and are kept as a copy in Recent
 * until the user decides.
 */
export type Access = "editing" | "elsewhere" | "conflict";

export interface PersistenceState {
  status: SaveStatus;
  recent: readonly SavedPipeline[];
  /** Id of the open pipeline's record. */
  currentId: string;
  access: Access;
  /** Take over is waiting for the editing tab to hand over. */
  takingOver: boolean;
}

/** One session's working state: the open pipeline, the database, the autosaver, the other tabs. */
export interface SessionCore {
  readonly editor: EditorStore;
  readonly state: StoreApi<PersistenceState>;
  /** This tab as a writer of pipelines (see `PipelineRepository.claim`). */
  readonly writer: string;
  /** The open pipeline. */
  pipeline: { id: string; createdAt: number };
  /** This tab's lock on the open pipeline, while it edits it. */
  hold: Hold | null;
  /** What the database has of the open pipeline: the graph as opened, or the YAML last written. */
  stored: PipelineGraph | string;
  repo: PipelineRepository | null;
  saver: Autosaver | null;
  tabs: TabLink | null;
  /** Bumped when the session stops: work begun before drops its result. */
  generation: number;
  /** Makes `next` the open pipeline (remembered by this tab across reloads). */
  setPipeline(next: { id: string; createdAt: number }): void;
  /** Autosaves the open graph (while editing). */
  save(): void;
  refreshRecent(): Promise<void>;
  notify(kind: "info" | "error" | "refused", message: Msg): void;
}
