/**
 * Server configuration: read once at boot from the environment (and `.env`), checked with zod.
 * A wrong value stops the boot with one line per variable, naming it.
 */
import { z } from "zod";
import { type AuditConfig, type AuthConfig, AuthEnvFields, authConfigFrom, authIssues } from "./auth";
import { optionalText, port, positiveInt } from "./fields";

const DEFAULT_REGION = "cn-hangzhou";

const EnvSchema = z
  .object({
    HOST: z.string().trim().min(1).default("127.0.0.1"),
    PORT: port(8080),
    PAIFLOW_MODE: z
      .string()
      .trim()
      .toLowerCase()
      .default("auto")
      .pipe(z.enum(["auto", "cloud", "local"], { message: 'must be "auto", "cloud" or "local"' })),
    ALIBABA_CLOUD_REGION_ID: z
      .string()
      .trim()
      .default(DEFAULT_REGION)
      .pipe(z.string().regex(/^[a-z]{2,}-[a-z0-9-]+$/, "must be a region id such as cn-hangzhou")),
    PAIFLOW_ENDPOINT: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, "must be host[:port], without a scheme or path")
        .optional(),
    ),
    PAIFLOW_PROTOCOL: z
      .string()
      .trim()
      .toLowerCase()
      .default("https")
      .pipe(z.enum(["https", "http"], { message: 'must be "https" or "http"' })),
    PAI_WORKSPACE_ID: optionalText.pipe(
      z
        .string()
        .regex(/^[\w-]{1,64}$/, "must be a workspace id (letters, digits, '_' or '-')")
        .optional(),
    ),
    MAXCOMPUTE_PROJECT: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z][\w]{0,127}$/, "must be a MaxCompute project name")
        .optional(),
    ),
    MAXCOMPUTE_ENDPOINT: optionalText.pipe(
      z
        .url({ message: "must be a URL such as http://service.cn-hangzhou.maxcompute.aliyun.com/api" })
        .optional(),
    ),
    PAIFLOW_TIMEOUT_MS: positiveInt(10_000, 600_000),
    COMPONENTS_DIR: optionalText,
    RUN_RATE_LIMIT: positiveInt(30, 1_000_000),
    PAIFLOW_LOCAL_DATA: z.string().trim().min(1).default(".paiflow-local"),
    LOG_LEVEL: z
      .string()
      .trim()
      .toLowerCase()
      .default("info")
      .pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
    ...AuthEnvFields,
  })
  .superRefine((env, ctx) => {
    for (const issue of authIssues(env, env.HOST, isLoopbackHost)) {
      ctx.addIssue({ code: "custom", path: [issue.variable], message: issue.message });
    }
  });

export type PaiflowModeSetting = "auto" | "cloud" | "local";

export interface ServerConfig {
  host: string;
  port: number;
  mode: PaiflowModeSetting;
  regionId: string;
  /** Explicit PAIFlow endpoint (host[:port]); otherwise derived from the region. */
  endpointOverride: string | undefined;
  protocol: "https" | "http";
  workspaceId: string | undefined;
  maxComputeProject: string | undefined;
  maxComputeEndpoint: string | undefined;
  timeoutMs: number;
  componentsDir: string | undefined;
  /** Runs (POST /api/runs, rerun) allowed per signed-in user per minute. */
  runRateLimit: number;
  localDataDir: string;
  logLevel: string;
  auth: AuthConfig;
  /** Folder of the designer's own data: sessions and who ran what (SQLite), the audit log. */
  dataDir: string;
  audit: AuditConfig;
}

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    // One problem, one line: the boot's whole output names the variable to fix.
    super(
      lines.length === 1
        ? `Invalid configuration: ${lines[0]}`
        : `Invalid configuration:\n${lines.map((line) => `  ${line}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** Reads the configuration from an environment map; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const value = env[name];
        return `${name}: ${issue.message}${value !== undefined && !issue.message.includes(value) ? ` (got "${value}")` : ""}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    mode: e.PAIFLOW_MODE,
    regionId: e.ALIBABA_CLOUD_REGION_ID,
    endpointOverride: e.PAIFLOW_ENDPOINT,
    protocol: e.PAIFLOW_PROTOCOL,
    workspaceId: e.PAI_WORKSPACE_ID,
    maxComputeProject: e.MAXCOMPUTE_PROJECT,
    maxComputeEndpoint: e.MAXCOMPUTE_ENDPOINT,
    timeoutMs: e.PAIFLOW_TIMEOUT_MS,
    componentsDir: e.COMPONENTS_DIR,
    runRateLimit: e.RUN_RATE_LIMIT,
    localDataDir: e.PAIFLOW_LOCAL_DATA,
    logLevel: e.LOG_LEVEL,
    ...authConfigFrom(e),
  };
}

/** The public PAIFlow endpoint of a region, or the configured override. */
export function cloudEndpoint(config: ServerConfig): string {
  return config.endpointOverride ?? `paiflow.${config.regionId}.aliyuncs.com`;
}

/** The MaxCompute endpoint: configured, or the public one of the region. */
export function maxComputeEndpoint(config: ServerConfig): string {
  return config.maxComputeEndpoint ?? `http://service.${config.regionId}.maxcompute.aliyun.com/api`;
}

/** True when the server listens on a loopback address only. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}
