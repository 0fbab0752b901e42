import { describe, expect, it } from "vitest";
import { parseApiError } from "./common";
import { apiPaths } from "./paths";
import { CreateRunRequestSchema, isTerminalStatus, ListRunsQuerySchema, PreviewQuerySchema } from "./runs";

describe("CreateRunRequestSchema", () => {
  it("accepts a minimal request and a full one", () => {
    expect(CreateRunRequestSchema.parse({ manifest: "apiVersion: core/v1" })).toEqual({
      manifest: "apiVersion: core/v1",
    });
    const full = {
      manifest: "x",
      name: "run 1",
      workspaceId: "ws-12_3",
      arguments: "arguments: {}",
      noConfirmRequired: false,
      accessibility: "PRIVATE",
      options: '{"mlflow":{"experimentId":"exp-1"}}',
      sourceId: "experiment-1",
    };
    expect(CreateRunRequestSchema.parse(full)).toEqual(full);
  });

  it("names the field at fault", () => {
    const bad = CreateRunRequestSchema.safeParse({ manifest: "x", options: "[1]", workspaceId: "a b" });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["options", "workspaceId"]));
    expect(CreateRunRequestSchema.safeParse({ manifest: "" }).success).toBe(false);
    expect(CreateRunRequestSchema.safeParse({ manifest: "x", accessibility: "SHARED" }).success).toBe(false);
  });
});

describe("query schemas", () => {
  it("coerce query strings and apply defaults", () => {
    expect(ListRunsQuerySchema.parse({ page: "3" })).toEqual({ page: 3, pageSize: 20 });
    expect(ListRunsQuerySchema.safeParse({ pageSize: "500" }).success).toBe(false);
    expect(PreviewQuerySchema.parse({})).toEqual({ limit: 100 });
  });
});

describe("helpers", () => {
  it("know the terminal statuses", () => {
    expect(["Succeeded", "Failed", "Terminated", "Skipped"].every(isTerminalStatus)).toBe(true);
    expect(isTerminalStatus("Running")).toBe(false);
  });

  it("encode path segments", () => {
    expect(apiPaths.stepLogs("flow-1", "a/b", { offset: 10 })).toBe(
      "/api/runs/flow-1/steps/a%2Fb/logs?offset=10",
    );
    expect(apiPaths.runs()).toBe("/api/runs");
  });

  it("read error envelopes", () => {
    expect(parseApiError({ error: { code: "X", message: "m" } })).toEqual({ code: "X", message: "m" });
    expect(parseApiError({ ok: true })).toBeUndefined();
  });
});
