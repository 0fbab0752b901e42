/**
 * PaiStudio's drafts (experiments) and folders, answered locally with PaiStudio's shapes:
 * CreateExperiment (optionally from a template), GetExperiment, GetExperimentMeta (its Version a
 * string, as documented), UpdateExperimentContent with Version checking, DeleteExperiment,
 * ListExperiments, CreateExperimentFolder and GetExperimentFolderChildren from `root`.
 * Where PaiStudio's behaviour is not documented, the choice is `@pfd/shared`'s guesses module.
 */
import {
  DRAFT_SOURCE,
  INITIAL_DRAFT_VERSION,
  MAX_EXPERIMENT_PAGE_SIZE,
  ROOT_FOLDER_ID,
  VERSION_CONFLICT,
} from "@pfd/shared";
import { ApiError, intParam, invalidParameter, missingParameter } from "../errors";
import { newId } from "../ids";
import { type Body, bool, str } from "../service";
import type { Accessibility, DraftRecord, FolderRecord, StudioStore } from "./store";

/** The canvas of a new draft: an empty one, as UpdateExperimentContent's example gives it. */
const EMPTY_CONTENT = JSON.stringify({ nodes: [], edges: [], globalParams: [], globalSettings: [] });
const MAX_CONTENT_CHARS = 8 * 1024 * 1024;
const now = () => new Date().toISOString();

const experimentNotFound = (id: string) =>
  new ApiError(404, "ExperimentNotFound", `The pipeline draft "${id}" does not exist.`);
const folderNotFound = (id: string) =>
  new ApiError(404, "FolderNotFound", `The folder "${id}" does not exist.`);

function accessibilityOf(value: string | undefined, fallback: Accessibility): Accessibility {
  if (value === undefined) return fallback;
  if (value !== "PUBLIC" && value !== "PRIVATE")
    throw invalidParameter("Accessibility", "must be PUBLIC or PRIVATE");
  return value;
}

function required(body: Body, name: string, max?: number): string {
  const value = str(body, name, max);
  if (value === undefined) throw missingParameter(name);
  return value;
}

