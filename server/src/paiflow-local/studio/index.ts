/**
 * The local PaiStudio: PAI Designer's drafts, folders, jobs, node input schemas, algorithm tree,
 * templates and MaxCompute helpers (over the engine's table catalog), and PAIFlow's component registry, answered on the local PAIFlow's port (the paths of the two APIs never
 * overlap) and persisted under `studio/` in its data directory.
 */
import path from "node:path";
import { type Route, SEG } from "../http";
import { LocalAlgorithms } from "./algorithms";
import { getMCTableSchema, getNodeInputSchema, previewMCTable, searchMCTables } from "./design";
import { DraftService } from "./drafts";
import { createJob, getJob } from "./jobs";
import { StudioStore } from "./store";
import { getTemplate, listTemplates, templateContent } from "./templates";

interface LocalStudio {
  routes: readonly Route[];
  algorithms: LocalAlgorithms;
  flush(): Promise<void>;
}

// The local service is one account: drafts belong to it, whichever access key signed the call
// (the key may be generated anew at each start; a private draft must not vanish with it).
const ACCOUNT = "local";

const op = (p: string) => new RegExp(`^/api/v1/${p}$`);

/** Loads the studio's data; `runs` are the component identifiers the engine runs. */
export async function openLocalStudio(
  dataDir: string,
  runs: ReadonlySet<string>,
  logger: { error(...a: unknown[]): void },
): Promise<LocalStudio> {
  const store = new StudioStore(path.join(dataDir, "studio"));
  await store.load((file, error) => logger.error({ err: error, file }, "unreadable draft or folder skipped"));
  const drafts = new DraftService(store, templateContent);
  const algorithms = new LocalAlgorithms(runs);
  const id = (c: { params: string[] }) => c.params[0] as string;
  const routes: Route[] = [
    { method: "POST", path: op("experiments"), handler: (_, c) => drafts.create(c.body, ACCOUNT) },
    { method: "GET", path: op("experiments"), handler: (_, c) => drafts.list(c.query, ACCOUNT) },
    { method: "GET", path: op(`experiments/${SEG}`), handler: (_, c) => drafts.get(id(c), ACCOUNT) },
    {
      method: "DELETE",
      path: op(`experiments/${SEG}`),
      handler: async (_, c) => void (await drafts.delete(id(c), ACCOUNT)),
    },
    {
      method: "GET",
      path: op(`experiments/${SEG}/meta`),
      handler: (_, c) => drafts.meta(id(c), ACCOUNT),
    },
    {
      method: "PUT",
      path: op(`experiments/${SEG}/content`),
      handler: (_, c) => drafts.updateContent(id(c), c.body, ACCOUNT),
    },
    {
      method: "POST",
      path: op("experimentfolders"),
      handler: (_, c) => drafts.createFolder(c.body, ACCOUNT),
    },
    {
      method: "GET",
      path: op(`experimentfolders/${SEG}/children`),
      handler: (_, c) => drafts.children(id(c), c.query, ACCOUNT),
    },
    {
      method: "GET",
      path: op(`experiments/${SEG}/nodes/${SEG}/schema`),
      handler: (svc, c) =>
        getNodeInputSchema(svc, drafts.draft(id(c), ACCOUNT), c.params[1] as string, c.query),
    },
    {
      method: "POST",
      path: op("jobs"),
      handler: (svc, c) => createJob(svc, store, (d) => drafts.draft(d, ACCOUNT), c.body, ACCOUNT),
    },
    { method: "GET", path: op(`jobs/${SEG}`), handler: (svc, c) => getJob(svc, store, id(c)) },
    {
      method: "GET",
      path: op("datasources/maxcompute/tables"),
      handler: (svc, c) => searchMCTables(svc, c.query),
    },
    {
      method: "GET",
      path: op(`datasources/maxcompute/tables/${SEG}/schema`),
      handler: (svc, c) => getMCTableSchema(svc, id(c), c.query),
    },
    {
      method: "GET",
      path: op(`datasources/maxcompute/tables/${SEG}/preview`),
      handler: (svc, c) => previewMCTable(svc, id(c), c.query),
    },
    { method: "GET", path: op("algorithm/tree"), handler: () => algorithms.getTree() },
    { method: "GET", path: op("algorithm/def"), handler: (_, c) => algorithms.getDef(c.query) },
    { method: "GET", path: op("templates"), handler: (_, c) => listTemplates(c.query) },
    { method: "GET", path: op(`templates/${SEG}`), handler: (_, c) => getTemplate(id(c)) },
    // PAIFlow's component registry (ListPipelines, GetPipeline, GetPipelineSchema).
    { method: "GET", path: op("pipelines"), handler: (_, c) => algorithms.listPipelines(c.query) },
    { method: "GET", path: op(`pipelines/${SEG}`), handler: (_, c) => algorithms.getPipeline(id(c)) },
    {
      method: "GET",
      path: op(`pipelines/${SEG}/schema`),
      handler: (_, c) => algorithms.getPipeline(id(c)),
    },
  ];
  return { routes, algorithms, flush: () => store.flush() };
}
