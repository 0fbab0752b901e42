import { Writable } from "node:stream";
import express from "express";
import { pino } from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { requestLog } from "./request-log";

function app() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const server = express();
  server.use(requestLog(pino({ level: "info" }, sink)));
  server.post("/runs", (req, res) => {
    req.log.info({ pipelineRunId: "flow-1" }, "pipeline run created");
    res.status(201).json({});
  });
  server.get("/missing", (_req, res) => {
    res.status(404).json({});
  });
  server.get("/broken", (_req, res) => {
    res.status(500).json({});
  });
  return { server, lines };
}

describe("requestLog", () => {
  it("names the request on its lines and ends with one line saying how it went", async () => {
    const { server, lines } = app();
    const res = await request(server).post("/runs?x=1").set("X-Request-Id", "abc-1").expect(201);
    expect(res.headers["x-request-id"]).toBe("abc-1");
    await request(server).get("/missing").expect(404);
    await request(server).get("/broken").expect(500);
    const req = { id: "abc-1", method: "POST", url: "/runs?x=1" };
    expect(lines[0]).toMatchObject({ level: 30, req, pipelineRunId: "flow-1", msg: "pipeline run created" });
    expect(lines[1]).toMatchObject({ level: 30, req, res: { statusCode: 201 }, msg: "request completed" });
    expect(lines[1]?.responseTime).toEqual(expect.any(Number));
    expect(lines[2]).toMatchObject({ level: 40, res: { statusCode: 404 }, msg: "request completed" });
    expect(lines[3]).toMatchObject({ level: 50, res: { statusCode: 500 }, msg: "request errored" });
    expect(lines).toHaveLength(4);
    // Never headers: no cookie or anything else of the request's can reach the log.
    expect(JSON.stringify(lines)).not.toContain("headers");
  });

  it("gives each request a fresh id unless the caller's is well-formed", async () => {
    const { server, lines } = app();
    const res = await request(server).get("/missing").set("X-Request-Id", "not an id!").expect(404);
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect((lines[0] as { req: { id: string } }).req.id).toBe(res.headers["x-request-id"]);
  });
});
