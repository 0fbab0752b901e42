import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HealthResponseSchema, PreviewResponseSchema, type RunDetail, RunDetailSchema } from "@pfd/shared";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../src/config/env";
import { type RunningServer, startServer } from "../src/main";
import { connectPaiflow, resolveMode } from "../src/paiflow/connect";
import { startFakePaiflow } from "./fake-paiflow";
import { TWO_STEPS } from "./harness";

const logger = pino({ level: "silent" });
/** Each server's own sessions, run records and audit log, away from the repository. */
const designerData = () => ({ DESIGNER_DATA: mkdtempSync(join(tmpdir(), "pfd-designer-")) });
let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  vi.unstubAllEnvs();
});

describe("choosing the mode", () => {
  it("auto is local without credentials and cloud with them; explicit modes win", () => {
    expect(resolveMode(loadConfig({}), null)).toBe("local");
    expect(resolveMode(loadConfig({}), "environment")).toBe("cloud");
    expect(resolveMode(loadConfig({ PAIFLOW_MODE: "local" }), "environment")).toBe("local");
    expect(resolveMode(loadConfig({ PAIFLOW_MODE: "cloud" }), null)).toBe("cloud");
  });

  it("never starts the embedded PAIFlow in cloud mode", async () => {
    const startLocal = vi.fn();
    const c = await connectPaiflow(loadConfig({ ALIBABA_CLOUD_REGION_ID: "cn-shanghai" }), {
      logger,
      startLocal,
      detect: () => "environment",
    });
    expect(c).toMatchObject({ mode: "cloud", endpoint: "paiflow.cn-shanghai.aliyuncs.com" });
    expect(startLocal).not.toHaveBeenCalled();
  });
});

describe("startServer", () => {
  it("starts in local mode with no credentials, with the embedded PAIFlow running a pipeline", async () => {
    for (const name of [
      "ALIBABA_CLOUD_ACCESS_KEY_ID",
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
      "ALIBABA_CLOUD_CREDENTIALS_FILE",
    ]) {
      vi.stubEnv(name, "");
    }
    vi.stubEnv("HOME", mkdtempSync(join(tmpdir(), "pfd-home-")));
    const dataDir = mkdtempSync(join(tmpdir(), "pfd-data-"));
    const started = Date.now();
    running = await startServer({
      config: loadConfig({ PORT: "0", PAIFLOW_LOCAL_DATA: dataDir, ...designerData() }),
      logger,
      webDist: null,
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    const health = HealthResponseSchema.parse(await (await fetch(`${running.url}api/health`)).json());
    expect(health).toMatchObject({ status: "ok", mode: "local", workspaceId: "local" });
    expect(health.endpoint).toMatch(/^127\.0\.0\.1:\d+$/);

    const created = await fetch(`${running.url}api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ manifest: TWO_STEPS }),
    });
    expect(created.status).toBe(201);
    const { pipelineRunId } = (await created.json()) as { pipelineRunId: string };
    let detail: Pick<RunDetail, "status" | "steps"> = { status: "", steps: [] };
    for (let i = 0; i < 200 && !["Succeeded", "Failed"].includes(detail.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      detail = RunDetailSchema.parse(await (await fetch(`${running.url}api/runs/${pipelineRunId}`)).json());
    }
    expect(detail.status).toBe("Succeeded");
    expect(detail.steps.map((s) => [s.stepName, s.status])).toEqual([
      ["read_air", "Succeeded"],
      ["to_double", "Succeeded"],
    ]);
    const preview = PreviewResponseSchema.parse(
      await (
        await fetch(
          `${running.url}api/runs/${pipelineRunId}/steps/to_double/outputs/outputTable/preview?limit=5`,
        )
      ).json(),
    );
    const types = Object.fromEntries(preview.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ pm2: "DOUBLE", pm10: "DOUBLE" });
    expect(preview.rows).toHaveLength(5);
  });

  it("starts in cloud mode with credentials from the environment, and signs with them", async () => {
    const fake = await startFakePaiflow();
    try {
      vi.stubEnv("ALIBABA_CLOUD_ACCESS_KEY_ID", fake.accessKeyId);
      vi.stubEnv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", fake.accessKeySecret);
      const config = loadConfig({
        PORT: "0",
        PAIFLOW_ENDPOINT: fake.endpoint,
        PAIFLOW_PROTOCOL: "http",
        PAI_WORKSPACE_ID: "ws-env",
        MAXCOMPUTE_PROJECT: "proj",
        ...designerData(),
      });
      running = await startServer({ config, logger, webDist: null });
      const health = HealthResponseSchema.parse(await (await fetch(`${running.url}api/health`)).json());
      expect(health).toMatchObject({ mode: "cloud", endpoint: fake.endpoint, workspaceId: "ws-env" });
      const created = await fetch(`${running.url}api/runs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ manifest: TWO_STEPS }),
      });
      expect(created.status).toBe(201);
      expect(fake.calls[0]?.headers.authorization).toContain(`Credential=${fake.accessKeyId}`);
      expect(fake.calls[0]?.headers["x-acs-credentials-provider"]).toMatch(/env/);
    } finally {
      await fake.close();
    }
  });

  it("refuses to start without sign-in on a non-loopback HOST: exit 1 and one line naming AUTH_MODE", () => {
    const root = join(import.meta.dirname, "..", "..");
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(AUTH_|OIDC_|TRUSTED_PROXIES|PUBLIC_URL)/.test(name)),
    );
    const started = spawnSync(join(root, "node_modules/.bin/tsx"), [join(root, "server/src/main.ts")], {
      cwd: mkdtempSync(join(tmpdir(), "pfd-cwd-")),
      env: { ...env, HOST: "0.0.0.0", PORT: "0", PAIFLOW_MODE: "cloud" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(started.status).toBe(1);
    const lines = started.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: AUTH_MODE: /);
    expect(started.stdout).toBe("");
  });

  it("refuses to start when the OpenID provider cannot be read, naming OIDC_ISSUER", async () => {
    const config = loadConfig({
      PORT: "0",
      PAIFLOW_MODE: "cloud",
      AUTH_MODE: "oidc",
      OIDC_ISSUER: "http://127.0.0.1:9/realms/none",
      OIDC_CLIENT_ID: "designer",
      PUBLIC_URL: "http://127.0.0.1:8080",
      SESSION_SECRET: "s".repeat(40),
      ...designerData(),
    });
    await expect(startServer({ config, logger, webDist: null })).rejects.toThrow(
      /^OIDC_ISSUER http:\/\/127\.0\.0\.1:9\/realms\/none could not be read: /,
    );
  });

  it("refuses a port in use with an error naming the port", async () => {
    running = await startServer({
      config: loadConfig({ PORT: "0", PAIFLOW_MODE: "cloud", ...designerData() }),
      logger,
      webDist: null,
    });
    const port = Number(new URL(running.url).port);
    await expect(
      startServer({
        config: loadConfig({ PORT: String(port), PAIFLOW_MODE: "cloud", ...designerData() }),
        logger,
        webDist: null,
      }),
    ).rejects.toMatchObject({ code: "EADDRINUSE" });
  });
});
