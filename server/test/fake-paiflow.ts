/**
 * A fake PAIFlow for tests and the server benchmark: it checks each request's V3 signature with
 * the same verifier as the embedded PAIFlow (so a wrongly signed call fails here as it would in
 * the cloud), keeps runs in memory, answers with PAIFlow's shapes, and can be told to misbehave
 * (an error body, an HTML page, silence) for the next requests.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseManifest } from "@pfd/shared";
import { MemoryNonceStore, verifySignature } from "../src/paiflow-local/signature";

export interface FakeStep {
  name: string;
  nodeId: string;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface FakeRun {
  id: string;
  body: Record<string, unknown>;
  status: string;
  message: string;
  steps: FakeStep[];
  logs: Record<string, string[]>;
}

export type Misbehaviour =
  | { kind: "error"; status: number; code: string; message: string }
  | { kind: "html"; status: number }
  | { kind: "hang" };

export interface RecordedCall {
  method: string;
  path: string;
  action: string | undefined;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface FakePaiflow {
  url: string;
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  runs: Map<string, FakeRun>;
  /** A run with its steps read from its manifest (throws when unknown). */
  run(id: string): FakeRun;
  calls: RecordedCall[];
  /** Starts a run as CreatePipelineRun would (what a PaiStudio job does); its id. */
  createRun(body: Record<string, unknown>): string;
  /** The next requests (in order) misbehave as given; then normal service resumes. */
  misbehave(...next: Misbehaviour[]): void;
  close(): Promise<void>;
}

/** More operations on the same port (e.g. PaiStudio's): an answer, or undefined when not theirs. */
export type ExtraRoute = (
  method: string,
  path: string,
  query: Record<string, string>,
  raw: Buffer,
) => [number, Record<string, unknown>] | undefined | Promise<[number, Record<string, unknown>] | undefined>;

export interface FakeOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Serve the embedded PAIFlow's preview extension (local mode). */
  preview?: boolean;
  /** Keep request records (off in the benchmark). */
  record?: boolean;
  extra?: ExtraRoute;
  /** Answer this many milliseconds after a request arrives, as a cloud API call takes (benchmark). */
  latencyMs?: number;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function stepsOf(id: string, manifest: string): FakeStep[] {
  const entry = parseManifest(manifest).stream?.documents.at(-1);
  return (entry?.spec.pipelines ?? []).map((step, i) => ({
    name: String(step.metadata?.name ?? ""),
    nodeId: `node-${id}-${i}`,
    status: i === 0 ? "Running" : "ReadyToSchedule",
    startedAt: i === 0 ? "2026-01-01T00:00:01Z" : null,
    finishedAt: null,
  }));
}

