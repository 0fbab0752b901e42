/**
 * PAI Designer drafts through PaiStudio: open (size checked before parsing, the canvas read
 * before it reaches the browser), save with the Version it was based on (a refused save becomes
 * a conflict only once the draft's current Version proves it), save as a new draft, browse
 * folders. Who saved which version through this server is remembered, so a conflict can name them.
 */
import {
  type Accessibility,
  canvasTooLarge,
  DRAFT_SOURCE,
  type DraftConflict,
  type DraftMeta,
  type DraftResponse,
  type FolderEntry,
  looksLikeVersionConflict,
  MAX_EXPERIMENT_PAGE_SIZE,
  MAX_MANIFEST_BYTES,
  readCanvas,
} from "@pfd/shared";
import { PaiflowError } from "../paiflow/errors";
import { HttpError } from "../routes/errors";
import type { PaistudioClient } from "./client";
import type { ExperimentMeta } from "./types";

/** Who saves through the designer: the signed-in user's name; null without sign-in (nobody to name). */
export interface Saver {
  name: string | null;
}

interface Save {
  version: number;
  by: string | null;
}

const MAX_REMEMBERED_SAVES = 2000;

function tooLarge(id: string): HttpError {
  const mb = MAX_MANIFEST_BYTES / 1024 / 1024;
  return new HttpError(
    413,
    "DraftTooLarge",
    `Draft ${id}: its canvas is larger than the ${mb} MB limit of a pipeline; open it in PAI's console`,
  );
}

/** Refuses content that is too large or not a canvas, naming the draft and what is wrong. */
function checkContent(id: string, content: string, status: 400 | 422): void {
  if (canvasTooLarge(content)) throw tooLarge(id);
  const read = readCanvas(content);
  if (read.base) return;
  const first = read.problems[0];
  const where = first?.location.line ? ` (line ${first.location.line}, column ${first.location.col})` : "";
  throw new HttpError(
    status,
    "InvalidDraft",
    `Draft ${id}: ${first?.message ?? "unreadable canvas"}${where}`,
    {
      problems: read.problems,
    },
  );
}

const accessibility = (v: string | null | undefined): Accessibility | null =>
  v === "PUBLIC" || v === "PRIVATE" ? v : null;

export class Drafts {
  /** The last save of each draft through this server (bounded: oldest forgotten first). */
  private readonly saves = new Map<string, Save>();

  constructor(
    private readonly studio: PaistudioClient,
    private readonly workspaceId: string,
  ) {}

  async open(id: string): Promise<DraftResponse> {
    const draft = await this.studio.getExperiment(id);
    const content = draft.Content ?? "";
    checkContent(id, content, 422);
    return { draft: this.meta(draft), content };
  }

  async save(id: string, content: string, version: number, saver: Saver): Promise<DraftMeta> {
    checkContent(id, content, 400);
    let saved: number;
    try {
      saved = (await this.studio.updateExperimentContent(id, content, version)).Version;
    } catch (error) {
      throw await this.conflictOr(error, id, version);
    }
    this.remember(id, saved, saver);
    return this.meta(await this.studio.getExperimentMeta(id));
  }

  /** CreateExperiment has no Content: create, read the new draft's Version, then save the content. */
  async create(
    input: {
      name: string;
      folderId: string;
      accessibility: Accessibility;
      description?: string;
      content: string;
    },
    saver: Saver,
  ): Promise<DraftMeta> {
    checkContent(input.name, input.content, 400);
    const { ExperimentId: id } = await this.studio.createExperiment({
      Name: input.name,
      FolderId: input.folderId,
      WorkspaceId: this.workspaceId,
      Accessibility: input.accessibility,
      Source: DRAFT_SOURCE,
      ...(input.description ? { Description: input.description } : {}),
    });
    try {
      const { Version } = await this.studio.getExperimentMeta(id);
      const saved = await this.studio.updateExperimentContent(id, input.content, Version);
      this.remember(id, saved.Version, saver);
    } catch (error) {
      // An empty draft left behind would only confuse: take it away, then report the failure.
      await this.studio.deleteExperiment(id).catch(() => undefined);
      throw error;
    }
    return this.meta(await this.studio.getExperimentMeta(id));
  }

