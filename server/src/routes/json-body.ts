/**
 * The API's JSON body parser: express.json with our limit, and a direct path for the request
 * browsers and `pfd` send (Content-Type application/json, UTF-8, no Content-Encoding, a
 * Content-Length within the limit), which reads the body and parses it as express.json would:
 * strict (an object or array), a byte order mark dropped, and the same errors (400
 * `entity.parse.failed`, `request.size.invalid`, `request.aborted`). Anything else (compressed,
 * another charset, chunked, too large) goes to express.json, which answers or refuses it as before.
 *
 * Why: express.json's generic machinery (media-type parsing, charset decoders, raw-body's stream
 * plumbing) cost about as much as the rest of the route on every run submitted (bench:server's
 * profile), for a body that is one JSON text in one or two chunks.
 */
import express, { type RequestHandler } from "express";

const JSON_TYPES = new Set([
  "application/json",
  "application/json; charset=utf-8",
  "application/json;charset=utf-8",
]);
const FIRST_CHAR = /\S/;

function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

export function jsonBody(limit: number): RequestHandler {
  const general = express.json({ limit });
  return (req, res, next) => {
    if (req.readableEnded || req.body !== undefined) return next();
    const type = req.headers["content-type"];
    const declared = req.headers["content-length"];
    const encoding = req.headers["content-encoding"];
    const length = declared === undefined ? Number.NaN : Number(declared);
    if (
      type === undefined ||
      !JSON_TYPES.has(type.toLowerCase()) ||
      (encoding !== undefined && encoding.toLowerCase() !== "identity") ||
      !Number.isSafeInteger(length) ||
      length <= 0 ||
      length > limit
    ) {
      general(req, res, next);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanUp = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("aborted", onAborted);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    };
    const onAborted = () => {
      cleanUp();
      next(bodyError(400, "request.aborted", "request aborted"));
    };
    const onError = (error: Error) => {
      cleanUp();
      next(error);
    };
    const onEnd = () => {
      cleanUp();
      if (received !== length) {
        next(bodyError(400, "request.size.invalid", "request size did not match content length"));
        return;
      }
      let text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, received)).toString(
        "utf8",
      );
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const first = FIRST_CHAR.exec(text)?.[0];
      if (first !== "{" && first !== "[") {
        next(bodyError(400, "entity.parse.failed", "JSON body must be an object or an array"));
        return;
      }
      try {
        req.body = JSON.parse(text);
      } catch (error) {
        next(bodyError(400, "entity.parse.failed", (error as Error).message));
        return;
      }
      next();
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("aborted", onAborted);
    req.on("error", onError);
  };
}
