/**
 * Workspace routes: PAI Designer's drafts, folders and templates (PaiStudio), and the lazy
 * definition of a workspace component.
 * - GET  /api/workspace/folders/:folderId?accessibility -> FolderListing (`root` is the top)
 * - POST /api/workspace/folders  CreateFolderRequest -> 201 CreateFolderResponse
 * - GET  /api/workspace/drafts/:draftId -> DraftResponse (413 DraftTooLarge, 422 InvalidDraft)
 * - POST /api/workspace/drafts   CreateDraftRequest -> 201 DraftSaved
 * - PUT  /api/workspace/drafts/:draftId  SaveDraftRequest -> DraftSaved (409 DraftConflict)
 * - GET  /api/workspace/templates -> TemplateListing
 * - GET  /api/workspace/templates/:templateId -> TemplateResponse
 * - GET  /api/components/:provider/:identifier/:version -> ComponentResponse
 * - POST /api/components/refresh -> ComponentsResponse
 */
import { z } from "zod";
import { type Actor, type Denial, denialText, effectiveRole } from "./auth";
import { ApiComponentSchema } from "./health";
import { AccessibilitySchema } from "./runs";

/** PaiStudio ids: `draft-…`, `folder-…`, `template-…`, `root`; bounded, no path separators. */
export const StudioIdSchema = z.string().regex(/^[\w.-]{1,128}$/, "must be a PAI Designer id");

const Time = z.string().nullable();

const DraftMetaSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** PaiStudio's Version: the base of the next save. */
  version: z.number().int(),
  createdAt: Time,
  modifiedAt: Time,
  /** PAI's creator (an account UID). */
  creator: z.string().nullable(),
  accessibility: AccessibilitySchema.nullable(),
  workspaceId: z.string().nullable(),
  /** Who saved it last through this designer, when that save is its current version. */
  savedBy: z.string().nullable(),
});
export type DraftMeta = z.infer<typeof DraftMetaSchema>;

export const DraftResponseSchema = z.object({
  draft: DraftMetaSchema,
  /** The canvas JSON, as PaiStudio keeps it. */
  content: z.string(),
});
export type DraftResponse = z.infer<typeof DraftResponseSchema>;

const FolderEntrySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("folder"),
    id: z.string(),
    name: z.string(),
    empty: z.boolean(),
    modifiedAt: Time,
  }),
  z.object({
    kind: z.literal("draft"),
    id: z.string(),
    name: z.string(),
    modifiedAt: Time,
    creator: z.string().nullable(),
  }),
]);
export type FolderEntry = z.infer<typeof FolderEntrySchema>;

export const FolderQuerySchema = z.object({ accessibility: AccessibilitySchema.optional() });

export const FolderListingSchema = z.object({ folderId: z.string(), entries: z.array(FolderEntrySchema) });
export type FolderListing = z.infer<typeof FolderListingSchema>;

const Name = z.string().trim().min(1, "name is empty").max(128);

export const CreateFolderRequestSchema = z.object({
  name: Name,
  parentId: StudioIdSchema.default("root"),
  accessibility: AccessibilitySchema.default("PRIVATE"),
});
export const CreateFolderResponseSchema = z.object({ id: z.string() });

/** The canvas text; its size is checked against the manifest limit by the route (413). */
const Content = z.string().min(2, "content is empty");

export const CreateDraftRequestSchema = z.object({
  name: Name,
  folderId: StudioIdSchema.default("root"),
  accessibility: AccessibilitySchema.default("PRIVATE"),
  description: z.string().max(1024).optional(),
  content: Content,
});
export type CreateDraftRequest = z.input<typeof CreateDraftRequestSchema>;

export const SaveDraftRequestSchema = z.object({
  content: Content,
  /** The Version the content was based on (the one read, or returned by the last save). */
  version: z.number().int().min(0),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequestSchema>;

export const DraftSavedSchema = z.object({ draft: DraftMetaSchema });
export type DraftSaved = z.infer<typeof DraftSavedSchema>;

const TemplateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.string().nullable(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const TemplateListingSchema = z.object({ templates: z.array(TemplateSummarySchema) });
export type TemplateListing = z.infer<typeof TemplateListingSchema>;

export const TemplateResponseSchema = z.object({ template: TemplateSummarySchema, content: z.string() });
export type TemplateResponse = z.infer<typeof TemplateResponseSchema>;

export const ComponentResponseSchema = z.object({ component: ApiComponentSchema });
export type ComponentResponse = z.infer<typeof ComponentResponseSchema>;

/**
 * Why this user may not save to the workspace (save or create a draft, create a folder), or null.
 * Viewers open drafts and templates; saving changes what the whole team sees in PAI's console.
 */
export function saveDraftDenial(actor: Actor): Denial | null {
  return effectiveRole(actor) === "viewer" ? { code: "viewer-may-not-save-drafts", params: {} } : null;
}

/** `saveDraftDenial` in English, as the server's 403 says it. */
export function whyCannotSaveDrafts(actor: Actor): string | null {
  const denial = saveDraftDenial(actor);
  return denial ? denialText(denial) : null;
}
