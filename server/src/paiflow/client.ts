/**
 * PAIFlow client: every operation the designer needs, through @alicloud/openapi-client's
 * generic `callApi` (ROA, API 2021-02-02, the default V3 signature).
 *
 * Reads are retried on throttling, 5xx and network failures. Writes are not: a repeated
 * CreatePipelineRun after a lost answer would start a second, billed run.
 */
import OpenApiModule, { Config, OpenApiRequest, Params } from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";
import type { z } from "zod";
import type { Credential } from "../config/credentials";
import { PaiflowError, toPaiflowError } from "./errors";
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from "./retry";
import {
  ActionResultSchema,
  type CreatePipelineRunInput,
  CreatePipelineRunResultSchema,
  GetPipelineRunNodeResultSchema,
  GetPipelineRunResultSchema,
  ListPipelineRunNodeLogsResultSchema,
  ListPipelineRunNodeOutputsResultSchema,
  ListPipelineRunNodeStatusResultSchema,
  type ListPipelineRunsInput,
  ListPipelineRunsResultSchema,
  LocalSchemasResultSchema,
  LocalTablePreviewResultSchema,
  LocalTablesResultSchema,
  PreviewNodeOutputResultSchema,
} from "./types";

// CommonJS from ESM: the default import is module.exports; the client class is its `.default`.
const OpenApi = (OpenApiModule as unknown as { default?: typeof OpenApiModule }).default ?? OpenApiModule;

const PAIFLOW_API_VERSION = "2021-02-02";

export interface PaiflowClientOptions {
  /** `host[:port]` */
  endpoint: string;
  protocol: "https" | "http";
  credential: Credential;
  timeoutMs: number;
  retry?: RetryPolicy;
}

type Query = Record<string, string | number | boolean | undefined>;

interface Call<S extends z.ZodType> {
  action: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Query;
  body?: object;
  schema: S;
}

const seg = encodeURIComponent;

export class PaiflowClient {
  readonly endpoint: string;
  private readonly api: InstanceType<typeof OpenApi>;
  private readonly runtime: RuntimeOptions;
  private readonly retry: RetryPolicy;

  constructor(options: PaiflowClientOptions) {
    this.endpoint = options.endpoint;
    this.api = new OpenApi(
      new Config({
        endpoint: options.endpoint,
        protocol: options.protocol.toUpperCase(),
        credential: options.credential,
        // connectTimeout also bounds an idle socket, so both get the full budget.
        readTimeout: options.timeoutMs,
        connectTimeout: options.timeoutMs,
      }),
    );
    this.runtime = new RuntimeOptions({ readTimeout: options.timeoutMs, connectTimeout: options.timeoutMs });
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  createPipelineRun(input: CreatePipelineRunInput) {
    return this.call({
      action: "CreatePipelineRun",
      method: "POST",
      path: "/api/v1/pipelineruns",
      body: input,
      schema: CreatePipelineRunResultSchema,
    });
  }

  getPipelineRun(runId: string, options: { verbose?: boolean; manifestType?: string } = {}) {
    return this.call({
      action: "GetPipelineRun",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}`,
      query: { Verbose: options.verbose, ManifestType: options.manifestType },
      schema: GetPipelineRunResultSchema,
    });
  }

  listPipelineRuns(input: ListPipelineRunsInput = {}) {
    return this.call({
      action: "ListPipelineRuns",
      method: "GET",
      path: "/api/v1/pipelineruns",
      query: { ...input },
      schema: ListPipelineRunsResultSchema,
    });
  }

  startPipelineRun(runId: string) {
    return this.action("StartPipelineRun", `/api/v1/pipelineruns/${seg(runId)}/start`);
  }

  terminatePipelineRun(runId: string) {
    return this.action("TerminatePipelineRun", `/api/v1/pipelineruns/${seg(runId)}/termination`);
  }

  rerunPipelineRun(runId: string) {
    return this.action("RerunPipelineRun", `/api/v1/pipelineruns/${seg(runId)}/rerun`);
  }

  getPipelineRunNode(runId: string, nodeId: string, options: { depth?: number; type?: string } = {}) {
    return this.call({
      action: "GetPipelineRunNode",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}`,
      query: { Depth: options.depth ?? 2, Type: options.type },
      schema: GetPipelineRunNodeResultSchema,
    });
  }

