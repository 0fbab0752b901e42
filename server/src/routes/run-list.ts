/**
 * `GET /api/runs`: a page of PAIFlow's runs with their creators, less the runs private to someone
 * else (counted in `hiddenCount`); with `mine=true`, a page of the runs this user started, taken
 * from our records (PAIFlow knows only the server's own account) and read back from PAIFlow.
 */
import { ListRunsQuerySchema, type ListRunsResponse, type RunSummary, whyCannotSeeRun } from "@pfd/shared";
import { Router } from "express";
import { userOf } from "../auth/request";
import type { AuthUser } from "../auth/user";
import { PaiflowError } from "../paiflow/errors";
import { toRunSummary } from "../paiflow/map";
import type { AppContext } from "./context";
import { invalidRequest } from "./errors";
import { withCreator } from "./run-access";

/** GetPipelineRun calls in flight at once for a page of "Mine". */
const MINE_CONCURRENCY = 6;

type Query = ReturnType<typeof ListRunsQuerySchema.parse>;

async function allRuns(ctx: AppContext, user: AuthUser, q: Query): Promise<ListRunsResponse> {
  const result = await ctx.paiflow.listPipelineRuns({
    PageNumber: q.page,
    PageSize: q.pageSize,
    WorkspaceId: q.workspaceId ?? ctx.config.workspaceId,
    Status: q.status,
    Name: q.name,
  });
  const summaries = (result.PipelineRuns ?? []).map(toRunSummary);
  const records = ctx.records.runs.getMany(summaries.map((run) => run.pipelineRunId));
  const decorated = summaries.map((run) => withCreator(run, records.get(run.pipelineRunId)));
  const runs = decorated.filter((run) => whyCannotSeeRun(user, run) === null);
  return {
    runs,
    totalCount: result.TotalCount ?? summaries.length,
    page: q.page,
    pageSize: q.pageSize,
    hiddenCount: decorated.length - runs.length,
  };
}

async function myRuns(ctx: AppContext, user: AuthUser, q: Query): Promise<ListRunsResponse> {
  const { runIds, totalCount } = ctx.records.runs.listBy(user.id, {
    page: q.page,
    pageSize: q.pageSize,
    workspaceId: q.workspaceId,
  });
  const records = ctx.records.runs.getMany(runIds);
  const found = await mapWithLimit(runIds, MINE_CONCURRENCY, async (runId) => {
    try {
      return withCreator(toRunSummary(await ctx.paiflow.getPipelineRun(runId)), records.get(runId));
    } catch (error) {
      // Deleted on PAIFlow's side since: nothing left to show.
      if (error instanceof PaiflowError && error.source === "paiflow" && error.status === 404)
        return undefined;
      throw error;
    }
  });
  const runs = found.filter(
    (run): run is RunSummary =>
      run !== undefined &&
      (q.status === undefined || run.status === q.status) &&
      (q.name === undefined || run.name.includes(q.name)),
  );
  return { runs, totalCount, page: q.page, pageSize: q.pageSize, hiddenCount: 0 };
}

async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function runListRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/runs", async (req, res) => {
    const parsed = ListRunsQuerySchema.safeParse(req.query);
    if (!parsed.success) throw invalidRequest(parsed.error, "query");
    const user = userOf(req);
    const body = parsed.data.mine
      ? await myRuns(ctx, user, parsed.data)
      : await allRuns(ctx, user, parsed.data);
    res.json(body);
  });
  return router;
}
