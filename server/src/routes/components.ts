/**
 * The palette: `GET /api/components` (workspace, built-in and custom components with their
 * source), `POST /api/components/refresh` ("Refresh components": re-reads the workspace's tree,
 * throttled), `GET /api/components/:provider/:identifier/:version` (one component's ports and
 * parameters, fetched from the workspace the first time a step needs them).
 */
import { type ComponentResponse, componentKey } from "@pfd/shared";
import { Router } from "express";
import { DefinitionUnavailable } from "../paistudio/palette";
import type { AppContext } from "./context";
import { HttpError } from "./errors";

export function componentRoutes(ctx: AppContext): Router {
  const router = Router();

  const palette = ctx.workspace?.palette;

  router.get("/components", async (_req, res) => {
    res.json(palette ? await palette.list() : await ctx.components());
  });

  router.post("/components/refresh", async (_req, res) => {
    res.json(palette ? await palette.list(true) : await ctx.components());
  });

  router.get("/components/:provider/:identifier/:version", async (req, res) => {
    const { provider, identifier, version } = req.params;
    let component: ComponentResponse["component"] | undefined;
    try {
      component = palette
        ? await palette.definition({ provider, identifier, version })
        : (await ctx.components()).components.find(
            (c) => componentKey(c) === `${provider}/${identifier}/${version}`,
          );
    } catch (error) {
      if (error instanceof DefinitionUnavailable) throw new HttpError(404, "NotFound", error.message);
      throw error;
    }
    if (!component) throw new HttpError(404, "NotFound", `No component ${provider}/${identifier}/${version}`);
    const body: ComponentResponse = { component };
    res.json(body);
  });

  return router;
}
