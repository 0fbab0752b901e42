/**
 * One signed ROA call to an Alibaba Cloud API through @alicloud/openapi-client's generic
 * `callApi` (the default V3 signature), shared by the PAIFlow and PaiStudio clients: the same
 * credentials, timeouts, retries and error mapping for both.
 *
 * Reads are retried on throttling, 5xx and network failures. Writes are not: a repeated
 * CreatePipelineRun after a lost answer would start a second, billed run, and a repeated
 * UpdateExperimentContent would be refused for its stale Version.
 */
import OpenApiModule, { Config, OpenApiRequest, Params } from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";
import type { z } from "zod";
import type { Credential } from "../config/credentials";
import { PaiflowError, toPaiflowError, type UpstreamService } from "./errors";
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from "./retry";

// CommonJS from ESM: the default import is module.exports; the client class is its `.default`.
const OpenApi = (OpenApiModule as unknown as { default?: typeof OpenApiModule }).default ?? OpenApiModule;

export interface RoaClientOptions {
  /** `host[:port]` */
  endpoint: string;
  protocol: "https" | "http";
  credential: Credential;
  timeoutMs: number;
  retry?: RetryPolicy;
}

export type Query = Record<string, string | number | boolean | undefined>;

interface RoaCall<S extends z.ZodType> {
  action: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Query;
  body?: object;
  schema: S;
}

/** Percent-encodes one path segment (ids may hold anything the service allows). */
export const seg = encodeURIComponent;

export class RoaClient {
  readonly endpoint: string;
  private readonly api: InstanceType<typeof OpenApi>;
  private readonly runtime: RuntimeOptions;
  private readonly retry: RetryPolicy;

  constructor(
    private readonly service: UpstreamService,
    private readonly version: string,
    options: RoaClientOptions,
  ) {
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

  // Writes call `once` directly: a closure per call is not free under tsx (keepNames wraps it).
  protected call<S extends z.ZodType>(call: RoaCall<S>): Promise<z.infer<S>> {
    if (call.method !== "GET") return this.once(call);
    return withRetry(() => this.once(call), isTransient, this.retry);
  }

  private async once<S extends z.ZodType>(call: RoaCall<S>): Promise<z.infer<S>> {
    const params = new Params({
      action: call.action,
      version: this.version,
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
      throw toPaiflowError(error, this.endpoint, this.service);
    }
    const parsed = call.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PaiflowError({
        code: "UpstreamInvalidResponse",
        message: `${this.service}'s answer to ${call.action} is not as documented${issue ? ` (${issue.path.join(".") || "body"}: ${issue.message})` : ""}`,
        requestId: requestIdOf(body),
        source: "transport",
        service: this.service,
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
