/** `pfd paiflow-local`: runs the embedded PAIFlow-compatible service on its own. */
import path from "node:path";
import { DEFAULT_DATA_DIR, startLocalPaiflow } from "../../paiflow-local/index";
import { type Command, EXIT, parseArgs, UsageError } from "../command";

export const paiflowLocal: Command = {
  help: `Usage: pfd paiflow-local [--port N] [--host HOST] [--data DIR]

Starts a PAIFlow-compatible HTTP service that runs pipelines locally on DuckDB, and prints its
URL and the access key id it accepts. Requests must be signed like PAIFlow's (V3 or legacy ROA).
Runs, logs, output tables and the table catalog live in DIR and survive a restart.

Options:
  --port N      port to listen on (default 7070; 0 picks a free port)
  --host HOST   address to listen on (default 127.0.0.1)
  --data DIR    data directory (default ${DEFAULT_DATA_DIR})

Environment:
  LOCAL_PAIFLOW_ACCESS_KEY_ID, LOCAL_PAIFLOW_ACCESS_KEY_SECRET   the key pair to accept
                                                                 (generated when unset)`,
  async run(args, io) {
    const { options, positionals } = parseArgs(args, { options: ["--port", "--host", "--data"] });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const port = Number(options.get("--port") ?? "7070");
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0..65535, not ${options.get("--port")}`);
    const dataDir = path.resolve(io.cwd, options.get("--data") ?? DEFAULT_DATA_DIR);
    const generatedSecret = !process.env.LOCAL_PAIFLOW_ACCESS_KEY_SECRET;
    const service = await startLocalPaiflow({
      host: options.get("--host"),
      port,
      dataDir,
      logger: {
        info: (...a: unknown[]) =>
          io.err(`${a.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(" ")}\n`),
        error: (...a: unknown[]) =>
          io.err(
            `error: ${a.map((x) => (x instanceof Error ? x.message : typeof x === "string" ? x : JSON.stringify(x))).join(" ")}\n`,
          ),
      },
    });
    io.out(`PAIFlow local service listening on ${service.url}\n`);
    io.out(`Access key id: ${service.accessKeyId}\n`);
    if (generatedSecret)
      io.out(
        `Access key secret: ${service.accessKeySecret} (generated; set LOCAL_PAIFLOW_ACCESS_KEY_SECRET to choose one)\n`,
      );
    io.out(`Data directory: ${dataDir}\n`);
    await io.untilStopped();
    io.err("stopping: runs still in flight are marked Failed\n");
    await service.close();
    return EXIT.ok;
  },
};
