/**
 * Sign-in, roles, sessions and the audit log: their variables, checked at boot with the rest of
 * the configuration (env.ts), including the rules that tie several variables together.
 */
import { BlockList, isIP } from "node:net";
import { join } from "node:path";
import type { AuthMode } from "@pfd/shared";
import { z } from "zod";
import { optionalText, positiveInt } from "./fields";

/** A comma-separated list; blanks dropped. */
const list = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  );

const baseUrl = (example: string) =>
  optionalText.pipe(
    z
      .url({ protocol: /^https?$/, message: `must be an http(s) URL such as ${example}` })
      .transform((value) => new URL(value))
      .optional(),
  );

/** An IP address or a CIDR block (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrBlock(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

export const AuthEnvFields = {
  AUTH_MODE: z
    .string()
    .trim()
    .toLowerCase()
    .default("none")
    .pipe(z.enum(["none", "oidc", "proxy"], { message: 'must be "none", "oidc" or "proxy"' })),
  OIDC_ISSUER: baseUrl("https://sso.example.com/realms/team"),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_SCOPES: z
    .string()
    .trim()
    .default("openid profile email")
    .refine((value) => value.split(/\s+/).includes("openid"), 'must include "openid"'),
  OIDC_GROUPS_CLAIM: z.string().trim().min(1).default("groups"),
  PUBLIC_URL: baseUrl("https://designer.example.com").refine(
    (url) => url === undefined || (url.pathname === "/" && !url.search && !url.hash),
    "must be the server's external base URL without a path, e.g. https://designer.example.com",
  ),
  SESSION_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  SESSION_IDLE_MINUTES: positiveInt(480, 7 * 24 * 60),
  SESSION_MAX_HOURS: positiveInt(24, 90 * 24),
  TRUSTED_PROXIES: list.refine(
    (entries) => entries.every(isAddressOrBlock),
    "must be IP addresses or CIDR blocks, comma-separated (e.g. 127.0.0.1,10.0.0.0/8)",
  ),
  PROXY_SIGN_OUT_URL: optionalText.pipe(
    z
      .string()
      .refine((v) => /^(\/(?!\/)|https?:\/\/)/.test(v), "must be a path such as /oauth2/sign_out or a URL")
      .optional(),
  ),
  AUTH_ADMIN_GROUPS: list,
  AUTH_RUNNER_GROUPS: list,
  DESIGNER_DATA: z.string().trim().min(1).default(".paiflow-designer"),
  AUDIT_LOG: optionalText,
  AUDIT_LOG_MAX_MB: positiveInt(10, 10_000),
};

type AuthEnv = z.output<z.ZodObject<typeof AuthEnvFields>>;

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret: string | undefined;
  scopes: string;
  groupsClaim: string;
  /** Only for an issuer on a loopback address (tests, local trials). */
  allowHttp: boolean;
}

export interface AuthConfig {
  mode: AuthMode;
  /** The server's external base URL: OIDC callback, cookie Secure flag, accepted Host and Origin. */
  publicUrl: URL | undefined;
  oidc: OidcSettings | undefined;
  sessionSecret: string | undefined;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Addresses whose X-Forwarded-* headers are believed (proxy mode), as a BlockList to check against. */
  trustedProxies: BlockList;
  /** TRUSTED_PROXIES as written, for Express's `trust proxy` (client address in logs). */
  trustedProxyList: string[];
  proxySignOutUrl: string | undefined;
  adminGroups: string[];
  runnerGroups: string[];
}

export interface AuditConfig {
  path: string;
  maxBytes: number;
}

type Issue = { variable: keyof AuthEnv; message: string };

/** The rules between variables; each broken one names the variable to change. */
export function authIssues(env: AuthEnv, host: string, isLoopback: (host: string) => boolean): Issue[] {
  const issues: Issue[] = [];
  const loopbackUrl = (url: URL) => isLoopback(url.hostname);
  if (env.AUTH_MODE === "none" && !isLoopback(host)) {
    issues.push({
      variable: "AUTH_MODE",
      message: `is "none" (no sign-in), allowed only when HOST is a loopback address, and HOST is "${host}": set AUTH_MODE=oidc or AUTH_MODE=proxy to share this server, or HOST=127.0.0.1`,
    });
  }
  if (env.AUTH_MODE === "oidc") {
    const required = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "PUBLIC_URL", "SESSION_SECRET"] as const;
    for (const variable of required) {
      if (env[variable] === undefined) issues.push({ variable, message: "is required with AUTH_MODE=oidc" });
    }
    if (env.OIDC_ISSUER?.protocol === "http:" && !loopbackUrl(env.OIDC_ISSUER)) {
      issues.push({
        variable: "OIDC_ISSUER",
        message: "must be https (http only for an issuer on a loopback address)",
      });
    }
  }
  if (env.AUTH_MODE === "proxy" && env.TRUSTED_PROXIES.length === 0) {
    issues.push({
      variable: "TRUSTED_PROXIES",
      message: "is required with AUTH_MODE=proxy: the addresses of the proxy that signs users in",
    });
  }
  if (env.PUBLIC_URL?.protocol === "http:" && !loopbackUrl(env.PUBLIC_URL)) {
    issues.push({ variable: "PUBLIC_URL", message: "must be https (http only on a loopback address)" });
  }
  return issues;
}

export function authConfigFrom(env: AuthEnv): { auth: AuthConfig; dataDir: string; audit: AuditConfig } {
  const trustedProxies = new BlockList();
  for (const entry of env.TRUSTED_PROXIES) {
    const [address = "", bits] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) trustedProxies.addAddress(address, type);
    else trustedProxies.addSubnet(address, Number(bits), type);
  }
  const issuer = env.OIDC_ISSUER;
  const clientId = env.OIDC_CLIENT_ID;
  return {
    auth: {
      mode: env.AUTH_MODE,
      publicUrl: env.PUBLIC_URL,
      oidc:
        env.AUTH_MODE === "oidc" && issuer && clientId
          ? {
              issuer,
              clientId,
              clientSecret: env.OIDC_CLIENT_SECRET,
              scopes: env.OIDC_SCOPES,
              groupsClaim: env.OIDC_GROUPS_CLAIM,
              allowHttp: issuer.protocol === "http:",
            }
          : undefined,
      sessionSecret: env.SESSION_SECRET,
      sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: env.SESSION_MAX_HOURS * 3_600_000,
      trustedProxies,
      trustedProxyList: env.TRUSTED_PROXIES,
      proxySignOutUrl: env.PROXY_SIGN_OUT_URL,
      adminGroups: env.AUTH_ADMIN_GROUPS,
      runnerGroups: env.AUTH_RUNNER_GROUPS,
    },
    dataDir: env.DESIGNER_DATA,
    audit: {
      path: env.AUDIT_LOG ?? join(env.DESIGNER_DATA, "audit.log"),
      maxBytes: env.AUDIT_LOG_MAX_MB * 1024 * 1024,
    },
  };
}
