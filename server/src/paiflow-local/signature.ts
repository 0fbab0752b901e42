/**
 * Verifies Alibaba Cloud request signatures the way the PAIFlow gateway does: the V3
 * `ACS3-HMAC-SHA256` scheme (the default of @alicloud/openapi-client) and the legacy ROA
 * `acs <AK>:<base64 HMAC-SHA1>` scheme (`Config.signatureAlgorithm: 'v2'`), plus the timestamp
 * window and nonce reuse. Pure: no I/O, the clock and the nonce memory are passed in.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { LRUCache } from "lru-cache";

export interface SignedRequest {
  method: string;
  /** The request path without the query string, as sent (`/api/v1/pipelineruns/flow-1`). */
  path: string;
  /** Decoded query values. */
  query: Record<string, string>;
  /** Header names in lower case (Node's `IncomingMessage.headers`). */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type VerifyResult =
  | { ok: true; accessKeyId: string; algorithm: "ACS3-HMAC-SHA256" | "ROA-HMAC-SHA1" }
  | { ok: false; status: number; code: string; message: string };

/** Remembers nonces for as long as a timestamp stays acceptable, so a replay is caught. */
export interface NonceStore {
  /** Records the nonce; false when it was already used by this access key. */
  use(accessKeyId: string, nonce: string, nowMs: number): boolean;
}

const TIMESTAMP_WINDOW_SECONDS = 15 * 60;

/** What the remembered nonces may hold in all: about 150,000 of the SDKs' (a UUID per request). */
const NONCE_BYTES = 32 * 1024 * 1024;
/** An entry's memory beyond its key's characters (the LRU's slot, the timestamp). */
const NONCE_ENTRY_BYTES = 80;

/**
 * In-memory nonce store, bounded in bytes (nonces come from the request, before its signature is
 * checked): past the bound the least recently seen go first; a nonce counts as used for `ttlMs`.
 */
export class MemoryNonceStore implements NonceStore {
  private readonly seen: LRUCache<string, number>;
  constructor(
    private readonly ttlMs = 2 * TIMESTAMP_WINDOW_SECONDS * 1000,
    maxBytes = NONCE_BYTES,
  ) {
    this.seen = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (_, key) => NONCE_ENTRY_BYTES + key.length * 2,
    });
  }

  use(accessKeyId: string, nonce: string, nowMs: number): boolean {
    const key = `${accessKeyId}\n${nonce}`;
    const at = this.seen.get(key);
    if (at !== undefined && nowMs - at < this.ttlMs) return false;
    this.seen.set(key, nowMs);
    return true;
  }
}

export interface VerifyOptions {
  now?: Date;
  windowSeconds?: number;
}

