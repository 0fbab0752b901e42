/**
 * AUTH_MODE=proxy (identity from a trusted proxy's headers) and what each role may do: viewers
 * cannot run, runners act on their own runs only, admins on anyone's; PRIVATE runs, their logs,
 * outputs, previews and manifest are for their creator and admins; who ran what; the per-user
 * run limit; and the audit log's entries for all of it.
 */
import { readFileSync } from "node:fs";
import { ListRunsResponseSchema } from "@pfd/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, TWO_STEPS } from "./harness";

interface Person {
  id: string;
  name: string;
  groups: string;
}
const alice: Person = { id: "alice", name: "Alice Analyst", groups: "runners" };
const bob: Person = { id: "bob", name: "Bob Builder", groups: "runners,analysts" };
const vera: Person = { id: "vera", name: "Vera Viewer", groups: "analysts" };
const adam: Person = { id: "adam", name: "Adam Admin", groups: "admins" };

const PROXY_ENV = {
  AUTH_MODE: "proxy",
  TRUSTED_PROXIES: "127.0.0.1,::1",
  AUTH_RUNNER_GROUPS: "runners",
  AUTH_ADMIN_GROUPS: "admins",
  MAXCOMPUTE_PROJECT: "air_project",
};

/** The headers oauth2-proxy sets; names go as UTF-8 bytes, as proxies send them. */
function headersOf(person: Person): Record<string, string> {
  return {
    "X-Forwarded-User": person.id,
    "X-Forwarded-Email": `${person.id}@example.com`,
    "X-Forwarded-Groups": person.groups,
    "X-Forwarded-Preferred-Username": Buffer.from(person.name, "utf8").toString("latin1"),
  };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    mode: "local",
    fake: { preview: true },
    env: { ...PROXY_ENV, RUN_RATE_LIMIT: "1000" },
  });
});
afterAll(async () => {
  await h.close();
});

const as = (person: Person) => ({
  get: (path: string) => request(h.app).get(path).set(headersOf(person)),
  post: (path: string, body: object = {}) => request(h.app).post(path).set(headersOf(person)).send(body),
});

async function startRun(person: Person, extra: object = {}): Promise<string> {
  const res = await as(person)
    .post("/api/runs", { manifest: TWO_STEPS, ...extra })
    .expect(201);
  return res.body.pipelineRunId as string;
}

describe("proxy mode", () => {
  it("believes the headers from a trusted address, names in UTF-8 included", async () => {
    const res = await as({ id: "lina", name: "李娜", groups: "runners" }).get("/api/me").expect(200);
    expect(res.body).toEqual({
      id: "lina",
      name: "李娜",
      email: "lina@example.com",
      roles: ["runner"],
      authMode: "proxy",
      canSignOut: false,
    });
  });

  it("answers 401 without the headers, naming the proxy, and with no sign-in page to go to", async () => {
    const res = await request(h.app).get("/api/runs").expect(401);
    expect(res.body.error).toEqual({
      code: "Unauthenticated",
      message: "Not signed in: the sign-in proxy in front of this server did not name you",
    });
    await request(h.app).get("/api/health").expect(200);
  });

  it("ignores the headers from an address not in TRUSTED_PROXIES, whatever X-Forwarded-For says", async () => {
    const untrusted = await startHarness({
      env: { ...PROXY_ENV, TRUSTED_PROXIES: "10.0.0.1,192.168.0.0/16" },
    });
    try {
      await request(untrusted.app).get("/api/me").set(headersOf(adam)).expect(401);
      await request(untrusted.app)
        .post("/api/runs")
        .set(headersOf(adam))
        .set("X-Forwarded-For", "10.0.0.1")
        .send({ manifest: TWO_STEPS })
        .expect(401);
      expect(untrusted.fake.calls).toHaveLength(0);
    } finally {
      await untrusted.close();
    }
  });

  it("makes everyone a runner when no role groups are set", async () => {
    const open = await startHarness({ env: { AUTH_MODE: "proxy", TRUSTED_PROXIES: "127.0.0.0/8,::1" } });
    try {
      const res = await request(open.app).get("/api/me").set(headersOf(vera)).expect(200);
      expect(res.body.roles).toEqual(["runner"]);
    } finally {
      await open.close();
    }
  });
});