  listPipelineRunNodeStatus(runId: string, nodeId: string, options: { depth?: number } = {}) {
    return this.call({
      action: "ListPipelineRunNodeStatus",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}/status`,
      query: { Depth: options.depth ?? 2 },
      schema: ListPipelineRunNodeStatusResultSchema,
    });
  }

  listPipelineRunNodeLogs(
    runId: string,
    nodeId: string,
    options: { offset?: number; pageSize?: number } = {},
  ) {
    return this.call({
      action: "ListPipelineRunNodeLogs",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}/logs`,
      query: { Offset: options.offset ?? 0, PageSize: options.pageSize },
      schema: ListPipelineRunNodeLogsResultSchema,
    });
  }

  listPipelineRunNodeOutputs(
    runId: string,
    nodeId: string,
    options: { depth?: number; name?: string; pageNumber?: number; pageSize?: number } = {},
  ) {
    return this.call({
      action: "ListPipelineRunNodeOutputs",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}/outputs`,
      query: {
        Depth: options.depth ?? 1,
        Name: options.name,
        PageNumber: options.pageNumber,
        PageSize: options.pageSize ?? 100,
      },
      schema: ListPipelineRunNodeOutputsResultSchema,
    });
  }

  /** The embedded PAIFlow's extension: the first rows of an output table. */
  previewNodeOutput(runId: string, nodeId: string, output: string, limit: number) {
    return this.call({
      action: "PreviewPipelineRunNodeOutput",
      method: "GET",
      path: `/api/v1/pipelineruns/${seg(runId)}/nodes/${seg(nodeId)}/outputs/${seg(output)}/preview`,
      query: { Limit: limit },
      schema: PreviewNodeOutputResultSchema,
    });
  }

  /** The embedded PAIFlow's extension: every step's design-time schemas. */
  describeSchemas(manifest: string, args?: string) {
    return this.call({
      action: "DescribePipelineSchemas",
      method: "POST",
      path: "/api/v1/local/schemas",
      body: { PipelineManifest: manifest, ...(args !== undefined ? { Arguments: args } : {}) },
      schema: LocalSchemasResultSchema,
    });
  }

  /** The embedded PAIFlow's extension: the local table catalog. */
  listLocalTables(keyword?: string) {
    return this.call({
      action: "ListLocalTables",
      method: "GET",
      path: "/api/v1/local/tables",
      query: { Keyword: keyword },
      schema: LocalTablesResultSchema,
    });
  }

  /** The embedded PAIFlow's extension: a catalog table's columns, partitions and first rows. */
  previewLocalTable(name: string, options: { limit: number; partition?: string }) {
    return this.call({
      action: "PreviewLocalTable",
      method: "GET",
      path: `/api/v1/local/tables/${seg(name)}/preview`,
      query: { Limit: options.limit, Partition: options.partition },
      schema: LocalTablePreviewResultSchema,
    });
  }

  private action(action: string, path: string) {
    return this.call({ action, method: "PUT", path, schema: ActionResultSchema });
  }

  // Writes call `once` directly: a closure per call is not free under tsx (keepNames wraps it).
  private call<S extends z.ZodType>(call: Call<S>): Promise<z.infer<S>> {
    if (call.method !== "GET") return this.once(call);
    return withRetry(() => this.once(call), isTransient, this.retry);
  }

  private async once<S extends z.ZodType>(call: Call<S>): Promise<z.infer<S>> {
    const params = new Params({
      action: call.action,
      version: PAIFLOW_API_VERSION,
      protocol: "HTTPS",
      pathname: call.path,
      method: call.method,
      authType: "AK",
      style: "ROA",
      reqBodyType: "json",
      bodyType: "json",
    });
    const request = new OpenApiRequest({ query: toQuery(call.query), body: call.body });
    let body: unknown;
    try {
      const response = (await this.api.callApi(params, request, this.runtime)) as { body?: unknown };
      body = response.body;
    } catch (error) {
      throw toPaiflowError(error, this.endpoint);
    }
    const parsed = call.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PaiflowError({
        code: "UpstreamInvalidResponse",
        message: `PAIFlow's answer to ${call.action} is not as documented${issue ? ` (${issue.path.join(".") || "body"}: ${issue.message})` : ""}`,
        requestId: requestIdOf(body),
        source: "transport",
      });
    }
    return parsed.data;
  }
}

const isTransient = (error: unknown) => error instanceof PaiflowError && error.transient;

function toQuery(query: Query | undefined): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = String(value);
  return out;
}

function requestIdOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const id = (body as { RequestId?: unknown }).RequestId;
  return typeof id === "string" ? id : undefined;
}