const V3_ALGORITHM = "ACS3-HMAC-SHA256";
const V3_REQUIRED_SIGNED = ["host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];

function fail(status: number, code: string, message: string): VerifyResult {
  return { ok: false, status, code, message };
}

function header(req: SignedRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** RFC 3986 encoding as the Alibaba Cloud SDKs do it. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const sha256Hex = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const MISMATCH = "Specified signature is not matched with our calculation.";

/**
 * Checks a request's signature, timestamp and nonce. `lookupSecret` returns the secret of an
 * access key id, or undefined when the key is unknown.
 */
export function verifySignature(
  req: SignedRequest,
  lookupSecret: (accessKeyId: string) => string | undefined,
  nonces: NonceStore,
  options: VerifyOptions = {},
): VerifyResult {
  const authorization = header(req, "authorization");
  if (!authorization) {
    return fail(
      400,
      "MissingParameter",
      'The input parameter "Authorization" that is mandatory for processing this request is not supplied.',
    );
  }
  if (authorization.startsWith(`${V3_ALGORITHM} `))
    return verifyV3(req, authorization, lookupSecret, nonces, options);
  if (authorization.startsWith("acs ")) return verifyRoa(req, authorization, lookupSecret, nonces, options);
  return fail(
    400,
    "IncompleteSignature",
    `The request signature does not conform to Aliyun standards: unsupported Authorization scheme "${authorization.split(" ")[0]}".`,
  );
}

function checkTimeAndNonce(
  accessKeyId: string,
  signedAt: Date | undefined,
  rawTime: string,
  timeHeader: string,
  req: SignedRequest,
  nonces: NonceStore,
  options: VerifyOptions,
): VerifyResult | undefined {
  if (!signedAt || Number.isNaN(signedAt.getTime())) {
    return fail(
      400,
      "InvalidTimeStamp.Format",
      `Specified time stamp or date value is not well formatted: ${timeHeader} "${rawTime}".`,
    );
  }
  const now = options.now ?? new Date();
  const window = (options.windowSeconds ?? TIMESTAMP_WINDOW_SECONDS) * 1000;
  if (Math.abs(now.getTime() - signedAt.getTime()) > window) {
    return fail(
      400,
      "InvalidTimeStamp.Expired",
      `Specified time stamp or date value is expired: ${timeHeader} ${rawTime}, server time ${now.toISOString()}.`,
    );
  }
  const nonce = header(req, "x-acs-signature-nonce");
  if (!nonce) {
    return fail(
      400,
      "MissingParameter",
      'The input parameter "x-acs-signature-nonce" that is mandatory for processing this request is not supplied.',
    );
  }
  if (!nonces.use(accessKeyId, nonce, now.getTime())) {
    return fail(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
  }
  return undefined;
}

/** `YYYY-MM-DDTHH:mm:ssZ` only, as the SDKs send it. */
function parseAcsDate(value: string): Date | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value) ? new Date(value) : undefined;
}

function parseV3Authorization(
  value: string,
): { ak: string; signedHeaders: string[]; signature: string } | undefined {
  const fields = new Map<string, string>();
  for (const part of value.slice(V3_ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const ak = fields.get("Credential");
  const signed = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!ak || !signed || !signature) return undefined;
  return { ak, signedHeaders: signed.split(";"), signature };
}

function v3Canonical(req: SignedRequest, path: string, signedHeaders: string[], payloadHash: string): string {
  const query = Object.keys(req.query)
    .sort()
    .map((k) => `${k}=${rfc3986(req.query[k] ?? "")}`)
    .join("&");
  const headers = signedHeaders.map((h) => `${h}:${(header(req, h) ?? "").trim()}\n`).join("");
  const uri = path.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  return [req.method.toUpperCase(), uri, query, headers, signedHeaders.join(";"), payloadHash].join("\n");
}

function verifyV3(
  req: SignedRequest,
  authorization: string,
  lookupSecret: (ak: string) => string | undefined,
  nonces: NonceStore,
  options: VerifyOptions,
): VerifyResult {
  const auth = parseV3Authorization(authorization);
  if (!auth) {
    return fail(
      400,
      "IncompleteSignature",
      "The request signature does not conform to Aliyun standards: Authorization needs Credential, SignedHeaders and Signature.",
    );
  }
  const secret = lookupSecret(auth.ak);
  if (secret === undefined)
    return fail(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

  const signed = new Set(auth.signedHeaders);
  const mustSign = [
    ...V3_REQUIRED_SIGNED,
    ...Object.keys(req.headers).filter((h) => h.startsWith("x-acs-") || h === "content-type"),
  ];
  const unsigned = mustSign.filter((h) => !signed.has(h));
  if (unsigned.length > 0) {
    return fail(
      400,
      "IncompleteSignature",
      `The request signature does not conform to Aliyun standards: header(s) ${unsigned.join(", ")} must be signed.`,
    );
  }
  const payloadHash = header(req, "x-acs-content-sha256") ?? "";
  if (payloadHash !== sha256Hex(req.body)) {
    return fail(400, "SignatureDoesNotMatch", `${MISMATCH} The body does not match x-acs-content-sha256.`);
  }
  const sorted = [...auth.signedHeaders].sort();
  const paths = [req.path];
  try {
    const decoded = decodeURI(req.path);
    if (decoded !== req.path) paths.push(decoded);
  } catch {
    // A malformed escape can only match as sent.
  }
  const matched = paths.some((p) => {
    const canonical = v3Canonical(req, p, sorted, payloadHash);
    const toSign = `${V3_ALGORITHM}\n${sha256Hex(canonical)}`;
    return safeEqual(createHmac("sha256", secret).update(toSign).digest("hex"), auth.signature.toLowerCase());
  });
  if (!matched) return fail(400, "SignatureDoesNotMatch", MISMATCH);

  const rawDate = header(req, "x-acs-date") ?? "";
  const refused = checkTimeAndNonce(
    auth.ak,
    parseAcsDate(rawDate),
    rawDate,
    "x-acs-date",
    req,
    nonces,
    options,
  );
  return refused ?? { ok: true, accessKeyId: auth.ak, algorithm: V3_ALGORITHM };
}

function roaStringToSign(req: SignedRequest): string {
  const h = (name: string) => header(req, name) ?? "";
  const acsHeaders = Object.keys(req.headers)
    .filter((k) => k.startsWith("x-acs-"))
    .sort()
    .map(
      (k) =>
        `${k}:${h(k)
          .replace(/[\t\n\r\f]/g, " ")
          .trim()}\n`,
    )
    .join("");
  const keys = Object.keys(req.query).sort();
  const resource =
    keys.length === 0 ? req.path : `${req.path}?${keys.map((k) => `${k}=${req.query[k]}`).join("&")}`;
  return `${req.method.toUpperCase()}\n${h("accept")}\n${h("content-md5")}\n${h("content-type")}\n${h("date")}\n${acsHeaders}${resource}`;
}

function verifyRoa(
  req: SignedRequest,
  authorization: string,
  lookupSecret: (ak: string) => string | undefined,
  nonces: NonceStore,
  options: VerifyOptions,
): VerifyResult {
  const match = /^acs ([^:\s]+):(\S+)$/.exec(authorization);
  if (!match?.[1] || !match[2]) {
    return fail(
      400,
      "IncompleteSignature",
      'The request signature does not conform to Aliyun standards: expected "acs <AccessKeyId>:<Signature>".',
    );
  }
  const [, ak, signature] = match;
  const secret = lookupSecret(ak);
  if (secret === undefined)
    return fail(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
  const method = header(req, "x-acs-signature-method");
  if (method && method !== "HMAC-SHA1") {
    return fail(
      400,
      "IncompleteSignature",
      `The request signature does not conform to Aliyun standards: unsupported x-acs-signature-method "${method}".`,
    );
  }
  const md5 = header(req, "content-md5");
  if (md5 && md5 !== createHash("md5").update(req.body).digest("base64")) {
    return fail(400, "SignatureDoesNotMatch", `${MISMATCH} The body does not match Content-MD5.`);
  }
  const expected = createHmac("sha1", secret).update(roaStringToSign(req), "utf8").digest("base64");
  if (!safeEqual(expected, signature)) return fail(400, "SignatureDoesNotMatch", MISMATCH);

  const rawDate = header(req, "date");
  if (!rawDate) {
    return fail(
      400,
      "MissingParameter",
      'The input parameter "Date" that is mandatory for processing this request is not supplied.',
    );
  }
  const refused = checkTimeAndNonce(ak, new Date(rawDate), rawDate, "Date", req, nonces, options);
  return refused ?? { ok: true, accessKeyId: ak, algorithm: "ROA-HMAC-SHA1" };
}
