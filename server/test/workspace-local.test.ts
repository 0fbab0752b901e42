/**
 * The server in local mode against its embedded service: the palette comes from the local
 * workspace, drafts are created, saved and refused on a stale Version, a local template opens as
 * a draft and runs to success. One code path with the cloud: only the endpoint differs.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ComponentsResponseSchema,
  canvasToGraph,
  DraftResponseSchema,
  DraftSavedSchema,
  graphToCanvas,
  graphToManifest,
  RunDetailSchema,
  readCanvas,
  serializeManifest,
  TemplateListingSchema,
  TemplateResponseSchema,
} from "@pfd/shared";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/env";
import { type RunningServer, startServer } from "../src/main";

let server: RunningServer;
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "pfd-ws-local-"));
  server = await startServer({
    config: loadConfig({ PORT: "0", PAIFLOW_MODE: "local", PAIFLOW_LOCAL_DATA: dataDir }),
    logger: pino({ level: "silent" }),
    webDist: null,
  });
});
afterAll(() => server.close());

async function api(path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${server.url}api/${path}`, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("local workspace", () => {
  it("offers the components the local engine runs, from the local workspace", async () => {
    const { body } = await api("components");
    const palette = ComponentsResponseSchema.parse(body);
    expect(palette.components).toHaveLength(13);
    expect(palette.components.every((c) => c.source === "workspace" && !c.pending)).toBe(true);
    expect(palette.workspace?.timestamp).toMatch(/^\d+$/);
  });

  it("opens a local template as a new draft, saves it, refuses a stale save, and runs it", async () => {
    const { templates } = TemplateListingSchema.parse((await api("workspace/templates")).body);
    const lr = templates.find((t) => t.id === "template-pm25-logistic-regression");
    if (!lr) throw new Error("template missing");
    const template = TemplateResponseSchema.parse((await api(`workspace/templates/${lr.id}`)).body);

    const created = await api("workspace/drafts", {
      method: "POST",
      body: { name: lr.name, content: template.content },
    });
    expect(created.status).toBe(201);
    const { draft } = DraftSavedSchema.parse(created.body);
    const opened = DraftResponseSchema.parse((await api(`workspace/drafts/${draft.id}`)).body);
    expect(opened.content).toBe(template.content);

    const read = readCanvas(opened.content);
    if (!read.base) throw new Error("canvas");
    const graph = canvasToGraph(read.base.canvas, { draft: { id: draft.id, name: draft.name } });
    const split = graph.steps.find((s) => s.component.identifier === "split");
    const edited = {
      ...graph,
      steps: graph.steps.map((s) =>
        s === split
          ? {
              ...s,
              parameters: s.parameters.map((p) =>
                p.name === "fraction" ? { ...p, binding: { kind: "value" as const, value: "0.75" } } : p,
              ),
            }
          : s,
      ),
    };
    const content = graphToCanvas(edited, read.base).content;
    const saved = await api(`workspace/drafts/${draft.id}`, {
      method: "PUT",
      body: { content, version: opened.draft.version },
    });
    expect(saved.status).toBe(200);
    expect(DraftSavedSchema.parse(saved.body).draft.version).toBe(opened.draft.version + 1);
    const stale = await api(`workspace/drafts/${draft.id}`, {
      method: "PUT",
      body: { content, version: opened.draft.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: "DraftConflict",
      conflict: { version: opened.draft.version + 1 },
    });

    const root = await api("workspace/folders/root");
    expect(root.body.entries).toContainEqual(
      expect.objectContaining({ kind: "draft", id: draft.id, creator: "local" }),
    );

    const manifest = serializeManifest(graphToManifest(edited));
    const run = await api("runs", { method: "POST", body: { manifest, sourceId: draft.id } });
    expect(run.status).toBe(201);
    const runId = String(run.body.pipelineRunId);
    const deadline = Date.now() + 60_000;
    let status = "";
    while (Date.now() < deadline) {
      status = RunDetailSchema.parse((await api(`runs/${runId}`)).body).status;
      if (["Succeeded", "Failed", "Terminated"].includes(status)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe("Succeeded");
  });
});
