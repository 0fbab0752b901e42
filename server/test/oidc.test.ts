/**
 * AUTH_MODE=oidc against a real OpenID provider on loopback: sign-in through its login page,
 * the callback's checks (state, one use, same browser), the session cookie (expiry, forgery,
 * restart), sign-out with RP-initiated logout, and what the audit log holds.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { MeResponseSchema } from "@pfd/shared";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { openAuthServices } from "../src/auth/services";
import { type Harness, startHarness, TWO_STEPS } from "./harness";
import { startTestProvider, TEST_CLIENT, type TestProvider } from "./oidc-provider";
import { CookieJar, follow, hop, signIn, submitLogin } from "./oidc-sign-in";

const SESSION_SECRET = "a-session-secret-of-at-least-32-characters";
let clock = Date.now();
let server: Server;
let designer: string;
let provider: TestProvider;
let h: Harness;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  designer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = await startTestProvider(designer);
  h = await startHarness({
    env: {
      AUTH_MODE: "oidc",
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      OIDC_SCOPES: "openid profile email groups",
      PUBLIC_URL: designer,
      SESSION_SECRET,
      AUTH_RUNNER_GROUPS: "pfd-runners",
      AUTH_ADMIN_GROUPS: "pfd-admins",
      MAXCOMPUTE_PROJECT: "air_project",
    },
    now: () => clock,
  });
  server.on("request", h.app);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await provider.close();
  await h.close();
});

const api = (jar: CookieJar | null, path: string, init: RequestInit = {}) =>
  fetch(`${designer}${path}`, {
    ...init,
    headers: {
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...(jar ? { cookie: jar.header() } : {}),
    },
  });

const sessionOf = (jar: CookieJar) => jar.cookies.get("pfd_session") ?? "";
describe("signing in", () => {
  it("goes through the provider's login page and back to where the user was, with a session cookie", async () => {
    const { jar, hops } = await signIn(designer, "alice", "/pipelines/42?tab=yaml#steps");
    const callback = hops.find((step) => step.url.startsWith(`${designer}/auth/callback`));
    expect(callback?.status).toBe(303);
    expect(callback?.location).toBe(`${designer}/pipelines/42?tab=yaml#steps`);
    const cookie = callback?.setCookie.find((line) => line.startsWith("pfd_session=")) ?? "";
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/); // PUBLIC_URL is http (loopback)

    const me = MeResponseSchema.parse(await (await api(jar, "/api/me")).json());
    expect(me).toEqual({
      id: "alice",
      name: "Alice Analyst",
      email: "alice@example.com",
      roles: ["runner"],
      authMode: "oidc",
      canSignOut: true,
    });
  });

  it("reads names and groups from the provider (a Chinese name, an admin group)", async () => {
    const lina = await signIn(designer, "lina");
    expect(await (await api(lina.jar, "/api/me")).json()).toMatchObject({ name: "李娜", roles: ["runner"] });
    const adam = await signIn(designer, "adam");
    expect(await (await api(adam.jar, "/api/me")).json()).toMatchObject({ roles: ["admin"] });
    const vera = await signIn(designer, "vera");
    expect(await (await api(vera.jar, "/api/me")).json()).toMatchObject({ roles: ["viewer"] });
  });

  it("lets a signed-in runner run, recorded as theirs", async () => {
    const { jar } = await signIn(designer, "alice");
    const created = await api(jar, "/api/runs", {
      method: "POST",
      body: JSON.stringify({ manifest: TWO_STEPS }),
    });
    expect(created.status).toBe(201);
    const { pipelineRunId } = (await created.json()) as { pipelineRunId: string };
    const detail = await (await api(jar, `/api/runs/${pipelineRunId}`)).json();
    expect(detail).toMatchObject({ pipelineRunId, createdBy: { id: "alice", name: "Alice Analyst" } });
    expect(h.audit()).toContainEqual(
      expect.objectContaining({
        action: "run.create",
        outcome: "success",
        user: { id: "alice", name: "Alice Analyst" },
        target: { pipelineRunId },
      }),
    );
  });

  it("answers 401 without a session on every API route but health, and sends pages to sign-in", async () => {
    for (const path of ["/api/me", "/api/runs", "/api/components", "/api/runs/flow-1/manifest"]) {
      const res = await api(null, path);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({
        error: {
          code: "Unauthenticated",
          message: "Sign in to use PAIFlow Designer",
          signInUrl: "/auth/login",
        },
      });
    }
    const post = await api(null, "/api/runs", {
      method: "POST",
      body: JSON.stringify({ manifest: TWO_STEPS }),
    });
    expect(post.status).toBe(401);
    expect((await api(null, "/api/health")).status).toBe(200);
    const page = await hop(new CookieJar(), `${designer}/pipelines/7?x=1`, {
      headers: { accept: "text/html" },
    });
    expect(page.status).toBe(303);
    expect(page.location).toBe(`${designer}/auth/login?returnTo=%2Fpipelines%2F7%3Fx%3D1`);
  });
});

describe("the callback refuses", () => {
  it("an off-site returnTo, before going to the provider", async () => {
    for (const returnTo of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
    ]) {
      const res = await hop(
        new CookieJar(),
        `${designer}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(res.status, returnTo).toBe(400);
      expect(res.location).toBeNull();
      expect(res.body).toContain("returnTo must be a path on this server");
    }
  });

  it("a state that this browser did not start (state mismatch), and a replayed callback", async () => {
    const jar = new CookieJar();
    const start = await hop(jar, `${designer}/auth/login`);
    const state = new URL(start.location ?? "").searchParams.get("state");
    expect(state).toMatch(/\S{20,}/);
    const wrong = await hop(jar, `${designer}/auth/callback?code=abc&state=not-${state}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain("state mismatch");
    expect(jar.cookies.has("pfd_session")).toBe(false);

    // The right state from another browser (no sign-in cookie) is refused as well.
    const other = await hop(new CookieJar(), `${designer}/auth/callback?code=abc&state=${state}`);
    expect(other.status).toBe(400);

    // A completed sign-in's callback URL cannot be used again.
    const done = await signIn(designer, "alice");
    const callback = done.hops.find((step) => step.url.startsWith(`${designer}/auth/callback`));
    const replay = await hop(done.jar, callback?.url ?? "");
    expect(replay.status).toBe(400);
    expect(h.audit()).toContainEqual(
      expect.objectContaining({ action: "sign-in", outcome: "failure", code: "StateMismatch", user: null }),
    );
  });
});

describe("the session", () => {
  it("refuses a tampered or forged cookie, and clears it", async () => {
    const { jar } = await signIn(designer, "alice");
    const good = sessionOf(jar);
    const [id = "", signature = ""] = good.split(".");
    const flipped = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const bad of [`${flipped(id)}.${signature}`, `${id}.${flipped(signature)}`, id, "x.y"]) {
      const res = await fetch(`${designer}/api/me`, { headers: { cookie: `pfd_session=${bad}` } });
      expect(res.status, bad).toBe(401);
      expect(res.headers.getSetCookie().join()).toMatch(/pfd_session=;.*Expires=Thu, 01 Jan 1970/);
    }
    expect((await api(jar, "/api/me")).status).toBe(200);
  });

  it("expires after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after sign-in", async () => {
    const idle = await signIn(designer, "bob");
    clock += 479 * 60_000;
    expect((await api(idle.jar, "/api/me")).status).toBe(200);
    clock += 481 * 60_000;
    const expired = await api(idle.jar, "/api/me");
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({
      error: { message: "Your session has expired: sign in again" },
    });

    const busy = await signIn(designer, "bob");
    for (let hour = 0; hour < 23; hour++) {
      clock += 60 * 60_000;
      expect((await api(busy.jar, "/api/me")).status).toBe(200);
    }
    clock += 61 * 60_000;
    expect((await api(busy.jar, "/api/me")).status).toBe(401);
  });

  it("survives a restart of the server", async () => {
    const { jar } = await signIn(designer, "alice");
    const services = await openAuthServices(h.config, { now: () => clock });
    try {
      const restarted = createApp({ ...h.ctx, ...services }, pino({ level: "silent" }));
      const other = createServer(restarted);
      await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      const me = await fetch(`${url}/api/me`, { headers: { cookie: jar.header() } });
      expect(await me.json()).toMatchObject({ id: "alice" });
      await new Promise<void>((resolve) => other.close(() => resolve()));
    } finally {
      services.close();
    }
  });
});

describe("signing out", () => {
  it("ends the session and goes through the provider's logout back to our signed-out page", async () => {
    const { jar } = await signIn(designer, "alice");
    const res = await api(jar, "/auth/logout", { method: "POST", body: "{}" });
    jar.keep(res);
    expect(res.status).toBe(200);
    const { redirectTo } = (await res.json()) as { redirectTo: string };
    const logout = new URL(redirectTo);
    expect(logout.origin).toBe(provider.issuer);
    expect(logout.searchParams.get("post_logout_redirect_uri")).toBe(`${designer}/auth/signed-out`);
    expect(logout.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(jar.cookies.has("pfd_session")).toBe(false);
    expect((await api(jar, "/api/me")).status).toBe(401);

    const confirm = (await follow(jar, redirectTo)).at(-1);
    const form = /<form[^>]*action="([^"]+)"[\s\S]*?name="xsrf" value="([^"]+)"/.exec(confirm?.body ?? "");
    expect(form, "the provider asks to confirm").not.toBeNull();
    const after = await follow(jar, new URL(form?.[1] ?? "", redirectTo).href, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf: form?.[2] ?? "", logout: "yes" }).toString(),
    });
    expect(after.at(-1)?.url).toBe(`${designer}/auth/signed-out`);
    expect(after.at(-1)?.body).toContain("You have signed out");
    expect(h.audit()).toContainEqual(
      expect.objectContaining({
        action: "sign-out",
        outcome: "success",
        user: { id: "alice", name: "Alice Analyst" },
      }),
    );
  });

  it("refuses a sign-out posted from another site", async () => {
    const { jar } = await signIn(designer, "alice");
    const res = await fetch(`${designer}/auth/logout`, {
      method: "POST",
      headers: { cookie: jar.header(), origin: "https://evil.example", "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(403);
    expect((await api(jar, "/api/me")).status).toBe(200);
  });

  it("signing in again after signing out at the provider shows its login page again", async () => {
    const jar = new CookieJar();
    const page = (await follow(jar, `${designer}/auth/login`)).at(-1);
    expect(page?.body).toContain('name="login"');
    const back = await submitLogin(
      jar,
      page ?? { url: "", status: 0, location: null, setCookie: [], body: "" },
      "bob",
    );
    expect(back.at(-2)?.location).toBe(`${designer}/`);
  });
});

describe("the audit log", () => {
  it("holds no cookie, token, client secret or manifest", () => {
    const text = readFileSync(h.config.audit.path, "utf8");
    expect(text).not.toContain(TEST_CLIENT.secret);
    expect(text).not.toContain(SESSION_SECRET);
    expect(text).not.toMatch(/ey[\w-]{10,}\.[\w-]{10,}/); // a JWT
    expect(text).not.toContain("pfd_session");
    expect(text).not.toContain("apiVersion");
    for (const entry of h.audit()) {
      expect(
        Object.keys(entry).every((k) =>
          ["time", "action", "outcome", "user", "target", "code", "requestId", "ip"].includes(k),
        ),
      ).toBe(true);
    }
  });
});
