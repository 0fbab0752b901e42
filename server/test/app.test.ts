import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ComponentsResponseSchema,
  HealthResponseSchema,
  MeResponseSchema,
  ValidateResponseSchema,
} from "@pfd/shared";
import { pino } from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { staticCredential } from "../src/config/credentials";
import { PaiflowClient } from "../src/paiflow/client";
import { type Harness, startHarness, TWO_STEPS } from "./harness";

let h: Harness;
let web: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { RUN_RATE_LIMIT: "3", MAXCOMPUTE_PROJECT: "my_project" } });
  const dist = mkdtempSync(join(tmpdir(), "pfd-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(
    join(dist, "index.html"),
    '<!doctype html><div id="root"></div><script src="/assets/app-1a2b.js"></script>',
  );
  writeFileSync(join(dist, "assets", "app-1a2b.js"), "console.log('designer')");
  web = await startHarness({ webDist: dist });
});
afterAll(async () => {
  await h.close();
  await web.close();
});

describe("GET /api/health", () => {
  it("reports mode, region, endpoint and workspace, and no secret", async () => {
    const res = await request(h.app).get("/api/health").expect(200);
    const body = HealthResponseSchema.parse(res.body);
    expect(body).toEqual({
      status: "ok",
      mode: "cloud",
      region: "cn-hangzhou",
      endpoint: h.fake.endpoint,
      workspaceId: "ws-test",
      maxComputeProject: "my_project",
    });
    expect(res.headers["x-request-id"]).toMatch(/^[\w-]+$/);
    expect(JSON.stringify(res.body)).not.toContain(h.fake.accessKeySecret);
  });
});

describe("GET /api/me without sign-in (AUTH_MODE=none, loopback)", () => {
  it("is the local user, an admin with nothing to sign out of", async () => {
    const res = await request(h.app).get("/api/me").expect(200);
    expect(MeResponseSchema.parse(res.body)).toEqual({
      id: "local",
      name: "local",
      email: null,
      roles: ["admin"],
      authMode: "none",
      canSignOut: false,
    });
  });
});

describe("GET /api/components", () => {
  it("lists the catalog", async () => {
    const res = await request(h.app).get("/api/components").expect(200);
    const body = ComponentsResponseSchema.parse(res.body);
    const ids = body.components.map((c) => c.identifier);
    expect(ids).toEqual(expect.arrayContaining(["data_source", "type_transform", "split", "Prediction_1"]));
    expect(body.problems).toEqual([]);
  });
});

