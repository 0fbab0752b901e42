/**
 * The run routes of the server, called with `fetch` and parsed with the shared zod contract.
 *
 * Every failure becomes a `RunApiError` that keeps what the user needs to act on it: the code
 * (PAIFlow's own when PAIFlow answered), the message, PAIFlow's request id and, for a refused
 * manifest, the validation problems.
 */
import {
  apiPaths,
  authPaths,
  type CreateRunRequest,
  CreateRunResponseSchema,
  HealthResponseSchema,
  ListRunsResponseSchema,
  ListTablesResponseSchema,
  MeResponseSchema,
  PreviewResponseSchema,
  type Problem,
  parseApiError,
  RunActionResponseSchema,
  RunDetailSchema,
  RunManifestResponseSchema,
  type SchemasRequest,
  SchemasResponseSchema,
  SignOutResponseSchema,
  StepLogsResponseSchema,
  StepOutputsResponseSchema,
  TablePreviewResponseSchema,
} from "@pfd/shared";
import type { z } from "zod";
import { goSignIn } from "../auth/navigate";

export class RunApiError extends Error {
  override readonly name = "RunApiError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | undefined,
    readonly details: {
      requestId?: string;
      source?: "server" | "paiflow";
      problems?: Problem[];
      field?: string;
    } = {},
  ) {
    super(message);
  }

  get requestId(): string | undefined {
    return this.details.requestId;
  }
}

/** Codes the client itself gives when there is no server answer to report. */
export const CLIENT_ERROR_CODES = {
  network: "NetworkError",
  badResponse: "InvalidResponse",
} as const;

type Fetch = typeof fetch;

interface RunApiOptions {
  /**
   * Called when the server answers 401 with a sign-in URL: by default the page goes there and
   * comes back to where it was (the open pipeline is saved in the browser on the way out).
   */
  onSignInRequired?: (signInUrl: string) => void;
}

async function callServer<S extends z.ZodType>(
  schema: S,
  path: string,
  init: RequestInit = {},
  fetchImpl: Fetch = fetch,
  options: RunApiOptions = {},
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      ...init,
      headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}) },
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new RunApiError(
      CLIENT_ERROR_CODES.network,
      `The server could not be reached (${describe(error)}).`,
      undefined,
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const envelope = parseApiError(body);
    if (envelope) {
      const { code, message, signInUrl, ...details } = envelope;
      if (response.status === 401 && signInUrl) (options.onSignInRequired ?? goSignIn)(signInUrl);
      throw new RunApiError(code, message, response.status, details);
    }
    throw new RunApiError(
      CLIENT_ERROR_CODES.badResponse,
      `The server answered ${response.status} ${response.statusText || ""}`.trim() +
        " without an error body.",
      response.status,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unreadable body";
    throw new RunApiError(
      CLIENT_ERROR_CODES.badResponse,
      `Unexpected answer from ${path} (${where}).`,
      response.status,
    );
  }
  return parsed.data;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function post(body?: unknown): RequestInit {
  return { method: "POST", body: body === undefined ? "{}" : JSON.stringify(body) };
}

/**
 * The server's client (runs, who is signed in, and what is known while designing: schemas and
 * tables); `fetchImpl` is injectable so tests can drive
 * it against a real app or a recorder.
 */
export function createRunApi(fetchImpl: Fetch = (...args) => fetch(...args), options: RunApiOptions = {}) {
  const call = <S extends z.ZodType>(schema: S, path: string, init: RequestInit = {}) =>
    callServer(schema, path, init, fetchImpl, options);
  return {
    health: (signal?: AbortSignal) => call(HealthResponseSchema, apiPaths.health(), { signal }),
    me: (signal?: AbortSignal) => call(MeResponseSchema, apiPaths.me(), { signal }),
    signOut: () => call(SignOutResponseSchema, authPaths.signOut(), post()),
    createRun: (request: CreateRunRequest) => call(CreateRunResponseSchema, apiPaths.runs(), post(request)),
    listRuns: (query: { page?: number; pageSize?: number; mine?: boolean }, signal?: AbortSignal) =>
      call(ListRunsResponseSchema, apiPaths.runs(query), { signal }),
    getRun: (runId: string, signal?: AbortSignal) => call(RunDetailSchema, apiPaths.run(runId), { signal }),
    getRunManifest: (runId: string, signal?: AbortSignal) =>
      call(RunManifestResponseSchema, apiPaths.runManifest(runId), { signal }),
    terminate: (runId: string) => call(RunActionResponseSchema, apiPaths.terminate(runId), post()),
    rerun: (runId: string) => call(RunActionResponseSchema, apiPaths.rerun(runId), post()),
    start: (runId: string) => call(RunActionResponseSchema, apiPaths.start(runId), post()),
    stepLogs: (runId: string, stepName: string, offset: number, signal?: AbortSignal) =>
      call(StepLogsResponseSchema, apiPaths.stepLogs(runId, stepName, { offset }), { signal }),
    stepOutputs: (runId: string, stepName: string, signal?: AbortSignal) =>
      call(StepOutputsResponseSchema, apiPaths.stepOutputs(runId, stepName), { signal }),
    preview: (runId: string, stepName: string, output: string, limit: number, signal?: AbortSignal) =>
      call(PreviewResponseSchema, apiPaths.outputPreview(runId, stepName, output, { limit }), { signal }),
    schemas: (request: SchemasRequest, signal?: AbortSignal) =>
      call(SchemasResponseSchema, apiPaths.schemas(), { ...post(request), signal }),
    tables: (keyword?: string, signal?: AbortSignal) =>
      call(ListTablesResponseSchema, apiPaths.tables({ keyword }), { signal }),
    tablePreview: (name: string, query: { limit?: number; partition?: string }, signal?: AbortSignal) =>
      call(TablePreviewResponseSchema, apiPaths.tablePreview(name, query), { signal }),
  };
}

export type RunApi = ReturnType<typeof createRunApi>;
