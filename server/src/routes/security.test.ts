import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { clientKey, runRateLimit, securityHeaders } from "./security";

function appWith(limit: ReturnType<typeof runRateLimit>) {
  const app = express();
  app.post("/runs", limit, (_req, res) => {
    res.status(201).json({ ok: true });
  });
  return app;
}

describe("runRateLimit", () => {
  it("refuses the submission over the limit with 429, RateLimit headers and Retry-After", async () => {
    let now = 1_000_000;
    const app = appWith(runRateLimit(2, () => now));
    const first = await request(app).post("/runs").expect(201);
    expect(first.headers["ratelimit-policy"]).toBe("2;w=60");
    expect(first.headers.ratelimit).toBe("limit=2, remaining=1, reset=60");
    now += 30_000;
    await request(app).post("/runs").expect(201);
    const refused = await request(app).post("/runs").expect(429);
    expect(refused.body.error.code).toBe("RateLimited");
    expect(refused.body.error.message).toContain("at most 2 per minute");
    expect(refused.headers.ratelimit).toBe("limit=2, remaining=0, reset=30");
    expect(refused.headers["retry-after"]).toBe("30");
  });

  it("accepts submissions again once the minute is over", async () => {
    let now = 5_000;
    const app = appWith(runRateLimit(1, () => now));
    await request(app).post("/runs").expect(201);
    await request(app).post("/runs").expect(429);
    now += 60_000;
    await request(app).post("/runs").expect(201);
  });
});

describe("clientKey", () => {
  it("counts an IPv4 client, also when seen as IPv4-mapped IPv6, by its address", () => {
    expect(clientKey("127.0.0.1")).toBe("127.0.0.1");
    expect(clientKey("::ffff:10.0.0.7")).toBe("10.0.0.7");
  });

  it("counts IPv6 clients by their /56 prefix", () => {
    expect(clientKey("2001:db8:1:2ff::1")).toBe("2001:db8:1:200::/56");
    expect(clientKey("2001:db8:1:2aa:5:6:7:8")).toBe(clientKey("2001:db8:1:200::9"));
    expect(clientKey("2001:db8:1:300::1")).not.toBe(clientKey("2001:db8:1:200::1"));
    expect(clientKey("::1")).toBe("0:0:0:0::/56");
  });
});

describe("securityHeaders", () => {
  it("sends helmet's headers on every response and drops X-Powered-By", async () => {
    const app = express();
    app.use(securityHeaders());
    app.get("/", (_req, res) => {
      res.send("ok");
    });
    for (let i = 0; i < 2; i++) {
      const res = await request(app).get("/").expect(200);
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(res.headers["strict-transport-security"]).toBeUndefined();
      expect(res.headers["x-powered-by"]).toBeUndefined();
    }
  });
});
