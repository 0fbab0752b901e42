/**
 * PAI Designer drafts, folders and templates of the configured workspace (PaiStudio), for the
 * designer's Open, Save and Save as (see shared/src/api/workspace.ts for the contract).
 */
import {
  CreateDraftRequestSchema,
  CreateFolderRequestSchema,
  type DraftResponse,
  type DraftSaved,
  type FolderListing,
  FolderQuerySchema,
  SaveDraftRequestSchema,
  StudioIdSchema,
  type TemplateListing,
  type TemplateResponse,
  whyCannotSaveDrafts,
} from "@pfd/shared";
import { type Request, Router } from "express";
import { audited } from "../audit/audited";
import { userOf } from "../auth/request";
import type { Drafts, Saver } from "../paistudio/drafts";
import type { AppContext, WorkspaceContext } from "./context";
import { HttpError, invalidRequest } from "./errors";

function id(req: Request, name: string): string {
  const parsed = StudioIdSchema.safeParse(req.params[name]);
  if (!parsed.success)
    throw new HttpError(400, "InvalidRequest", `${name}: ${parsed.error.issues[0]?.message}`, {
      field: name,
    });
  return parsed.data;
}

export function workspaceRoutes(ctx: AppContext): Router {
  const router = Router();
  const workspace = (): WorkspaceContext => {
    if (!ctx.workspace) throw new HttpError(501, "NotFound", "This server has no PAI workspace layer");
    return ctx.workspace;
  };
  const drafts = (): Drafts => {
    const found = workspace().drafts;
    if (!found) {
      throw new HttpError(
        400,
        "WorkspaceRequired",
        "No PAI workspace: set PAI_WORKSPACE_ID on the server to open and save PAI Designer drafts",
      );
    }
    return found;
  };
  /** The user saving, checked against their role; without sign-in there is nobody to name. */
  const saver = (req: Request): Saver => {
    const user = userOf(req);
    const why = whyCannotSaveDrafts(user);
    if (why) throw new HttpError(403, "Forbidden", why);
    return { name: ctx.config.auth.mode === "none" ? null : user.name };
  };

  router.get("/workspace/folders/:folderId", async (req, res) => {
    const query = FolderQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidRequest(query.error, "query");
    const folderId = id(req, "folderId");
    const body: FolderListing = {
      folderId,
      entries: await drafts().folder(folderId, query.data.accessibility),
    };
    res.json(body);
  });

  router.post("/workspace/folders", async (req, res) => {
    const id = await audited(
      ctx.audit,
      req,
      "folder.create",
      (folderId) => ({ folderId }),
      async () => {
        saver(req);
        const parsed = CreateFolderRequestSchema.safeParse(req.body);
        if (!parsed.success) throw invalidRequest(parsed.error, "body");
        const { name, parentId, accessibility } = parsed.data;
        return drafts().createFolder(name, parentId, accessibility);
      },
    );
    res.status(201).json({ id });
  });

  router.get("/workspace/drafts/:draftId", async (req, res) => {
    const body: DraftResponse = await drafts().open(id(req, "draftId"));
    res.json(body);
  });

  const target = (draft: { id: string; version: number }) => ({
    draftId: draft.id,
    version: String(draft.version),
  });

  router.post("/workspace/drafts", async (req, res) => {
    const draft = await audited(ctx.audit, req, "draft.create", target, async () => {
      const who = saver(req);
      const parsed = CreateDraftRequestSchema.safeParse(req.body);
      if (!parsed.success) throw invalidRequest(parsed.error, "body");
      return drafts().create(parsed.data, who);
    });
    req.log?.info({ draftId: draft.id, version: draft.version }, "draft created");
    const body: DraftSaved = { draft };
    res.status(201).json(body);
  });

  router.put("/workspace/drafts/:draftId", async (req, res) => {
    const draftId = id(req, "draftId");
    const draft = await audited(ctx.audit, req, "draft.save", { draftId }, async () => {
      const who = saver(req);
      const parsed = SaveDraftRequestSchema.safeParse(req.body);
      if (!parsed.success) throw invalidRequest(parsed.error, "body");
      return drafts().save(draftId, parsed.data.content, parsed.data.version, who);
    });
    req.log?.info({ draftId, version: draft.version }, "draft saved");
    const body: DraftSaved = { draft };
    res.json(body);
  });

  router.get("/workspace/templates", async (_req, res) => {
    const { studio, workspaceId } = workspace();
    const listed = await studio.listTemplates({
      PageSize: 50,
      ...(workspaceId ? { WorkspaceId: workspaceId } : {}),
    });
    const body: TemplateListing = {
      templates: (listed.TemplateData ?? []).flatMap(({ Template: t, TemplateType: type }) =>
        t
          ? [
              {
                id: t.TemplateId,
                name: t.Name ?? t.TemplateId,
                description: t.Description ?? "",
                type: type?.Name ?? null,
              },
            ]
          : [],
      ),
    };
    res.json(body);
  });

  router.get("/workspace/templates/:templateId", async (req, res) => {
    const t = await workspace().studio.getTemplate(id(req, "templateId"));
    const body: TemplateResponse = {
      template: {
        id: t.TemplateId,
        name: t.Name ?? t.TemplateId,
        description: t.Description ?? "",
        type: null,
      },
      content: t.Content ?? "",
    };
    res.json(body);
  });

  return router;
}
