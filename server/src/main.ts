/**
 * The server process: reads the configuration, connects to PAIFlow (the cloud, or the embedded
 * service started here), listens, and shuts down cleanly on SIGINT/SIGTERM.
 * `npm start` runs this after building the web app; tests call startServer().
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { config as loadDotenv } from "dotenv";
import { type Logger, pino } from "pino";
import { createApp } from "./app";
import { openAuthServices } from "./auth/services";
import { ConfigError, loadConfig, type ServerConfig } from "./config/env";
import { appContext } from "./context";
import { connectPaiflow } from "./paiflow/connect";
import { startLocalPaiflow } from "./paiflow-local/index";

const WEB_DIST = join(import.meta.dirname, "..", "..", "web", "dist");

export interface RunningServer {
  url: string;
  mode: "local" | "cloud";
  /** `host[:port]` of the PAIFlow this server calls. */
  endpoint: string;
  close(): Promise<void>;
}

export interface StartOptions {
  config: ServerConfig;
  logger: Logger;
  webDist?: string | null;
}

export async function startServer({
  config,
  logger,
  webDist = WEB_DIST,
}: StartOptions): Promise<RunningServer> {
  // Sign-in first: a wrong OIDC_ISSUER stops the boot before the embedded PAIFlow starts.
  const authServices = await openAuthServices(config);
  let paiflow: Awaited<ReturnType<typeof connectPaiflow>>;
  try {
    paiflow = await connectPaiflow(config, { logger, startLocal: startLocalPaiflow });
  } catch (error) {
    authServices.close();
    throw error;
  }
  const app = createApp(appContext(config, paiflow, authServices, webDist), logger);
  let server: Server;
  try {
    // Not app.listen: Express 5 calls its callback on a listen error too.
    server = await new Promise<Server>((resolve, reject) => {
      const s = createServer(app);
      s.once("error", reject);
      s.listen(config.port, config.host, () => resolve(s));
    });
  } catch (error) {
    await paiflow.close();
    authServices.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}/`;
  let closing: Promise<void> | undefined;
  return {
    url,
    mode: paiflow.mode,
    endpoint: paiflow.endpoint,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // Requests still open after 10 s (a stuck upstream call) are cut.
          setTimeout(() => server.closeAllConnections(), 10_000).unref();
        });
        await paiflow.close();
        authServices.close();
      })();
      return closing;
    },
  };
}

async function runFromCommandLine(): Promise<void> {
  loadDotenv({ quiet: true });
  let config: ServerConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  let running: RunningServer;
  try {
    running = await startServer({ config, logger });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "EADDRINUSE"
        ? `port ${config.port} is already in use: stop the other server or set PORT`
        : (error as Error).message;
    logger.fatal({ code }, `cannot start: ${message}`);
    process.exit(1);
  }
  logger.info(
    {
      mode: running.mode,
      paiflow: running.endpoint,
      region: config.regionId,
      workspaceId: config.workspaceId ?? null,
      auth: config.auth.mode,
      audit: config.audit.path,
    },
    `PAIFlow Designer listening on ${running.url} (${running.mode} mode, sign-in: ${config.auth.mode})`,
  );
  const stop = (signal: string) => {
    logger.info({ signal }, "shutting down");
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runFromCommandLine();
}