/** `Content` must be a JSON object: the canvas. */
function checkContent(content: string): void {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    throw invalidParameter("Content", `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalidParameter("Content", "must be a JSON object (the canvas)");
}

/** Looks a template's content up; undefined when there is no such template. */
type TemplateContent = (templateId: string) => string | undefined;

export class DraftService {
  constructor(
    private readonly store: StudioStore,
    private readonly templateContent: TemplateContent,
  ) {}

  /** A draft the user may see (NotFound otherwise). */
  draft(id: string, userId: string): DraftRecord {
    const draft = this.store.drafts.get(id);
    // A private draft is its creator's alone: to anyone else it does not exist.
    if (!draft || !this.visible(draft, userId)) throw experimentNotFound(id);
    return draft;
  }

  private visible(item: { Accessibility: Accessibility; Creator: string }, userId: string): boolean {
    return item.Accessibility === "PUBLIC" || item.Creator === userId;
  }

  private checkFolder(id: string, workspaceId: string): void {
    if (id === ROOT_FOLDER_ID) return;
    const folder = this.store.folders.get(id);
    if (!folder || folder.WorkspaceId !== workspaceId) throw folderNotFound(id);
  }

  async create(body: Body, userId: string): Promise<{ ExperimentId: string }> {
    const name = required(body, "Name", 128);
    const workspaceId = required(body, "WorkspaceId", 64);
    const folderId = required(body, "FolderId", 128);
    this.checkFolder(folderId, workspaceId);
    const templateId = str(body, "TemplateId", 128);
    let content = EMPTY_CONTENT;
    if (templateId !== undefined) {
      const fromTemplate = this.templateContent(templateId);
      if (fromTemplate === undefined)
        throw new ApiError(404, "TemplateNotFound", `The template "${templateId}" does not exist.`);
      content = fromTemplate;
    }
    const at = now();
    const draft: DraftRecord = {
      ExperimentId: newId("draft", 18),
      Name: name,
      Description: str(body, "Description", 1024),
      FolderId: folderId,
      WorkspaceId: workspaceId,
      Creator: userId,
      Source: str(body, "Source", 64) ?? DRAFT_SOURCE,
      Version: INITIAL_DRAFT_VERSION,
      Accessibility: accessibilityOf(str(body, "Accessibility", 16), "PRIVATE"),
      Options: str(body, "Options", 64 * 1024),
      GmtCreateTime: at,
      GmtModifiedTime: at,
      Content: content,
    };
    await this.store.saveDraft(draft);
    return { ExperimentId: draft.ExperimentId };
  }

  get(id: string, userId: string): Record<string, unknown> {
    const { FolderId: _folder, ...draft } = this.draft(id, userId);
    return draft;
  }

  meta(id: string, userId: string): Record<string, unknown> {
    const { Content: _content, FolderId: _folder, ...meta } = this.draft(id, userId);
    // [C] GetExperimentMeta's Version is a string, unlike GetExperiment's.
    return { ...meta, Version: String(meta.Version) };
  }

  async updateContent(id: string, body: Body, userId: string): Promise<{ Version: number }> {
    const draft = this.draft(id, userId);
    const content = body.Content;
    if (content === undefined || content === null || content === "") throw missingParameter("Content");
    if (typeof content !== "string") throw invalidParameter("Content", "must be a string (the canvas JSON)");
    if (content.length > MAX_CONTENT_CHARS)
      throw invalidParameter("Content", `is longer than ${MAX_CONTENT_CHARS} characters`);
    checkContent(content);
    const given = body.Version;
    if (given === undefined || given === null || given === "") throw missingParameter("Version");
    const version = typeof given === "number" ? given : Number(given);
    if (!Number.isSafeInteger(version)) throw invalidParameter("Version", "must be a whole number");
    if (version !== draft.Version) {
      throw new ApiError(
        VERSION_CONFLICT.status,
        VERSION_CONFLICT.code,
        `The pipeline draft "${id}" is at version ${draft.Version}, not ${version}: it was changed since it was read.`,
      );
    }
    const updated: DraftRecord = {
      ...draft,
      Content: content,
      Version: draft.Version + 1,
      GmtModifiedTime: now(),
    };
    await this.store.saveDraft(updated);
    return { Version: updated.Version };
  }

  async delete(id: string, userId: string): Promise<void> {
    this.draft(id, userId);
    await this.store.deleteDraft(id);
  }

  list(query: Record<string, string>, userId: string): Record<string, unknown> {
    const workspaceId = query.WorkspaceId;
    if (!workspaceId) throw missingParameter("WorkspaceId");
    const page = intParam(query.PageNumber, "PageNumber", 1, 1, 1_000_000);
    const size = intParam(query.PageSize, "PageSize", 10, 1, MAX_EXPERIMENT_PAGE_SIZE);
    const order = (query.Order ?? "DESC").toUpperCase();
    if (order !== "ASC" && order !== "DESC") throw invalidParameter("Order", "must be ASC or DESC");
    const sortBy = query.SortBy ?? "GmtModified";
    if (sortBy !== "GmtCreate" && sortBy !== "GmtModified")
      throw invalidParameter("SortBy", "must be GmtCreate or GmtModified");
    const key = sortBy === "GmtCreate" ? "GmtCreateTime" : "GmtModifiedTime";
    const drafts = [...this.store.drafts.values()].filter(
      (d) =>
        d.WorkspaceId === workspaceId &&
        this.visible(d, userId) &&
        (!query.Name || d.Name.includes(query.Name)) &&
        (!query.Creator || d.Creator === query.Creator) &&
        (!query.ExperimentId || d.ExperimentId === query.ExperimentId) &&
        (!query.Source || d.Source === query.Source),
    );
    drafts.sort((a, b) => {
      const c = a[key].localeCompare(b[key]) || a.ExperimentId.localeCompare(b.ExperimentId);
      return order === "ASC" ? c : -c;
    });
    return {
      TotalCount: drafts.length,
      Experiments: drafts.slice((page - 1) * size, page * size).map(({ Content, FolderId, ...meta }) => meta),
    };
  }

  async createFolder(body: Body, userId: string): Promise<{ FolderId: string }> {
    const workspaceId = required(body, "WorkspaceId", 64);
    const name = required(body, "Name", 128);
    const parent = str(body, "ParentFolderId", 128) ?? ROOT_FOLDER_ID;
    this.checkFolder(parent, workspaceId);
    const at = now();
    const folder: FolderRecord = {
      FolderId: newId("folder", 18),
      Name: name,
      ParentFolderId: parent,
      WorkspaceId: workspaceId,
      Creator: userId,
      Source: str(body, "Source", 64) ?? DRAFT_SOURCE,
      Accessibility: accessibilityOf(str(body, "Accessibility", 16), "PUBLIC"),
      GmtCreateTime: at,
      GmtModifiedTime: at,
    };
    await this.store.saveFolder(folder);
    return { FolderId: folder.FolderId };
  }

  children(folderId: string, query: Record<string, string>, userId: string): Record<string, unknown> {
    const workspaceId = query.WorkspaceId;
    if (!workspaceId) throw missingParameter("WorkspaceId");
    this.checkFolder(folderId, workspaceId);
    const accessibility = query.Accessibility ? accessibilityOf(query.Accessibility, "PUBLIC") : undefined;
    const onlyFolder = bool(query.OnlyFolder, "OnlyFolder", false);
    // A private root is one user's: UserId names whose (default: the caller).
    const owner = query.UserId || userId;
    const shown = (item: { WorkspaceId: string; Accessibility: Accessibility; Creator: string }) =>
      item.WorkspaceId === workspaceId &&
      this.visible(item, userId) &&
      (accessibility === undefined ||
        (item.Accessibility === accessibility && (accessibility === "PUBLIC" || item.Creator === owner)));
    const folders = [...this.store.folders.values()]
      .filter((f) => f.ParentFolderId === folderId && shown(f))
      .sort((a, b) => a.Name.localeCompare(b.Name));
    const drafts = onlyFolder
      ? []
      : [...this.store.drafts.values()]
          .filter((d) => d.FolderId === folderId && shown(d))
          .sort((a, b) => b.GmtModifiedTime.localeCompare(a.GmtModifiedTime));
    const hasChildren = (id: string) =>
      [...this.store.folders.values()].some((f) => f.ParentFolderId === id) ||
      [...this.store.drafts.values()].some((d) => d.FolderId === id);
    const items = [
      ...folders.map((f) => ({
        Id: f.FolderId,
        Name: f.Name,
        Type: "dir",
        Icon: "icon-folder",
        Empty: !hasChildren(f.FolderId),
        GmtCreateTime: f.GmtCreateTime,
        GmtModifiedTime: f.GmtModifiedTime,
      })),
      ...drafts.map((d) => ({
        Id: d.ExperimentId,
        Name: d.Name,
        Type: "pipelinedraft",
        Icon: "icon-pipelinedraft",
        Empty: true,
        GmtCreateTime: d.GmtCreateTime,
        GmtModifiedTime: d.GmtModifiedTime,
      })),
    ];
    return { TotalCount: items.length, Items: items };
  }
}
