/** Serves the built web app at `/`, with index.html for client-side routes. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";

export function webRoutes(dist: string | null): Router {
  const router = express.Router();
  const index = dist ? join(dist, "index.html") : null;
  if (!dist || !index || !existsSync(index)) {
    router.get("/", (_req, res) => {
      res
        .status(503)
        .type("text/plain")
        .send("The web app is not built yet: run `npm start` (it builds web/dist), or `npm run build`.\n");
    });
    return router;
  }
  // Vite names assets by content hash: they never change, so browsers may keep them.
  router.use(
    "/assets",
    express.static(join(dist, "assets"), { immutable: true, maxAge: "1y", fallthrough: false }),
  );
  router.use(express.static(dist, { index: "index.html", maxAge: 0 }));
  // Client-side routes have no file extension; a missing file (favicon.ico) stays a 404.
  router.get(/^\/(?!api\/)[^.]*$/, (req, res, next) => {
    if (!req.accepts("html")) return next();
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
