import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { runRateLimit, securityHeaders } from "./security";

describe("runRateLimit", () => {
  it("refuses the submission over the limit with 429, RateLimited and the draft-7 headers", async () => {
    const app = express();
    app.post("/runs", runRateLimit(2), (_req, res) => {
      res.status(201).json({ ok: true });
    });
    const first = await request(app).post("/runs").expect(201);
    expect(first.headers["ratelimit-policy"]).toBe("2;w=60");
    expect(first.headers.ratelimit).toMatch(/^limit=2, remaining=1, reset=\d+$/);
    await request(app).post("/runs").expect(201);
    const refused = await request(app).post("/runs").expect(429);
    expect(refused.body.error.code).toBe("RateLimited");
    expect(refused.body.error.message).toContain("at most 2 per minute");
    expect(refused.headers.ratelimit).toMatch(/^limit=2, remaining=0, reset=\d+$/);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("counts per signed-in user and starts afresh with the next minute", async () => {
    let clock = 1_000_000;
    const app = express();
    app.use((req, _res, next) => {
      req.user = { id: String(req.headers["x-user"]), name: "", email: null, roles: ["runner"] } as never;
      next();
    });
    app.post(
      "/runs",
      runRateLimit(1, undefined, () => clock),
      (_req, res) => {
        res.status(201).json({ ok: true });
      },
    );
    await request(app).post("/runs").set("x-user", "alice").expect(201);
    await request(app).post("/runs").set("x-user", "alice").expect(429);
    // Bob has his own count.
    await request(app).post("/runs").set("x-user", "bob").expect(201);
    clock += 60_000;
    const again = await request(app).post("/runs").set("x-user", "alice").expect(201);
    expect(again.headers.ratelimit).toBe("limit=1, remaining=0, reset=60");
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
