import { describe, expect, it } from "vitest";
import { ConfigError, cloudEndpoint, isLoopbackHost, loadConfig } from "./env";

describe("loadConfig", () => {
  it("has defaults that run on a fresh machine", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 8080,
      mode: "auto",
      regionId: "cn-hangzhou",
      protocol: "https",
      timeoutMs: 10_000,
      runRateLimit: 30,
      localDataDir: ".paiflow-local",
      workspaceId: undefined,
    });
    expect(cloudEndpoint(config)).toBe("paiflow.cn-hangzhou.aliyuncs.com");
  });

  it("derives the endpoint from the region, unless overridden", () => {
    expect(cloudEndpoint(loadConfig({ ALIBABA_CLOUD_REGION_ID: "ap-southeast-1" }))).toBe(
      "paiflow.ap-southeast-1.aliyuncs.com",
    );
    const local = loadConfig({ PAIFLOW_ENDPOINT: "127.0.0.1:9000", PAIFLOW_PROTOCOL: "HTTP" });
    expect(cloudEndpoint(local)).toBe("127.0.0.1:9000");
    expect(local.protocol).toBe("http");
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PAI_WORKSPACE_ID: "", COMPONENTS_DIR: " " })).toMatchObject({
      workspaceId: undefined,
      componentsDir: undefined,
    });
  });

  it("names every wrong variable on a line of its own", () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: "http",
        PAIFLOW_MODE: "hybrid",
        PAIFLOW_ENDPOINT: "https://x.com/api",
        PAIFLOW_TIMEOUT_MS: "-5",
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const lines = (caught as ConfigError).lines;
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^PORT: must be a port number/);
    expect(lines.find((l) => l.startsWith("PAIFLOW_MODE:"))).toContain('"hybrid"');
    expect(lines.find((l) => l.startsWith("PAIFLOW_ENDPOINT:"))).toContain("host[:port]");
    expect(lines.find((l) => l.startsWith("PAIFLOW_TIMEOUT_MS:"))).toContain("-5");
  });
});

describe("isLoopbackHost", () => {
  it("knows loopback addresses", () => {
    expect(["127.0.0.1", "localhost", "::1", "127.1.2.3"].every(isLoopbackHost)).toBe(true);
    expect(["0.0.0.0", "192.168.1.2", "example.com"].some(isLoopbackHost)).toBe(false);
  });
});