  async folder(folderId: string, access: Accessibility | undefined): Promise<FolderEntry[]> {
    const [children, recent] = await Promise.all([
      this.studio.getExperimentFolderChildren(folderId, {
        WorkspaceId: this.workspaceId,
        ...(access ? { Accessibility: access } : {}),
      }),
      // Folder items carry no creator: the workspace's drafts list has it.
      this.studio.listExperiments({
        WorkspaceId: this.workspaceId,
        PageSize: MAX_EXPERIMENT_PAGE_SIZE,
        SortBy: "GmtModified",
        Order: "DESC",
      }),
    ]);
    const creators = new Map((recent.Experiments ?? []).map((e) => [e.ExperimentId, e.Creator ?? null]));
    return (children.Items ?? []).map((item): FolderEntry => {
      const name = item.Name ?? item.Id;
      const modifiedAt = item.GmtModifiedTime ?? null;
      return item.Type === "dir"
        ? { kind: "folder", id: item.Id, name, empty: item.Empty ?? false, modifiedAt }
        : { kind: "draft", id: item.Id, name, modifiedAt, creator: creators.get(item.Id) ?? null };
    });
  }

  async createFolder(name: string, parentId: string, access: Accessibility): Promise<string> {
    const created = await this.studio.createExperimentFolder({
      WorkspaceId: this.workspaceId,
      Name: name,
      ParentFolderId: parentId,
      Accessibility: access,
      Source: DRAFT_SOURCE,
    });
    return created.FolderId;
  }

  /**
   * A refused save is a conflict when the draft is no longer at the Version the save was based
   * on (whatever code PaiStudio used); anything else is passed on as PaiStudio said it.
   */
  private async conflictOr(error: unknown, id: string, version: number): Promise<unknown> {
    if (!(error instanceof PaiflowError) || error.source !== "paiflow") return error;
    const clientError = error.status !== undefined && error.status >= 400 && error.status < 500;
    if (!clientError && !looksLikeVersionConflict(error)) return error;
    let current: ExperimentMeta;
    try {
      current = await this.studio.getExperimentMeta(id);
    } catch {
      return error;
    }
    if (current.Version === version) return error;
    const save = this.saves.get(id);
    const throughDesigner = save?.version === current.Version;
    const conflict: DraftConflict = {
      version: current.Version,
      modifiedAt: current.GmtModifiedTime ?? null,
      savedBy: this.savedBy(id, current.Version),
      throughDesigner,
    };
    const who =
      conflict.savedBy ?? (throughDesigner ? "another designer session" : "someone in PAI's console");
    return new HttpError(
      409,
      "DraftConflict",
      `Draft ${id} was changed since it was opened (now version ${current.Version}, saved by ${who}${conflict.modifiedAt ? ` at ${conflict.modifiedAt}` : ""}); nothing was overwritten`,
      { conflict },
    );
  }

  private remember(id: string, version: number, saver: Saver): void {
    this.saves.delete(id);
    this.saves.set(id, { version, by: saver.name });
    if (this.saves.size > MAX_REMEMBERED_SAVES) this.saves.delete(this.saves.keys().next().value as string);
  }

  private savedBy(id: string, version: number): string | null {
    const save = this.saves.get(id);
    return save && save.version === version ? save.by : null;
  }

  private meta(e: ExperimentMeta): DraftMeta {
    return {
      id: e.ExperimentId,
      name: e.Name ?? e.ExperimentId,
      version: e.Version,
      createdAt: e.GmtCreateTime ?? null,
      modifiedAt: e.GmtModifiedTime ?? null,
      creator: e.Creator ?? null,
      accessibility: accessibility(e.Accessibility),
      workspaceId: e.WorkspaceId ?? null,
      savedBy: this.savedBy(e.ExperimentId, e.Version),
    };
  }
}
