import { describe, expect, it, vi } from "vitest";
import { createRunApi, RunApiError } from "./api";

/** A fetch that answers from a table of routes and records what it was asked. */
function fakeFetch(routes: Record<string, (init?: RequestInit) => Response | Promise<Response>>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const route = routes[`${init?.method ?? "GET"} ${url}`];
    if (!route) return new Response("not found", { status: 404 });
    return route(init);
  };
  return { impl: impl as typeof fetch, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const run = {
  pipelineRunId: "flow-1",
  name: "smog",
  status: "Running",
  startedAt: "2026-01-01T00:00:00Z",
  finishedAt: null,
  durationSec: null,
  createdAt: "2026-01-01T00:00:00Z",
  workspaceId: "local",
  sourceType: "DESIGNER",
  message: null,
  steps: [
    { stepName: "read", nodeId: "n1", status: "Succeeded", startedAt: null, finishedAt: null },
    { stepName: "convert", nodeId: "n2", status: "Running", startedAt: null, finishedAt: null },
  ],
};

describe("run api", () => {
  it("posts the run request as JSON and returns the run id", async () => {
    const fake = fakeFetch({
      "POST /api/runs": () => json({ pipelineRunId: "flow-9", requestId: "req-1" }, 201),
    });
    const api = createRunApi(fake.impl);
    await expect(api.createRun({ manifest: "apiVersion: core/v1", name: "r" })).resolves.toEqual({
      pipelineRunId: "flow-9",
      requestId: "req-1",
    });
    const sent = fake.calls[0]?.init;
    expect(sent?.method).toBe("POST");
    expect(JSON.parse(String(sent?.body))).toEqual({ manifest: "apiVersion: core/v1", name: "r" });
    expect(new Headers(sent?.headers).get("content-type")).toBe("application/json");
  });

  it("parses a run with its steps", async () => {
    const api = createRunApi(fakeFetch({ "GET /api/runs/flow-1": () => json(run) }).impl);
    const detail = await api.getRun("flow-1");
    expect(detail.steps.map((s) => `${s.stepName}:${s.status}`)).toEqual([
      "read:Succeeded",
      "convert:Running",
    ]);
  });

  it("keeps PAIFlow's code, message and request id on an error", async () => {
    const api = createRunApi(
      fakeFetch({
        "POST /api/runs/flow-1/terminate": () =>
          json(
            {
              error: {
                code: "200200004",
                message: "pipeline run not found",
                requestId: "5A1B-REQ",
                source: "paiflow",
                upstreamStatus: 404,
              },
            },
            404,
          ),
      }).impl,
    );
    const error = await api.terminate("flow-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunApiError);
    expect(error).toMatchObject({
      code: "200200004",
      message: "pipeline run not found",
      status: 404,
      requestId: "5A1B-REQ",
    });
  });

  it("carries the validation problems of a refused manifest", async () => {
    const problem = {
      severity: "error",
      code: "DanglingReference",
      message: "no step x",
      location: { step: "b" },
    };
    const api = createRunApi(
      fakeFetch({
        "POST /api/runs": () =>
          json({ error: { code: "InvalidManifest", message: "1 problem", problems: [problem] } }, 400),
      }).impl,
    );
    const error = (await api.createRun({ manifest: "x" }).catch((e: unknown) => e)) as RunApiError;
    expect(error.code).toBe("InvalidManifest");
    expect(error.details.problems).toEqual([problem]);
  });

  it("names a non-JSON error page by its status", async () => {
    const api = createRunApi(
      fakeFetch({ "GET /api/runs/flow-1": () => new Response("<html>Bad Gateway</html>", { status: 502 }) })
        .impl,
    );
    await expect(api.getRun("flow-1")).rejects.toMatchObject({ code: "InvalidResponse", status: 502 });
  });

  it("reports an answer that breaks the contract with the field at fault", async () => {
    const api = createRunApi(
      fakeFetch({ "GET /api/runs/flow-1": () => json({ ...run, steps: "none" }) }).impl,
    );
    await expect(api.getRun("flow-1")).rejects.toThrow(/steps/);
  });

  it("turns a refused connection into NetworkError", async () => {
    const api = createRunApi((async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch);
    await expect(api.health()).rejects.toMatchObject({
      code: "NetworkError",
      message: expect.stringContaining("Failed to fetch"),
    });
  });

  it("encodes step names in paths", async () => {
    const fake = fakeFetch({
      "GET /api/runs/flow-1/steps/a%2Fb/logs?offset=5": () =>
        json({ logs: ["x"], totalCount: 6, nextOffset: 6 }),
    });
    await expect(createRunApi(fake.impl).stepLogs("flow-1", "a/b", 5)).resolves.toMatchObject({
      logs: ["x"],
    });
  });

  it("on a 401 with a sign-in URL, hands it to onSignInRequired and still fails the call", async () => {
    const onSignInRequired = vi.fn();
    const api = createRunApi(
      fakeFetch({
        "GET /api/runs/flow-1": () =>
          json({ error: { code: "Unauthenticated", message: "Sign in", signInUrl: "/auth/login" } }, 401),
      }).impl,
      { onSignInRequired },
    );
    await expect(api.getRun("flow-1")).rejects.toMatchObject({ code: "Unauthenticated", status: 401 });
    expect(onSignInRequired).toHaveBeenCalledWith("/auth/login");
  });
});