describe("POST /api/validate", () => {
  it("returns no errors for a good manifest", async () => {
    const res = await request(h.app).post("/api/validate").send({ manifest: TWO_STEPS }).expect(200);
    const { problems } = ValidateResponseSchema.parse(res.body);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("points at the line of a YAML syntax error", async () => {
    const res = await request(h.app)
      .post("/api/validate")
      .send({ manifest: "apiVersion: core/v1\nmetadata: [\n" })
      .expect(200);
    const { problems } = ValidateResponseSchema.parse(res.body);
    expect(problems[0]?.severity).toBe("error");
    expect(problems[0]?.location.line).toBeGreaterThan(0);
  });

  it("refuses a body without a manifest, naming the field", async () => {
    const res = await request(h.app).post("/api/validate").send({ yaml: "x" }).expect(400);
    expect(res.body.error).toMatchObject({ code: "InvalidRequest", field: "manifest" });
  });
});

describe("security", () => {
  it("refuses a foreign Host on loopback (DNS rebinding)", async () => {
    const res = await request(h.app).get("/api/health").set("Host", "attacker.example:8080").expect(403);
    expect(res.body.error.code).toBe("ForbiddenHost");
    await request(h.app).get("/api/health").set("Host", "localhost:8080").expect(200);
    await request(h.app).get("/api/health").set("Host", "[::1]:8080").expect(200);
  });

  it("refuses cross-origin writes and accepts same-origin ones", async () => {
    const cross = await request(h.app)
      .post("/api/validate")
      .set("Host", "127.0.0.1:8080")
      .set("Origin", "https://evil.example")
      .send({ manifest: TWO_STEPS })
      .expect(403);
    expect(cross.body.error.code).toBe("ForbiddenOrigin");
    const site = await request(h.app)
      .post("/api/validate")
      .set("Sec-Fetch-Site", "cross-site")
      .send({ manifest: TWO_STEPS })
      .expect(403);
    expect(site.body.error.code).toBe("ForbiddenOrigin");
    await request(h.app)
      .post("/api/validate")
      .set("Host", "127.0.0.1:8080")
      .set("Origin", "http://127.0.0.1:8080")
      .set("Sec-Fetch-Site", "same-origin")
      .send({ manifest: TWO_STEPS })
      .expect(200);
  });

  it("refuses a write that is not JSON (what a cross-site form could send)", async () => {
    const res = await request(h.app)
      .post("/api/runs")
      .set("Content-Type", "text/plain")
      .send(JSON.stringify({ manifest: TWO_STEPS }))
      .expect(415);
    expect(res.body.error.code).toBe("UnsupportedMediaType");
    expect(h.fake.calls).toHaveLength(0);
  });

  it("answers 413 with a JSON error past the body limit", async () => {
    const res = await request(h.app)
      .post("/api/validate")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ manifest: "x".repeat(5 * 1024 * 1024 + 10) }))
      .expect(413);
    expect(res.body.error.code).toBe("PayloadTooLarge");
  });

  it("answers bad JSON with 400, without a stack trace", async () => {
    const res = await request(h.app)
      .post("/api/validate")
      .set("Content-Type", "application/json")
      .send("{oops")
      .expect(400);
    expect(res.body).toEqual({
      error: { code: "InvalidRequest", message: "Request body is not valid JSON" },
    });
    expect(res.text).not.toMatch(/at \w+ \(|node_modules/);
  });

  it("sets security headers with a CSP that allows our own scripts only", async () => {
    const res = await request(h.app).get("/api/health").expect(200);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("limits run submissions per minute (RUN_RATE_LIMIT)", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await request(h.app).post("/api/runs").send({ manifest: TWO_STEPS });
      codes.push(res.status);
      if (res.status === 429) expect(res.body.error.code).toBe("RateLimited");
    }
    expect(codes).toEqual([201, 201, 201, 429]);
  });

  it("answers an unexpected failure with a bare 500: no message, path or stack from inside", async () => {
    const broken = createApp(
      {
        config: h.config,
        mode: "cloud",
        endpoint: h.fake.endpoint,
        paiflow: new PaiflowClient({
          endpoint: h.fake.endpoint,
          protocol: "http",
          credential: staticCredential(h.fake.accessKeyId, h.fake.accessKeySecret),
          timeoutMs: 1000,
        }),
        components: async () => {
          throw new Error("disk on fire at /srv/secret/components");
        },
        webDist: null,
        ...h.services,
      },
      pino({ level: "silent" }),
    );
    const res = await request(broken).get("/api/components").expect(500);
    expect(res.body).toEqual({ error: { code: "Internal", message: "Internal server error" } });
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await request(h.app).get("/api/nope").expect(404);
    expect(res.body.error.code).toBe("NotFound");
  });
});

describe("the web app", () => {
  it("is served at / with an SPA fallback, and the API keeps its JSON 404", async () => {
    const index = await request(web.app).get("/").expect(200);
    expect(index.text).toContain('<div id="root">');
    const deep = await request(web.app).get("/pipelines/abc").set("Accept", "text/html").expect(200);
    expect(deep.text).toContain('<div id="root">');
    const asset = await request(web.app).get("/assets/app-1a2b.js").expect(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    await request(web.app).get("/assets/missing.js").expect(404);
    const api = await request(web.app).get("/api/missing").set("Accept", "text/html").expect(404);
    expect(api.body.error.code).toBe("NotFound");
  });

  it("says how to build it when web/dist is missing", async () => {
    const res = await request(h.app).get("/").expect(503);
    expect(res.text).toContain("npm start");
  });
});

describe("the secret", () => {
  it("never appears in any response or log line of this file", () => {
    for (const harness of [h, web]) {
      expect(harness.transcript.length).toBeGreaterThan(0);
      for (const entry of harness.transcript) expect(entry).not.toContain(harness.fake.accessKeySecret);
    }
  });
});