describe("roles", () => {
  it("a viewer cannot run: 403 Forbidden, nothing sent to PAIFlow, the refusal audited", async () => {
    const before = h.fake.calls.length;
    const res = await as(vera).post("/api/runs", { manifest: TWO_STEPS }).expect(403);
    expect(res.body.error).toEqual({
      code: "Forbidden",
      message: "Your role (viewer) may design pipelines and look at runs, not start runs",
    });
    expect(h.fake.calls.length).toBe(before);
    expect(h.audit()).toContainEqual(
      expect.objectContaining({
        action: "run.create",
        outcome: "denied",
        code: "Forbidden",
        user: { id: "vera", name: "Vera Viewer" },
      }),
    );
    // Viewers still validate and look at runs.
    await as(vera).post("/api/validate", { manifest: TWO_STEPS }).expect(200);
    await as(vera).get("/api/runs").expect(200);
  });

  it("a runner cannot terminate or rerun another's run; its creator and an admin can", async () => {
    const runId = await startRun(alice);
    const refused = await as(bob).post(`/api/runs/${runId}/terminate`).expect(403);
    expect(refused.body.error).toEqual({
      code: "Forbidden",
      message: "Only Alice Analyst (who started this run) or an admin may terminate it",
    });
    await as(bob).post(`/api/runs/${runId}/rerun`).expect(403);
    await as(vera).post(`/api/runs/${runId}/terminate`).expect(403);
    expect(h.fake.run(runId).status).not.toBe("Terminated");

    await as(alice).post(`/api/runs/${runId}/terminate`).expect(200);
    expect(h.fake.run(runId).status).toBe("Terminated");
    await as(adam).post(`/api/runs/${runId}/rerun`).expect(200);
    await as(adam).post(`/api/runs/${runId}/terminate`).expect(200);

    const entries = h
      .audit()
      .filter((e) => (e.target as { pipelineRunId?: string })?.pipelineRunId === runId);
    expect(entries.map((e) => [e.action, e.outcome, (e.user as { id: string }).id])).toEqual([
      ["run.create", "success", "alice"],
      ["run.terminate", "denied", "bob"],
      ["run.rerun", "denied", "bob"],
      ["run.terminate", "denied", "vera"],
      ["run.terminate", "success", "alice"],
      ["run.rerun", "success", "adam"],
      ["run.terminate", "success", "adam"],
    ]);
    for (const entry of entries) expect(entry.requestId).toMatch(/^[\w-]+$/);
  });

  it("only an admin acts on a run started outside the designer", async () => {
    const outside = await h.ctx.paiflow.createPipelineRun({
      WorkspaceId: "local",
      PipelineManifest: TWO_STEPS,
    });
    const res = await as(alice).post(`/api/runs/${outside.PipelineRunId}/terminate`).expect(403);
    expect(res.body.error.message).toBe("Only an admin may terminate a run started outside the designer");
    await as(adam).post(`/api/runs/${outside.PipelineRunId}/terminate`).expect(200);
  });
});

