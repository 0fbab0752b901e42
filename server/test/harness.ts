/**
 * Builds the app against a fake PAIFlow for a test file, and keeps every response body, header
 * and log line it produced so the file can check that the secret never left the server.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type RunDetail, RunDetailSchema } from "@pfd/shared";
import express, { type Express } from "express";
import { pino } from "pino";
import request from "supertest";
import { type AppContext, createApp } from "../src/app";
import { type AuthServices, openAuthServices } from "../src/auth/services";
import { loadComponents } from "../src/config/components";
import { staticCredential } from "../src/config/credentials";
import { loadConfig, type ServerConfig } from "../src/config/env";
import { appContext } from "../src/context";
import { PaiflowClient } from "../src/paiflow/client";
import { type LocalPaiflow, startLocalPaiflow } from "../src/paiflow-local/index";
import { PaistudioClient } from "../src/paistudio/client";
import { type FakeOptions, type FakePaiflow, startFakePaiflow } from "./fake-paiflow";
import { createFakeWorkspace, type FakeWorkspace, type FakeWorkspaceOptions } from "./fake-workspace";

export const TWO_STEPS = readFileSync(join(import.meta.dirname, "fixtures", "two-steps.yaml"), "utf8");

export interface Harness {
  app: Express;
  fake: FakePaiflow;
  /** The fake PAI workspace (PaiStudio and the component registry), with `workspace`. */
  workspace: FakeWorkspace | undefined;
  config: ServerConfig;
  /** Records (in a fresh DESIGNER_DATA), audit log and OpenID client of the app. */
  services: AuthServices;
  /** What the app was built from, to build another on the same parts (a restart). */
  ctx: AppContext;
  /** Every response (status line, headers, body) and log line, as text. */
  transcript: string[];
  /** The audit log's entries so far. */
  audit(): Record<string, unknown>[];
  close(): Promise<void>;
}

/** Someone signed in through a trusted proxy (AUTH_MODE=proxy). */
export interface Person {
  id: string;
  name: string;
  groups: string;
}

/** The headers oauth2-proxy sets; names go as UTF-8 bytes, as proxies send them. */
export function proxyHeaders(person: Person): Record<string, string> {
  return {
    "X-Forwarded-User": person.id,
    "X-Forwarded-Email": `${person.id}@example.com`,
    "X-Forwarded-Groups": person.groups,
    "X-Forwarded-Preferred-Username": Buffer.from(person.name, "utf8").toString("latin1"),
  };
}

export interface HarnessOptions {
  env?: Record<string, string>;
  mode?: "local" | "cloud";
  fake?: FakeOptions;
  webDist?: string | null;
  /** Point the client somewhere else than the fake (e.g. a closed port). */
  endpoint?: string;
  timeoutMs?: number;
  /** The clock of sessions and audit entries. */
  now?: () => number;
  /** Serve a fake PAI workspace beside the fake PAIFlow and give the app its workspace layer. */
  workspace?: FakeWorkspaceOptions;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const workspace = options.workspace ? await createFakeWorkspace(options.workspace) : undefined;
  const fake = await startFakePaiflow({ ...options.fake, ...(workspace ? { extra: workspace.route } : {}) });
  if (workspace) workspace.paiflow = fake;
  const dataDir = mkdtempSync(join(tmpdir(), "pfd-designer-"));
  const config = loadConfig({ PAI_WORKSPACE_ID: "ws-test", DESIGNER_DATA: dataDir, ...options.env });
  const services = await openAuthServices(config, options.now ? { now: options.now } : {});
  const transcript: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      transcript.push(String(chunk));
      done();
    },
  });
  const endpoint = options.endpoint ?? fake.endpoint;
  const clientOptions = {
    endpoint,
    protocol: "http" as const,
    credential: staticCredential(fake.accessKeyId, fake.accessKeySecret),
    timeoutMs: options.timeoutMs ?? 2000,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  };
  const connection = {
    mode: options.mode ?? "cloud",
    endpoint,
    client: new PaiflowClient(clientOptions),
    studio: new PaistudioClient(clientOptions),
  };
  const served = appContext(config, connection, services, options.webDist ?? null);
  // Without a fake workspace the fake answers no PaiStudio call: the palette is the catalog's.
  const ctx = workspace ? served : withoutWorkspace(served);
  const inner = createApp(ctx, pino({ level: "info" }, logStream));
  const app = express();
  app.use((_req, res, next) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    const keep = (chunk: unknown) => {
      if (typeof chunk === "string" || Buffer.isBuffer(chunk)) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk);
      transcript.push(
        `${res.statusCode} ${JSON.stringify(res.getHeaders())}\n${Buffer.concat(chunks).toString("utf8")}`,
      );
      return end(chunk, ...rest);
    }) as typeof res.end;
    next();
  });
  app.use(inner);
  return {
    app,
    fake,
    workspace,
    config,
    services,
    ctx,
    transcript,
    audit: () =>
      readFileSync(config.audit.path, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    close: async () => {
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
      await fake.close();
      await workspace?.close();
    },
  };
}

function withoutWorkspace({ workspace: _none, ...ctx }: AppContext): AppContext {
  return { ...ctx, components: () => loadComponents(ctx.config.componentsDir) };
}

export interface LocalHarness {
  app: Express;
  /** The embedded service the app calls, in a fresh data directory. */
  local: LocalPaiflow;
  config: ServerConfig;
  close(): Promise<void>;
}

/**
 * Builds the app against the embedded service, as the server builds it: in `local` mode as
 * without credentials; in `cloud` mode the cloud code path, with the service standing in for PAI.
 */
export async function startLocalHarness(options: {
  mode: "local" | "cloud";
  env?: Record<string, string>;
}): Promise<LocalHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), "pfd-local-"));
  const local = await startLocalPaiflow({ dataDir, port: 0 });
  const config = loadConfig({
    RUN_RATE_LIMIT: "1000",
    DESIGNER_DATA: join(dataDir, "designer"),
    ...options.env,
  });
  const services = await openAuthServices(config);
  const clientOptions = {
    endpoint: local.endpoint,
    protocol: "http" as const,
    credential: staticCredential(local.accessKeyId, local.accessKeySecret),
    timeoutMs: 30_000,
  };
  const connection = {
    mode: options.mode,
    endpoint: local.endpoint,
    client: new PaiflowClient(clientOptions),
    studio: new PaistudioClient(clientOptions),
  };
  const app = createApp(appContext(config, connection, services, null), pino({ level: "silent" }));
  return {
    app,
    local,
    config,
    close: async () => {
      services.close();
      await local.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The run's detail once it has ended (Succeeded, Failed or Terminated), asked of `app` every 50 ms. */
export async function waitForRunEnd(app: Express, id: string): Promise<RunDetail> {
  for (let i = 0; i < 300; i++) {
    const detail = RunDetailSchema.parse((await request(app).get(`/api/runs/${id}`).expect(200)).body);
    if (["Succeeded", "Failed", "Terminated"].includes(detail.status)) return detail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} did not end`);
}
