/**
 * Decides the mode and builds the PAIFlow and PaiStudio clients for it: the cloud endpoints with
 * the default credential chain, or the embedded service started in this process (which answers
 * both APIs on one port). Used by the server and by `pfd run`, so both talk to PAI the same way.
 */
import type { Logger } from "pino";
import {
  type CredentialSource,
  defaultChainCredential,
  detectCredentialSource,
  staticCredential,
} from "../config/credentials";
import { cloudEndpoint, type ServerConfig, studioCloudEndpoint } from "../config/env";
import { DataDirInUseError, readServiceFile } from "../paiflow-local/service-file";
import { PaistudioClient } from "../paistudio/client";
import { PaiflowClient } from "./client";
import type { RoaClientOptions } from "./roa";

export interface LocalPaiflowHandle {
  url: string;
  /** `host:port` */
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  close(): Promise<void>;
}

export type StartLocalPaiflow = (options: {
  host?: string;
  port?: number;
  dataDir: string;
  logger?: Logger;
}) => Promise<LocalPaiflowHandle>;

export interface PaiflowConnection {
  mode: "local" | "cloud";
  endpoint: string;
  client: PaiflowClient;
  /** PAI Designer's drafts, folders, algorithm tree and templates. */
  studio: PaistudioClient;
  /** `host[:port]` of the PaiStudio the studio client calls. */
  studioEndpoint: string;
  /** Where the cloud credentials were found (cloud mode), for the start-up log line. */
  credentialSource: CredentialSource | null;
  close(): Promise<void>;
}

export interface ConnectOptions {
  logger: Logger;
  startLocal: StartLocalPaiflow;
  /** Overridable for tests; defaults to looking at the real environment and home folder. */
  detect?: () => CredentialSource | null;
}

/** `auto` is cloud when credentials are visible without the network, local otherwise. */
export function resolveMode(config: ServerConfig, source: CredentialSource | null): "local" | "cloud" {
  if (config.mode === "auto") return source ? "cloud" : "local";
  return config.mode;
}

export async function connectPaiflow(
  config: ServerConfig,
  options: ConnectOptions,
): Promise<PaiflowConnection> {
  const source = (options.detect ?? detectCredentialSource)();
  const mode = resolveMode(config, source);
  if (mode === "cloud") {
    if (!source) {
      options.logger.warn(
        "PAIFLOW_MODE=cloud but no credentials were found in the environment or credential files; the first call will try the rest of the default chain",
      );
    }
    const endpoint = cloudEndpoint(config);
    const studioEndpoint = studioCloudEndpoint(config);
    // One credential for both: the chain is resolved once, at the first call of either.
    const shared = {
      protocol: config.protocol,
      credential: defaultChainCredential(),
      timeoutMs: config.timeoutMs,
    };
    return {
      mode,
      endpoint,
      client: new PaiflowClient({ ...shared, endpoint }),
      studio: new PaistudioClient({ ...shared, endpoint: studioEndpoint }),
      studioEndpoint,
      credentialSource: source,
      close: async () => {},
    };
  }
  let local: Omit<LocalPaiflowHandle, "url">;
  try {
    local = await options.startLocal({
      host: "127.0.0.1",
      port: 0,
      dataDir: config.localDataDir,
      logger: options.logger,
    });
  } catch (error) {
    // Another process (the designer's server, `pfd paiflow-local`) runs the service on this data
    // directory: use that one rather than fail.
    const running =
      error instanceof DataDirInUseError ? await readServiceFile(config.localDataDir) : undefined;
    if (!running) throw error;
    options.logger.info(
      { endpoint: running.endpoint },
      "using the local PAIFlow already running on this data directory",
    );
    local = { ...running, close: async () => {} };
  }
  const localClient: RoaClientOptions = {
    endpoint: local.endpoint,
    protocol: "http",
    credential: staticCredential(local.accessKeyId, local.accessKeySecret),
    timeoutMs: config.timeoutMs,
  };
  return {
    mode,
    endpoint: local.endpoint,
    client: new PaiflowClient(localClient),
    studio: new PaistudioClient(localClient),
    studioEndpoint: local.endpoint,
    credentialSource: null,
    close: () => local.close(),
  };
}
