import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MemoryNonceStore, rfc3986, type SignedRequest, verifySignature } from "./signature";

const AK = "LOCALTESTKEY";
const SECRET = "s3cret";
const lookup = (ak: string) => (ak === AK ? SECRET : undefined);
const NOW = new Date("2026-01-02T03:04:05Z");

/** Signs like @alicloud/openapi-client's V3 path (ACS3-HMAC-SHA256). */
function signV3(
  req: Omit<SignedRequest, "headers">,
  extra: Record<string, string> = {},
  secret = SECRET,
): SignedRequest {
  const headers: Record<string, string> = {
    host: "127.0.0.1:1",
    "x-acs-action": "GetPipelineRun",
    "x-acs-version": "2021-02-02",
    "x-acs-date": "2026-01-02T03:04:00Z",
    "x-acs-signature-nonce": "nonce-1",
    "x-acs-content-sha256": createHash("sha256").update(req.body).digest("hex"),
    "content-type": "application/json; charset=utf-8",
    ...extra,
  };
  const signed = Object.keys(headers).sort();
  const query = Object.keys(req.query)
    .sort()
    .map((k) => `${k}=${rfc3986(req.query[k] ?? "")}`)
    .join("&");
  const canonical = [
    req.method,
    req.path,
    query,
    signed.map((h) => `${h}:${headers[h]}\n`).join(""),
    signed.join(";"),
    headers["x-acs-content-sha256"],
  ].join("\n");
  const toSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonical).digest("hex")}`;
  const signature = createHmac("sha256", secret).update(toSign).digest("hex");
  return {
    ...req,
    headers: {
      ...headers,
      authorization: `ACS3-HMAC-SHA256 Credential=${AK},SignedHeaders=${signed.join(";")},Signature=${signature}`,
    },
  };
}

const base = {
  method: "GET",
  path: "/api/v1/pipelineruns/flow-1",
  query: { Verbose: "true", Name: "a b*" },
  body: Buffer.alloc(0),
};

describe("verifySignature (V3)", () => {
  it("accepts a correctly signed request once, then refuses its nonce", () => {
    const nonces = new MemoryNonceStore();
    const req = signV3(base);
    expect(verifySignature(req, lookup, nonces, { now: NOW })).toMatchObject({ ok: true, accessKeyId: AK });
    expect(verifySignature(req, lookup, nonces, { now: NOW })).toMatchObject({
      ok: false,
      status: 400,
      code: "SignatureNonceUsed",
    });
  });

  it("refuses a wrong secret, an unknown key, a tampered query or body", () => {
    const nonces = new MemoryNonceStore();
    expect(verifySignature(signV3(base, {}, "wrong"), lookup, nonces, { now: NOW })).toMatchObject({
      code: "SignatureDoesNotMatch",
      status: 400,
    });
    const unknown = signV3(base);
    unknown.headers.authorization = String(unknown.headers.authorization).replace(AK, "NOPE");
    expect(verifySignature(unknown, lookup, nonces, { now: NOW })).toMatchObject({
      code: "InvalidAccessKeyId.NotFound",
      status: 404,
    });
    const tampered = { ...signV3(base), query: { ...base.query, Verbose: "false" } };
    expect(verifySignature(tampered, lookup, nonces, { now: NOW })).toMatchObject({
      code: "SignatureDoesNotMatch",
    });
    const body = {
      ...signV3({ ...base, method: "POST", body: Buffer.from("{}") }),
      body: Buffer.from('{"a":1}'),
    };
    expect(verifySignature(body, lookup, nonces, { now: NOW })).toMatchObject({
      code: "SignatureDoesNotMatch",
    });
  });

  it("refuses timestamps outside the 15 minute window and malformed ones", () => {
    const nonces = new MemoryNonceStore();
    const old = signV3(base, { "x-acs-date": "2026-01-02T02:40:00Z", "x-acs-signature-nonce": "n2" });
    expect(verifySignature(old, lookup, nonces, { now: NOW })).toMatchObject({
      code: "InvalidTimeStamp.Expired",
      status: 400,
    });
    const bad = signV3(base, { "x-acs-date": "yesterday", "x-acs-signature-nonce": "n3" });
    expect(verifySignature(bad, lookup, nonces, { now: NOW })).toMatchObject({
      code: "InvalidTimeStamp.Format",
    });
  });

  it("refuses a missing or incomplete Authorization and unsigned x-acs headers", () => {
    const nonces = new MemoryNonceStore();
    const none = signV3(base);
    delete none.headers.authorization;
    expect(verifySignature(none, lookup, nonces, { now: NOW })).toMatchObject({ code: "MissingParameter" });
    const partial = signV3(base);
    partial.headers.authorization = `ACS3-HMAC-SHA256 Credential=${AK}`;
    expect(verifySignature(partial, lookup, nonces, { now: NOW })).toMatchObject({
      code: "IncompleteSignature",
    });
    const extra = signV3(base);
    extra.headers["x-acs-security-token"] = "smuggled";
    expect(verifySignature(extra, lookup, nonces, { now: NOW })).toMatchObject({
      code: "IncompleteSignature",
    });
  });
});

describe("verifySignature (legacy ROA)", () => {
  function signRoa(secret = SECRET, date = NOW.toUTCString()): SignedRequest {
    const headers: Record<string, string> = {
      accept: "application/json",
      date,
      "x-acs-signature-nonce": "roa-1",
      "x-acs-signature-method": "HMAC-SHA1",
      "x-acs-signature-version": "1.0",
      "x-acs-version": "2021-02-02",
    };
    const acs = Object.keys(headers)
      .filter((h) => h.startsWith("x-acs-"))
      .sort()
      .map((h) => `${h}:${headers[h]}\n`)
      .join("");
    const toSign = `GET\napplication/json\n\n\n${date}\n${acs}/api/v1/pipelineruns?Name=a b*&Verbose=true`;
    const sig = createHmac("sha1", secret).update(toSign).digest("base64");
    return {
      ...base,
      path: "/api/v1/pipelineruns",
      headers: { ...headers, authorization: `acs ${AK}:${sig}` },
    };
  }

  it("accepts a signed request and refuses a wrong secret or an old Date", () => {
    const nonces = new MemoryNonceStore();
    expect(verifySignature(signRoa(), lookup, nonces, { now: NOW })).toMatchObject({
      ok: true,
      algorithm: "ROA-HMAC-SHA1",
    });
    expect(verifySignature(signRoa("bad"), lookup, new MemoryNonceStore(), { now: NOW })).toMatchObject({
      code: "SignatureDoesNotMatch",
    });
    const old = signRoa(SECRET, new Date(NOW.getTime() - 3_600_000).toUTCString());
    expect(verifySignature(old, lookup, new MemoryNonceStore(), { now: NOW })).toMatchObject({
      code: "InvalidTimeStamp.Expired",
    });
  });
});

describe("MemoryNonceStore", () => {
  it("forgets nonces after the TTL and stays bounded", () => {
    // Room for four entries of this size: a nonce is 2 characters, the key "a\nxN" 4.
    const store = new MemoryNonceStore(1000, 4 * (80 + 4 * 2));
    expect(store.use("a", "n", 0)).toBe(true);
    expect(store.use("a", "n", 500)).toBe(false);
    expect(store.use("a", "n", 1500)).toBe(true);
    for (let i = 0; i < 10; i++) store.use("a", `x${i}`, 1600);
    expect(store.use("a", "x9", 1600)).toBe(false);
    // The oldest went first: x0 is forgotten (usable again), the bound held.
    expect(store.use("a", "x0", 1600)).toBe(true);
  });
});
