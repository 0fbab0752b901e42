/** Test helper: talks to the local service exactly as the server does, through @alicloud/openapi-client. */
import OpenApi, * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";

export interface ClientOptions {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signatureAlgorithm?: "v2";
}

export interface CallOptions {
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

// The package is CommonJS: from Node's ESM the client class is the default export's `.default`;
// under Vite's interop the default export is the class itself.
const Client = (OpenApi as unknown as { default?: typeof OpenApi }).default ?? OpenApi;

export function paiflowClient(options: ClientOptions) {
  const client = new Client(
    new $OpenApi.Config({
      accessKeyId: options.accessKeyId,
      accessKeySecret: options.accessKeySecret,
      endpoint: options.endpoint,
      protocol: "HTTP",
      signatureAlgorithm: options.signatureAlgorithm,
    }),
  );
  const runtime = new $Util.RuntimeOptions({ readTimeout: 30_000, connectTimeout: 30_000 });
  return async function call<T = Record<string, unknown>>(
    action: string,
    method: string,
    pathname: string,
    opts: CallOptions = {},
  ): Promise<T> {
    const params = new $OpenApi.Params({
      action,
      version: "2021-02-02",
      protocol: "HTTPS",
      pathname,
      method,
      authType: "AK",
      style: "ROA",
      reqBodyType: "json",
      bodyType: "json",
    });
    const request = new $OpenApi.OpenApiRequest({
      query: opts.query,
      body: opts.body,
      headers: opts.headers,
    });
    const result = (await client.callApi(params, request, runtime)) as { body: T };
    return result.body;
  };
}

export type PaiflowCall = ReturnType<typeof paiflowClient>;

/** The error the client throws for a 4xx/5xx answer. */
export interface ApiFailure {
  code: string;
  statusCode: number;
  data: { RequestId: string; Code: string; Message: string; HostId: string };
}

export async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (error) {
    return error as ApiFailure;
  }
  throw new Error("expected the call to fail");
}
