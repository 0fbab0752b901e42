import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env";

const OIDC = {
  AUTH_MODE: "oidc",
  OIDC_ISSUER: "https://sso.example.com/realms/team",
  OIDC_CLIENT_ID: "paiflow-designer",
  OIDC_CLIENT_SECRET: "s3cret",
  PUBLIC_URL: "https://designer.example.com",
  SESSION_SECRET: "x".repeat(32),
  HOST: "0.0.0.0",
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  return [];
}

describe("sign-in configuration", () => {
  it("defaults to no sign-in on loopback, with sessions, groups and the audit log under DESIGNER_DATA", () => {
    const { auth, audit, dataDir } = loadConfig({});
    expect(auth).toMatchObject({
      mode: "none",
      adminGroups: [],
      runnerGroups: [],
      sessionIdleMs: 8 * 3_600_000,
    });
    expect(auth.sessionMaxMs).toBe(24 * 3_600_000);
    expect(dataDir).toBe(".paiflow-designer");
    expect(audit).toEqual({ path: ".paiflow-designer/audit.log", maxBytes: 10 * 1024 * 1024 });
  });

  it("refuses no sign-in on a non-loopback HOST in one line naming AUTH_MODE", () => {
    let caught: unknown;
    try {
      loadConfig({ HOST: "0.0.0.0" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(
      /^Invalid configuration: AUTH_MODE: is "none" \(no sign-in\).*HOST is "0\.0\.0\.0"/,
    );
  });

  it("reads a complete OpenID setup", () => {
    const { auth } = loadConfig({
      ...OIDC,
      AUTH_ADMIN_GROUPS: "ops, leads",
      OIDC_GROUPS_CLAIM: "realm_access.roles",
    });
    expect(auth.mode).toBe("oidc");
    expect(auth.oidc).toMatchObject({
      clientId: "paiflow-designer",
      scopes: "openid profile email",
      groupsClaim: "realm_access.roles",
      allowHttp: false,
    });
    expect(auth.oidc?.issuer.href).toBe("https://sso.example.com/realms/team");
    expect(auth.adminGroups).toEqual(["ops", "leads"]);
  });

  it("names each missing or wrong OpenID variable", () => {
    expect(problems({ AUTH_MODE: "oidc" }).map((line) => line.split(":")[0])).toEqual([
      "OIDC_ISSUER",
      "OIDC_CLIENT_ID",
      "PUBLIC_URL",
      "SESSION_SECRET",
    ]);
    expect(problems({ ...OIDC, SESSION_SECRET: "short" })).toEqual([
      'SESSION_SECRET: must be at least 32 characters (got "short")',
    ]);
    expect(problems({ ...OIDC, OIDC_SCOPES: "profile email" })[0]).toMatch(
      /^OIDC_SCOPES: must include "openid"/,
    );
    expect(problems({ ...OIDC, PUBLIC_URL: "https://example.com/designer" })[0]).toMatch(
      /^PUBLIC_URL: .*without a path/,
    );
  });

  it("accepts an http issuer or PUBLIC_URL only on a loopback address", () => {
    expect(problems({ ...OIDC, OIDC_ISSUER: "http://sso.example.com" })).toEqual([
      'OIDC_ISSUER: must be https (http only for an issuer on a loopback address) (got "http://sso.example.com")',
    ]);
    expect(problems({ ...OIDC, PUBLIC_URL: "http://designer.example.com" })[0]).toMatch(
      /^PUBLIC_URL: must be https/,
    );
    const local = loadConfig({
      ...OIDC,
      HOST: "127.0.0.1",
      OIDC_ISSUER: "http://127.0.0.1:9000",
      PUBLIC_URL: "http://localhost:8080",
    });
    expect(local.auth.oidc?.allowHttp).toBe(true);
  });

  it("needs TRUSTED_PROXIES, as IPs or CIDR blocks, for proxy mode", () => {
    expect(problems({ AUTH_MODE: "proxy", HOST: "0.0.0.0" })[0]).toMatch(/^TRUSTED_PROXIES: is required/);
    expect(problems({ AUTH_MODE: "proxy", TRUSTED_PROXIES: "10.0.0.0/33" })[0]).toMatch(
      /^TRUSTED_PROXIES: must be IP/,
    );
    expect(problems({ AUTH_MODE: "proxy", TRUSTED_PROXIES: "proxy.internal" })[0]).toMatch(
      /^TRUSTED_PROXIES/,
    );
    const { auth } = loadConfig({
      AUTH_MODE: "proxy",
      HOST: "0.0.0.0",
      TRUSTED_PROXIES: "10.0.0.0/8, fd00::1",
    });
    expect(auth.trustedProxies.check("10.1.2.3", "ipv4")).toBe(true);
    expect(auth.trustedProxies.check("11.1.2.3", "ipv4")).toBe(false);
    expect(auth.trustedProxies.check("fd00::1", "ipv6")).toBe(true);
  });
});
