import { Writable } from "node:stream";
import express from "express";
import { pino } from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { logOutcome, requestLog } from "./request-log";

function app() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const server = express();
  server.use(requestLog(server, pino({ level: "info" }, sink)));
  server.post("/runs", (req, res) => {
    req.log.info({ step: "check" }, "manifest checked");
    logOutcome(req, { pipelineRunId: "flow-1" }, "pipeline run created");
    res.status(201).json({});
  });
  server.post("/drafts", (req, res) => {
    logOutcome(req, { draftId: "d-1" }, "draft created");
    res.status(400).json({});
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
    await request(server).post("/drafts").expect(400);
    const req = { id: "abc-1", method: "POST", url: "/runs?x=1" };
    expect(lines[0]).toMatchObject({ level: 30, req, step: "check", msg: "manifest checked" });
    // What the request did goes on its last line.
    expect(lines[1]).toMatchObject({
      level: 30,
      req,
      res: { statusCode: 201 },
      pipelineRunId: "flow-1",
      msg: "pipeline run created",
    });
    expect(lines[1]?.responseTime).toEqual(expect.any(Number));
    expect(lines[2]).toMatchObject({
      level: 40,
      req: { method: "GET", url: "/missing" },
      res: { statusCode: 404 },
    });
    expect(lines[2]?.msg).toBe("request completed");
    expect(lines[3]).toMatchObject({ level: 50, res: { statusCode: 500 }, msg: "request errored" });
    // An outcome is for success: a refused request says so.
    expect(lines[4]).toMatchObject({ level: 40, res: { statusCode: 400 }, msg: "request completed" });
    expect(lines[4]?.draftId).toBeUndefined();
    expect(lines).toHaveLength(5);
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
