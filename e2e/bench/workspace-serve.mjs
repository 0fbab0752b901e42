// The designer's server for bench:canvas's palette figure: the real app (production web build
// given as argv[2]) whose workspace is the fake cloud PAI workspace of the server tests, with
// 300 components. Warms the server's palette cache, then prints `ready <url>` and serves until
// killed. Run with `node --import tsx e2e/bench/workspace-serve.mjs <web dist>`.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createApp } from "../../server/src/app.ts";
import { openAuthServices } from "../../server/src/auth/services.ts";
import { staticCredential } from "../../server/src/config/credentials.ts";
import { loadConfig } from "../../server/src/config/env.ts";
import { appContext } from "../../server/src/context.ts";
import { PaiflowClient } from "../../server/src/paiflow/client.ts";
import { PaistudioClient } from "../../server/src/paistudio/client.ts";
import { startFakePaiflow } from "../../server/test/fake-paiflow.ts";
import { createFakeWorkspace } from "../../server/test/fake-workspace.ts";

const COMPONENTS = 300;
// The built-in catalog's 13 and the workspace's own component come on top of the synthetic ones.
const workspace = await createFakeWorkspace({ extra: COMPONENTS - 14 });
const fake = await startFakePaiflow({ extra: workspace.route, record: false });
const data = mkdtempSync(join(tmpdir(), "pfd-bench-designer-"));
const config = loadConfig({
  PAI_WORKSPACE_ID: "ws-test",
  PAIFLOW_MODE: "cloud",
  LOG_LEVEL: "warn",
  DESIGNER_DATA: data,
});
const options = {
  endpoint: fake.endpoint,
  protocol: "http",
  credential: staticCredential(fake.accessKeyId, fake.accessKeySecret),
  timeoutMs: 10_000,
};
const connection = {
  mode: "cloud",
  endpoint: fake.endpoint,
  client: new PaiflowClient(options),
  studio: new PaistudioClient(options),
};
const services = await openAuthServices(config);
const app = createApp(
  appContext(config, connection, services, process.argv[2] ?? null),
  pino({ level: "warn" }),
);
const server = createServer(app);
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const listed = await (await fetch(`${url}api/components`)).json();
if (listed.components.length !== COMPONENTS)
  throw new Error(`palette has ${listed.components.length} components`);
console.log(`ready ${url}`);

const stop = async () => {
  server.close();
  services.close();
  rmSync(data, { recursive: true, force: true });
  await fake.close();
  await workspace.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
