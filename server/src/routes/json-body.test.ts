import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { errorHandler } from "./errors";
import { jsonBody } from "./json-body";

function app(limit = 1024) {
  const server = express();
  server.use(jsonBody(limit));
  server.post("/echo", (req, res) => {
    res.json({ body: req.body ?? null });
  });
  server.use(errorHandler);
  return server;
}

const post = (body: string | Buffer, type = "application/json") =>
  request(app()).post("/echo").set("Content-Type", type).send(body);

/** Bytes as they are (supertest would serialize a Buffer sent as JSON). */
async function sendRaw(body: Buffer, headers: Record<string, string>): Promise<unknown> {
  const server = createServer(app()).listen(0, "127.0.0.1");
  await once(server, "listening");
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    return await res.json();
  } finally {
    server.close();
  }
}

describe("jsonBody", () => {
  it("reads the JSON body browsers send, with or without a charset and a byte order mark", async () => {
    expect((await post('{"manifest":"名称: 空气"}').expect(200)).body).toEqual({
      body: { manifest: "名称: 空气" },
    });
    expect((await post("[1,2]", "application/json; charset=UTF-8").expect(200)).body).toEqual({
      body: [1, 2],
    });
    expect((await post('\uFEFF {"a":1}').expect(200)).body).toEqual({ body: { a: 1 } });
  });

  it("refuses what is not a JSON object or array as express.json does", async () => {
    for (const text of ['"just a string"', "{not json", "   "]) {
      const res = await post(text).expect(400);
      expect(res.body.error).toEqual({ code: "InvalidRequest", message: "Request body is not valid JSON" });
    }
  });

  it("leaves other requests to express.json: too large, compressed, another charset", async () => {
    const large = await post(JSON.stringify({ text: "x".repeat(2000) })).expect(413);
    expect(large.body.error.code).toBe("PayloadTooLarge");
    expect(await sendRaw(gzipSync('{"a":2}'), { "content-encoding": "gzip" })).toEqual({ body: { a: 2 } });
    const latin1 = await post('{"a":1}', "application/json; charset=latin1").expect(415);
    expect(latin1.body.error.code).toBe("UnsupportedMediaType");
  });
});