export async function startFakePaiflow(options: FakeOptions = {}): Promise<FakePaiflow> {
  const accessKeyId = options.accessKeyId ?? "LTAIfakeKeyId0001";
  const accessKeySecret = options.accessKeySecret ?? "fake-secret-0123456789abcdef";
  const nonces = new MemoryNonceStore();
  const runs = new Map<string, FakeRun>();
  const calls: RecordedCall[] = [];
  const queue: Misbehaviour[] = [];
  const hanging = new Set<ServerResponse>();
  let counter = 0;

  const send = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
    const text = JSON.stringify({ RequestId: randomUUID().toUpperCase(), ...body });
    const answer = () => {
      res.writeHead(status, { "content-type": "application/json;charset=utf-8" });
      res.end(text);
    };
    if (options.latencyMs) setTimeout(answer, options.latencyMs);
    else answer();
  };
  const sendError = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, {
      HostId: "paiflow.fake",
      Code: code,
      Message: message,
      Recommend: "https://api.aliyun.com/troubleshoot",
    });

  const handle = (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const query = Object.fromEntries(url.searchParams);
    if (options.record !== false) {
      calls.push({
        method: req.method ?? "",
        path: url.pathname,
        action: req.headers["x-acs-action"] as string | undefined,
        headers: req.headers,
        body: raw.toString("utf8"),
      });
    }
    const scripted = queue.shift();
    if (scripted?.kind === "hang") {
      hanging.add(res);
      return;
    }
    if (scripted?.kind === "html") {
      res.writeHead(scripted.status, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      return;
    }
    if (scripted?.kind === "error") return sendError(res, scripted.status, scripted.code, scripted.message);

    const verdict = verifySignature(
      { method: req.method ?? "GET", path: url.pathname, query, headers: req.headers, body: raw },
      (ak) => (ak === accessKeyId ? accessKeySecret : undefined),
      nonces,
    );
    if (!verdict.ok) return sendError(res, verdict.status, verdict.code, verdict.message);
    const fail = (error: unknown) => {
      if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message);
      throw error;
    };
    if (options.extra) {
      const method = req.method ?? "GET";
      Promise.resolve(options.extra(method, url.pathname, query, raw))
        .then((answer) => answer ?? route(method, url.pathname, query, raw))
        .then(([status, body]) => send(res, status, body), fail);
      return;
    }
    try {
      const [status, body] = route(req.method ?? "GET", url.pathname, query, raw);
      send(res, status, body);
    } catch (error) {
      fail(error);
    }
  };

  const findRun = (id: string): FakeRun => {
    const run = runs.get(decodeURIComponent(id));
    if (!run) throw new HttpError(400, "200200004", `pipeline run ${id} not found`);
    // Steps are read from the manifest on first use, so creating a run costs next to nothing.
    if (run.steps.length === 0 && typeof run.body.PipelineManifest === "string")
      run.steps = stepsOf(run.id, run.body.PipelineManifest);
    return run;
  };

  const runJson = (run: FakeRun) => ({
    PipelineRunId: run.id,
    Name: run.body.Name ?? run.id,
    Status: run.status,
    NodeId: `node-root-${run.id}`,
    WorkspaceId: run.body.WorkspaceId,
    SourceType: run.body.SourceType ?? "UNKNOWN",
    SourceId: run.body.SourceId,
    StartedAt: "2026-01-01T00:00:00Z",
    FinishedAt: run.status === "Succeeded" || run.status === "Failed" ? "2026-01-01T00:01:00Z" : null,
    Duration: 60,
    Message: run.message,
    GmtCreateTime: "2026-01-01T00:00:00Z",
    Accessibility: run.body.Accessibility ?? "PUBLIC",
  });

  const route = (
    method: string,
    path: string,
    query: Record<string, string>,
    raw: Buffer,
  ): [number, Record<string, unknown>] => {
    const parts = path.split("/").filter(Boolean); // api v1 pipelineruns [id] ...
    if (parts[0] !== "api" || parts[1] !== "v1" || parts[2] !== "pipelineruns") {
      throw new HttpError(
        404,
        "InvalidAction.NotFound",
        `Specified api is not found, please check your url and method: ${method} ${path}`,
      );
    }
    const id = parts[3];
    if (!id) {
      if (method === "POST")
        return [200, { PipelineRunId: create(JSON.parse(raw.toString("utf8")) as Record<string, unknown>) }];
      if (method === "GET") {
        const all = [...runs.values()]
          .reverse()
          .filter((r) => !query.SourceId || r.body.SourceId === query.SourceId)
          .filter((r) => !query.Name || String(r.body.Name ?? "").includes(query.Name));
        const size = Number(query.PageSize ?? 10);
        const page = Number(query.PageNumber ?? 1);
        return [
          200,
          { TotalCount: all.length, PipelineRuns: all.slice((page - 1) * size, page * size).map(runJson) },
        ];
      }
    }
    if (!id)
      throw new HttpError(404, "InvalidAction.NotFound", `Specified api is not found: ${method} ${path}`);
    const run = findRun(id);
    const sub = parts[4];
    if (!sub && method === "GET")
      return [
        200,
        { ...runJson(run), ...(query.Verbose === "true" ? { Manifest: run.body.PipelineManifest } : {}) },
      ];
    if (method === "PUT" && sub === "termination") {
      run.status = "Terminated";
      return [200, {}];
    }
    if (method === "PUT" && (sub === "start" || sub === "rerun")) {
      run.status = "Running";
      return [200, {}];
    }
    if (sub === "nodes" && method === "GET") {
      const nodeId = decodeURIComponent(parts[5] ?? "");
      const what = parts[6];
      if (nodeId === `node-root-${run.id}` && !what) {
        return [
          200,
          {
            ApiVersion: "core/v1",
            Metadata: { NodeId: nodeId, Name: "pipeline", NodeType: "Dag" },
            Spec: {
              Pipelines: run.steps.map((s) => ({
                Metadata: { NodeId: s.nodeId, Name: s.name, NodeType: "Pod" },
                StatusInfo: { Status: s.status, StartedAt: s.startedAt, FinishedAt: s.finishedAt },
              })),
            },
            StatusInfo: { Status: run.status },
          },
        ];
      }
      const step = run.steps.find((s) => s.nodeId === nodeId);
      if (!step) throw new HttpError(400, "200200005", `node ${nodeId} not found`);
      if (what === "logs") {
        const logs = run.logs[step.name] ?? [];
        const offset = Number(query.Offset ?? 0);
        const size = Number(query.PageSize ?? 100);
        return [200, { TotalCount: logs.length, Logs: logs.slice(offset, offset + size) }];
      }
      if (what === "outputs" && parts[8] === "preview") {
        if (!options.preview)
          throw new HttpError(404, "InvalidAction.NotFound", "Specified api is not found");
        const limit = Number(query.Limit ?? 100);
        const rows = [
          { time: 1.5, city: "hangzhou" },
          { time: 2.5, city: "beijing" },
        ].slice(0, limit);
        return [
          200,
          {
            Columns: [
              { Name: "time", Type: "DOUBLE" },
              { Name: "city", Type: "VARCHAR" },
            ],
            Rows: rows,
            TotalCount: 2,
          },
        ];
      }
      if (what === "outputs") {
        return [
          200,
          {
            TotalCount: 1,
            Outputs: [
              {
                Id: `artifact-${step.nodeId}`,
                Name: "outputTable",
                Type: "DataSet",
                NodeId: step.nodeId,
                Producer: step.name,
                GmtCreateTime: "2026-01-01T00:01:00Z",
                Info: {
                  metadata: { type: { DataSet: { locationType: "MaxComputeTable" } } },
                  value: { location: { table: "t" } },
                },
              },
            ],
          },
        ];
      }
    }
    throw new HttpError(404, "InvalidAction.NotFound", `Specified api is not found: ${method} ${path}`);
  };

  const create = (body: Record<string, unknown>): string => {
    if (!body.WorkspaceId)
      throw new HttpError(
        400,
        "MissingParameter",
        'The input parameter "WorkspaceId" that is mandatory for processing this request is not supplied.',
      );
    if (typeof body.PipelineManifest !== "string")
      throw new HttpError(400, "InvalidParameter", "PipelineManifest or PipelineId is required");
    const id = `flow-fake${(++counter).toString().padStart(6, "0")}`;
    const start = body.NoConfirmRequired !== false;
    runs.set(id, { id, body, status: start ? "Running" : "Initialized", message: "", steps: [], logs: {} });
    return id;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => handle(req, res, Buffer.concat(chunks)));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    endpoint: `127.0.0.1:${port}`,
    accessKeyId,
    accessKeySecret,
    runs,
    run: findRun,
    calls,
    createRun: create,
    misbehave: (...next) => queue.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
