import { ClientErrorResponseSchema, MAX_CLIENT_ERROR_BYTES } from "@pfd/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ERROR_RATE } from "../src/routes/client-errors";
import { type Harness, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const report = {
  area: "inspector",
  name: "TypeError",
  message: "Cannot read properties of undefined (reading 'parameters')",
  stack: "TypeError: Cannot read properties of undefined\n    at StepInspector (app.js:1:2)",
  componentStack: "\n    at StepInspector\n    at Inspector",
};

/** The log entries of one request, by its id. */
const logOf = (requestId: string) =>
  h.transcript
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => (entry.req as { id?: string } | undefined)?.id === requestId);

describe("POST /api/client-errors", () => {
  it("logs the failure under the report's request id and answers that id", async () => {
    const res = await request(h.app).post("/api/client-errors").send(report).expect(202);
    const { requestId } = ClientErrorResponseSchema.parse(res.body);
    expect(res.headers["x-request-id"]).toBe(requestId);
    const logged = logOf(requestId).find((e) => e.clientError);
    expect(logged).toMatchObject({
      level: 50,
      clientError: report,
      msg: "web app failed in the inspector: TypeError: Cannot read properties of undefined (reading 'parameters')",
    });
  });

  it("keeps a request id the page chose", async () => {
    const res = await request(h.app)
      .post("/api/client-errors")
      .set("X-Request-Id", "page-42")
      .send(report)
      .expect(202);
    expect(res.body).toEqual({ requestId: "page-42" });
  });

  it("refuses a report of an unknown area or with an overlong field, naming the field", async () => {
    const area = await request(h.app)
      .post("/api/client-errors")
      .send({ ...report, area: "toolbar" })
      .expect(400);
    expect(area.body.error).toMatchObject({ code: "InvalidRequest", field: "area" });
    const stack = await request(h.app)
      .post("/api/client-errors")
      .send({ ...report, stack: "x".repeat(5000) })
      .expect(400);
    expect(stack.body.error.field).toBe("stack");
  });

  it("reads no more than its own small body limit", async () => {
    const res = await request(h.app)
      .post("/api/client-errors")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ ...report, message: "x".repeat(MAX_CLIENT_ERROR_BYTES) }))
      .expect(413);
    expect(res.body.error).toEqual({
      code: "PayloadTooLarge",
      message: "Request body is larger than the 16 KB limit",
    });
  });

  it("refuses a report from another site", async () => {
    const res = await request(h.app)
      .post("/api/client-errors")
      .set("Origin", "http://evil.example")
      .send(report)
      .expect(403);
    expect(res.body.error.code).toBe("ForbiddenOrigin");
  });

  it(`accepts at most ${CLIENT_ERROR_RATE} reports a minute`, async () => {
    const fresh = await startHarness();
    try {
      const codes: number[] = [];
      for (let i = 0; i <= CLIENT_ERROR_RATE; i++) {
        codes.push((await request(fresh.app).post("/api/client-errors").send(report)).status);
      }
      expect(codes.slice(0, CLIENT_ERROR_RATE).every((c) => c === 202)).toBe(true);
      expect(codes.at(-1)).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});
