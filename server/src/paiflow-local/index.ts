/**
 * The embedded PAIFlow-compatible service: PAIFlow's HTTP API over a local DuckDB engine.
 * Data (runs, logs, output tables, the table catalog) lives in `dataDir` and survives restarts.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { COMPONENTS } from "./components";
import { createHttpServer } from "./http";
import { prepareCatalog } from "./sample-data";
import { PaiflowService } from "./service";
import { removeServiceFile, writeServiceFile } from "./service-file";
import { MemoryNonceStore } from "./signature";
import { RunStore } from "./store";
import { Warehouse } from "./warehouse";

export const DEFAULT_DATA_DIR = ".paiflow-local";

export interface LocalPaiflowOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir: string;
  /** Default LOCAL_PAIFLOW_ACCESS_KEY_ID, else generated. */
  accessKeyId?: string;
  /** Default LOCAL_PAIFLOW_ACCESS_KEY_SECRET, else generated. */
  accessKeySecret?: string;
  /** Steps run at once per run (default 4). */
  parallelism?: number;
  logger?: { info(...a: unknown[]): void; error(...a: unknown[]): void };
}

export interface LocalPaiflow {
  url: string;
  /** `host:port`, for @alicloud/openapi-client's `Config.endpoint`. */
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** The service's operations, for in-process callers and tests. */
  service: PaiflowService;
  close(): Promise<void>;
}

const silent = { info() {}, error() {} };

/** Starts the service; resolves once it listens. */
export async function startLocalPaiflow(opts: LocalPaiflowOptions): Promise<LocalPaiflow> {
  const logger = opts.logger ?? silent;
  const accessKeyId =
    opts.accessKeyId ??
    process.env.LOCAL_PAIFLOW_ACCESS_KEY_ID ??
    `LOCAL${randomBytes(9).toString("hex").toUpperCase()}`;
  const accessKeySecret =
    opts.accessKeySecret ??
    process.env.LOCAL_PAIFLOW_ACCESS_KEY_SECRET ??
    randomBytes(24).toString("base64url");
  const dataDir = path.resolve(opts.dataDir);
  const warehouse = await Warehouse.open(dataDir);
  try {
    const created = await warehouse.with((conn) => prepareCatalog(conn));
    if (created.length > 0) logger.info({ tables: created }, "installed sample tables");
    await warehouse.lockDown();
    const store = new RunStore(dataDir);
    const service = new PaiflowService({
      store,
      warehouse,
      components: COMPONENTS,
      parallelism: opts.parallelism ?? 4,
      logger,
    });
    const recovered = await service.recover();
    if (recovered > 0) logger.info({ runs: recovered }, "marked runs that were in flight as Failed");
    const server = createHttpServer({
      service,
      accessKeyId,
      accessKeySecret,
      nonces: new MemoryNonceStore(),
      logger,
    });
    const host = opts.host ?? "127.0.0.1";
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const hostPart = host.includes(":") ? `[${host}]` : host;
    const url = `http://${hostPart}:${port}`;
    const endpoint = `${hostPart}:${port}`;
    await writeServiceFile(dataDir, { url, endpoint, accessKeyId, accessKeySecret, pid: process.pid });
    let closing: Promise<void> | undefined;
    return {
      url,
      endpoint,
      accessKeyId,
      accessKeySecret,
      service,
      close: () => {
        closing ??= (async () => {
          await removeServiceFile(dataDir);
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          await service.close();
          warehouse.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    warehouse.close();
    throw error;
  }
}
