/**
 * The workspace routes of the server (palette, PAI Designer drafts, folders, templates), called
 * like the run routes: parsed with the shared contract, failures as RunApiError with PAI's code
 * and request id.
 */
import {
  type Accessibility,
  apiPaths,
  type ComponentRef,
  ComponentResponseSchema,
  ComponentsResponseSchema,
  type CreateDraftRequest,
  CreateFolderResponseSchema,
  DraftResponseSchema,
  DraftSavedSchema,
  FolderListingSchema,
  type SaveDraftRequest,
  TemplateListingSchema,
  TemplateResponseSchema,
} from "@pfd/shared";
import { callServer as callApi, post } from "../run/api";

const put = (body: unknown): RequestInit => ({ method: "PUT", body: JSON.stringify(body) });

export const workspaceApi = {
  components: () => callApi(ComponentsResponseSchema, apiPaths.components()),
  refreshComponents: () => callApi(ComponentsResponseSchema, apiPaths.refreshComponents(), post()),
  component: (ref: Required<Pick<ComponentRef, "provider" | "identifier" | "version">>) =>
    callApi(ComponentResponseSchema, apiPaths.component(ref)),
  folder: (folderId: string, accessibility?: Accessibility) =>
    callApi(FolderListingSchema, apiPaths.folder(folderId, accessibility ? { accessibility } : {})),
  createFolder: (name: string, parentId: string, accessibility: Accessibility) =>
    callApi(CreateFolderResponseSchema, apiPaths.folders(), post({ name, parentId, accessibility })),
  draft: (draftId: string) => callApi(DraftResponseSchema, apiPaths.draft(draftId)),
  createDraft: (request: CreateDraftRequest) => callApi(DraftSavedSchema, apiPaths.drafts(), post(request)),
  saveDraft: (draftId: string, request: SaveDraftRequest) =>
    callApi(DraftSavedSchema, apiPaths.draft(draftId), put(request)),
  templates: () => callApi(TemplateListingSchema, apiPaths.templates()),
  template: (templateId: string) => callApi(TemplateResponseSchema, apiPaths.template(templateId)),
};