describe("private runs", () => {
  it("are seen, with their logs, outputs, previews and manifest, by their creator and admins only", async () => {
    const runId = await startRun(alice, { accessibility: "PRIVATE" });
    const step = "to_double";
    const paths = [
      `/api/runs/${runId}`,
      `/api/runs/${runId}/manifest`,
      `/api/runs/${runId}/steps/${step}/logs`,
      `/api/runs/${runId}/steps/${step}/outputs`,
      `/api/runs/${runId}/steps/${step}/outputs/outputTable/preview`,
    ];
    for (const path of paths) {
      const refused = await as(bob).get(path).expect(403);
      expect(refused.body.error).toEqual({
        code: "Forbidden",
        message: "This run is private to Alice Analyst (who started it) and admins",
      });
      await as(alice).get(path).expect(200);
      await as(adam).get(path).expect(200);
    }
    const list = ListRunsResponseSchema.parse((await as(bob).get("/api/runs?pageSize=100").expect(200)).body);
    expect(list.runs.map((r) => r.pipelineRunId)).not.toContain(runId);
    expect(list.hiddenCount).toBeGreaterThanOrEqual(1);
    const own = ListRunsResponseSchema.parse(
      (await as(alice).get("/api/runs?pageSize=100").expect(200)).body,
    );
    expect(own.runs.find((r) => r.pipelineRunId === runId)).toMatchObject({ accessibility: "PRIVATE" });
  });

  it("a public run's preview is open to every signed-in user", async () => {
    const runId = await startRun(alice);
    const res = await as(vera)
      .get(`/api/runs/${runId}/steps/to_double/outputs/outputTable/preview`)
      .expect(200);
    expect(res.body.columns).toEqual([
      { name: "time", type: "DOUBLE" },
      { name: "city", type: "VARCHAR" },
    ]);
  });
});

describe("who ran what", () => {
  it("GET /api/runs and /api/runs/:id name the creator when the designer started the run", async () => {
    const mine = await startRun(bob);
    const outside = await h.ctx.paiflow.createPipelineRun({
      WorkspaceId: "local",
      PipelineManifest: TWO_STEPS,
    });
    const list = ListRunsResponseSchema.parse(
      (await as(vera).get("/api/runs?pageSize=100").expect(200)).body,
    );
    expect(list.runs.find((r) => r.pipelineRunId === mine)?.createdBy).toEqual({
      id: "bob",
      name: "Bob Builder",
    });
    expect(list.runs.find((r) => r.pipelineRunId === outside.PipelineRunId)?.createdBy).toBeUndefined();
    const detail = await as(vera).get(`/api/runs/${mine}`).expect(200);
    expect(detail.body.createdBy).toEqual({ id: "bob", name: "Bob Builder" });
  });

  it("?mine=true pages through the user's own runs, newest first", async () => {
    const fresh = await startHarness({ mode: "local", env: { ...PROXY_ENV } });
    try {
      const post = (person: Person) =>
        request(fresh.app).post("/api/runs").set(headersOf(person)).send({ manifest: TWO_STEPS }).expect(201);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await post(alice)).body.pipelineRunId);
      await post(bob);
      const page1 = await request(fresh.app)
        .get("/api/runs?mine=true&pageSize=2")
        .set(headersOf(alice))
        .expect(200);
      expect(page1.body.totalCount).toBe(3);
      expect(page1.body.runs.map((r: { pipelineRunId: string }) => r.pipelineRunId)).toEqual([
        ids[2],
        ids[1],
      ]);
      const page2 = await request(fresh.app)
        .get("/api/runs?mine=true&pageSize=2&page=2")
        .set(headersOf(alice))
        .expect(200);
      expect(page2.body.runs.map((r: { pipelineRunId: string }) => r.pipelineRunId)).toEqual([ids[0]]);
      expect(page2.body.runs[0].createdBy).toEqual({ id: "alice", name: "Alice Analyst" });
    } finally {
      await fresh.close();
    }
  });
});

describe("the run rate limit", () => {
  it("counts per user, not per address", async () => {
    const limited = await startHarness({ env: { ...PROXY_ENV, RUN_RATE_LIMIT: "2" } });
    try {
      const post = (person: Person) =>
        request(limited.app).post("/api/runs").set(headersOf(person)).send({ manifest: TWO_STEPS });
      expect([(await post(alice)).status, (await post(alice)).status, (await post(alice)).status]).toEqual([
        201, 201, 429,
      ]);
      expect((await post(bob)).status).toBe(201);
      const lines = readFileSync(limited.config.audit.path, "utf8");
      expect(lines).toContain('"outcome":"denied","user":{"id":"alice","name":"Alice Analyst"}');
      expect(lines).toContain('"code":"RateLimited"');
    } finally {
      await limited.close();
    }
  });
});
