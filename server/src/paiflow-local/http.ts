/**
 * The HTTP face of the service: PAIFlow's ROA paths under /api/v1, every request signed
 * (see signature.ts), JSON in and out, errors in PAIFlow's body shape with the right status.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ApiError } from "./errors";
import { EXTENSION_ROUTES } from "./extensions";
import { newRequestId } from "./ids";
import { getNode, listNodeLogs, listNodeOutputs, listNodeStatus, previewOutput } from "./nodes";
import type { PaiflowService } from "./service";
import { type NonceStore, verifySignature } from "./signature";

const MAX_BODY_BYTES = 4 * 1024 * 1024;

interface Call {
  params: string[];
  query: Record<string, string>;
  body: Record<string, unknown>;
  userId: string;
}

type Handler = (
  svc: PaiflowService,
  call: Call,
) => Promise<Record<string, unknown> | undefined> | Record<string, unknown> | undefined;

const SEG = "([^/]+)";
const ROUTES: { method: string; path: RegExp; handler: Handler }[] = [
  { method: "POST", path: /^\/api\/v1\/pipelineruns$/, handler: (s, c) => s.createRun(c.body, c.userId) },
  { method: "GET", path: /^\/api\/v1\/pipelineruns$/, handler: (s, c) => s.listRuns(c.query) },
  {
    method: "GET",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}$`),
    handler: (s, c) => s.getRun(c.params[0] as string, c.query),
  },
  {
    method: "PUT",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}/start$`),
    handler: (s, c) => void s.startRun(c.params[0] as string),
  },
  {
    method: "PUT",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}/termination$`),
    handler: async (s, c) => void (await s.terminateRun(c.params[0] as string)),
  },
  {
    method: "PUT",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}/rerun$`),
    handler: async (s, c) => void (await s.rerunRun(c.params[0] as string)),
  },
  {
    method: "PUT",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}$`),
    handler: async (s, c) => void (await s.updateRun(c.params[0] as string, c.body)),
  },
  {
    method: "DELETE",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}$`),
    handler: async (s, c) => void (await s.deleteRun(c.params[0] as string)),
  },
  {
    method: "GET",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}/nodes/${SEG}$`),
    handler: (s, c) => getNode(s, c.params[0] as string, c.params[1] as string, c.query),
  },
  {
    method: "GET",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}/nodes/${SEG}/status$`),
    handler: (s, c) => listNodeStatus(s, c.params[0] as string, c.params[1] as string, c.query),
  },
  {
    method: "GET",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}/nodes/${SEG}/logs$`),
    handler: (s, c) => listNodeLogs(s, c.params[0] as string, c.params[1] as string, c.query),
  },
  {
    method: "GET",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}/nodes/${SEG}/outputs$`),
    handler: (s, c) => listNodeOutputs(s, c.params[0] as string, c.params[1] as string, c.query),
  },
  {
    method: "GET",
    path: new RegExp(`^/api/v1/pipelineruns/${SEG}/nodes/${SEG}/outputs/${SEG}/preview$`),
    handler: (s, c) =>
      previewOutput(s, c.params[0] as string, c.params[1] as string, c.params[2] as string, c.query),
  },
  ...EXTENSION_ROUTES,
];

export interface HttpOptions {
  service: PaiflowService;
  accessKeyId: string;
  accessKeySecret: string;
  nonces: NonceStore;
  logger: { error(...a: unknown[]): void };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new ApiError(
            413,
            "RequestEntityTooLarge",
            `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
          ),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, requestId: string, body: Record<string, unknown>): void {
  const json = JSON.stringify({ RequestId: requestId, ...body });
  res.writeHead(status, {
    "content-type": "application/json;charset=utf-8",
    "content-length": Buffer.byteLength(json),
    "x-acs-request-id": requestId,
  });
  res.end(json);
}

/** Creates the service's HTTP server (not yet listening). */
export function createHttpServer(options: HttpOptions): Server {
  const { service, accessKeyId, accessKeySecret, nonces, logger } = options;
  return createServer((req, res) => {
    const requestId = newRequestId();
    const host = req.headers.host ?? "localhost";
    const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}) =>
      send(res, status, requestId, { HostId: host, Code: code, Message: message, Recommend: "", ...extra });
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", "http://local");
        const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
        const query: Record<string, string> = {};
        for (const [k, v] of url.searchParams) query[k] = v;
        const body = await readBody(req);
        const verdict = verifySignature(
          { method: req.method ?? "GET", path: rawPath, query, headers: req.headers, body },
          (ak) => (ak === accessKeyId ? accessKeySecret : undefined),
          nonces,
        );
        if (!verdict.ok) return fail(verdict.status, verdict.code, verdict.message);
        const path = decodeURIComponent(url.pathname);
        const route = ROUTES.find((r) => r.path.test(path) && r.method === req.method);
        if (!route) {
          const known = ROUTES.some((r) => r.path.test(path));
          return known
            ? fail(405, "MethodNotAllowed", `${req.method} is not allowed on ${path}.`)
            : fail(404, "InvalidAction.NotFound", `No PAIFlow operation at ${req.method} ${path}.`);
        }
        let parsed: Record<string, unknown> = {};
        if (body.length > 0) {
          try {
            parsed = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
          } catch {
            return fail(400, "InvalidParameter", "The request body is not valid JSON.");
          }
          if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
            return fail(400, "InvalidParameter", "The request body must be a JSON object.");
          }
        }
        const params = (route.path.exec(path) ?? []).slice(1);
        const result = await route.handler(service, {
          params,
          query,
          body: parsed,
          userId: `local-${verdict.accessKeyId}`,
        });
        send(res, 200, requestId, result ?? {});
      } catch (error) {
        if (error instanceof ApiError) return fail(error.status, error.code, error.message, error.extra);
        logger.error({ err: error, url: req.url }, "request failed");
        return fail(500, "InternalError", `The local PAIFlow service failed: ${(error as Error).message}`);
      }
    })();
  });
}
