import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { staticCredential } from "../src/config/credentials";
import { PaiflowClient } from "../src/paiflow/client";
import { type Harness, startHarness, TWO_STEPS } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { MAXCOMPUTE_PROJECT: "p", RUN_RATE_LIMIT: "1000" }, timeoutMs: 300 });
});
afterAll(() => h.close());
beforeEach(() => {
  h.fake.calls.length = 0;
});

const paiflowError = (status: number, code: string, message: string) => ({
  kind: "error" as const,
  status,
  code,
  message,
});

describe("PAIFlow's error answers", () => {
  it.each([
    [400, "InvalidParameter", "Name is too long", 400],
    [403, "Forbidden.RAM", "You are not authorized to do this action", 403],
    [404, "InvalidAction.NotFound", "Specified api is not found", 404],
  ])("%i %s keeps its code, message and request id", async (status, code, message, expected) => {
    h.fake.misbehave(paiflowError(status, code, message));
    const res = await request(h.app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(expected);
    expect(res.body.error).toMatchObject({ code, message, source: "paiflow", upstreamStatus: status });
    expect(res.body.error.requestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it("a 500 on a read is retried, and succeeds when PAIFlow recovers", async () => {
    h.fake.misbehave(
      paiflowError(500, "InternalError", "boom"),
      paiflowError(503, "ServiceUnavailable", "busy"),
    );
    await request(h.app).get("/api/runs").expect(200);
    expect(h.fake.calls).toHaveLength(3);
  });

  it("throttling on a read is retried", async () => {
    h.fake.misbehave(paiflowError(400, "Throttling.User", "Request was denied due to user flow control."));
    await request(h.app).get("/api/runs").expect(200);
    expect(h.fake.calls).toHaveLength(2);
  });

  it("a 500 on CreatePipelineRun is not retried (a second run would cost money)", async () => {
    h.fake.misbehave(
      paiflowError(500, "InternalError", "The request processing has failed due to some unknown error."),
    );
    const res = await request(h.app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(502);
    expect(res.body.error).toMatchObject({ code: "InternalError", source: "paiflow", upstreamStatus: 500 });
    expect(h.fake.calls).toHaveLength(1);
  });

  it("an HTML error page gives UpstreamUnavailable", async () => {
    h.fake.misbehave({ kind: "html", status: 502 });
    const res = await request(h.app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(502);
    expect(res.body.error.code).toBe("UpstreamUnavailable");
    expect(res.body.error.message).toContain("not JSON");
  });

  it("silence gives UpstreamTimeout (504), and a read tries again before giving up", async () => {
    h.fake.misbehave({ kind: "hang" });
    const create = await request(h.app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(504);
    expect(create.body.error.code).toBe("UpstreamTimeout");
    h.fake.misbehave({ kind: "hang" }, { kind: "hang" }, { kind: "hang" });
    const read = await request(h.app).get("/api/runs").expect(504);
    expect(read.body.error.code).toBe("UpstreamTimeout");
  });

  it("a wrong secret gives PAIFlow's SignatureDoesNotMatch as a 502 (the server is misconfigured)", async () => {
    const wrong = await startHarness({ env: { MAXCOMPUTE_PROJECT: "p" } });
    try {
      // The same app, its client signing with a secret the fake does not know.
      const res = await request(await appWithSecret(wrong, "not-the-secret"))
        .post("/api/runs")
        .send({ manifest: TWO_STEPS });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe("SignatureDoesNotMatch");
      expect(res.body.error.message).toMatch(/^Specified signature is not matched with our calculation\./);
    } finally {
      await wrong.close();
    }
  });
});

describe("a PAIFlow that is not there", () => {
  it("a refused connection gives UpstreamUnavailable (502)", async () => {
    const port = await closedPort();
    const gone = await startHarness({ env: { MAXCOMPUTE_PROJECT: "p" }, endpoint: `127.0.0.1:${port}` });
    try {
      const res = await request(gone.app).post("/api/runs").send({ manifest: TWO_STEPS }).expect(502);
      expect(res.body.error.code).toBe("UpstreamUnavailable");
      expect(res.body.error.message).toContain(`127.0.0.1:${port}`);
      const read = await request(gone.app).get("/api/runs/flow-1").expect(502);
      expect(read.body.error.code).toBe("UpstreamUnavailable");
    } finally {
      await gone.close();
    }
  });
});

describe("the secret", () => {
  it("never appears in any response or log line of this file", () => {
    for (const entry of h.transcript) expect(entry).not.toContain(h.fake.accessKeySecret);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function appWithSecret(base: Harness, secret: string) {
  const { createApp } = await import("../src/app");
  const { pino } = await import("pino");
  const paiflow = new PaiflowClient({
    endpoint: base.fake.endpoint,
    protocol: "http",
    credential: staticCredential(base.fake.accessKeyId, secret),
    timeoutMs: 2000,
  });
  return createApp(
    {
      config: base.config,
      mode: "cloud",
      endpoint: base.fake.endpoint,
      paiflow,
      components: async () => ({ components: [], problems: [] }),
      webDist: null,
      ...base.services,
    },
    pino({ level: "silent" }),
  );
}
