/**
 * Where `pfd validate` learns the design-time schemas from: the local engine's data directory
 * (in this process, as `pfd tables` opens it) or a running designer server (`POST /api/schemas`,
 * the web's own route). Either way the answer is the shared contract's SchemasResponse.
 */
import path from "node:path";
import { apiPaths, type SchemasResponse, SchemasResponseSchema } from "@pfd/shared";
import { COMPONENTS } from "../paiflow-local/components";
import { DesignService } from "../paiflow-local/design";
import { prepareCatalog } from "../paiflow-local/sample-data";
import { Warehouse } from "../paiflow-local/warehouse";

export interface SchemaSource {
  schemas(manifest: string): Promise<SchemasResponse>;
  close(): void;
}

/** The embedded engine on `dataDir` (its catalog, sample tables installed on first use). */
export async function dataDirSchemas(dataDir: string): Promise<SchemaSource> {
  let warehouse: Warehouse;
  try {
    warehouse = await Warehouse.open(path.resolve(dataDir));
  } catch (error) {
    throw new Error(
      `cannot open the data directory ${dataDir} (${(error as Error).message}); if a server uses it, give --server URL instead`,
    );
  }
  try {
    await warehouse.with((conn) => prepareCatalog(conn));
  } catch (error) {
    warehouse.close();
    throw error;
  }
  const design = new DesignService(warehouse, COMPONENTS);
  return {
    async schemas(manifest) {
      const r = await design.schemas(manifest);
      return {
        version: r.version,
        source: "engine",
        steps: r.steps,
        ...(r.reason ? { reason: r.reason } : {}),
      };
    },
    close: () => warehouse.close(),
  };
}

/** A running designer server (`http://127.0.0.1:8080`). */
export function serverSchemas(baseUrl: string, fetchImpl: typeof fetch = fetch): SchemaSource {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new Error(`--server ${baseUrl} is not a URL (e.g. http://127.0.0.1:8080)`);
  }
  return {
    async schemas(manifest) {
      const url = new URL(apiPaths.schemas(), base);
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ manifest }),
        });
      } catch (error) {
        throw new Error(`cannot reach ${url.origin} (${(error as Error).message})`);
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const message = (body as { error?: { message?: string } } | undefined)?.error?.message;
        throw new Error(`${url} answered ${response.status}${message ? `: ${message}` : ""}`);
      }
      const parsed = SchemasResponseSchema.safeParse(body);
      if (!parsed.success) throw new Error(`${url} gave an answer that is not a schemas response`);
      return parsed.data;
    },
    close() {},
  };
}
