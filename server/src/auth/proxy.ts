/**
 * AUTH_MODE=proxy: a proxy in front (oauth2-proxy, an ingress) signs users in and names them in
 * X-Forwarded-User, -Email, -Groups (and -Preferred-Username). Believed only from an address in
 * TRUSTED_PROXIES; from anywhere else the headers are ignored and the request is anonymous.
 */
import { isIP } from "node:net";
import type { Request } from "express";
import type { AuthConfig } from "../config/auth";
import type { SessionUser } from "../db";

/** Whether the peer that sent this request (not what it claims in X-Forwarded-For) is trusted. */
function fromTrustedProxy(req: Request, auth: AuthConfig): boolean {
  let address = req.socket.remoteAddress ?? "";
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  const family = isIP(address);
  return family !== 0 && auth.trustedProxies.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * Header values arrive as bytes read as Latin-1; proxies send UTF-8, so a name such as 李娜
 * is read back as UTF-8 when that is what the bytes are.
 */
function headerText(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  const utf8 = Buffer.from(raw, "latin1").toString("utf8");
  return utf8.includes("\uFFFD") ? raw : utf8;
}

export function proxyUser(req: Request, auth: AuthConfig): SessionUser | undefined {
  if (!fromTrustedProxy(req, auth)) return undefined;
  const email = headerText(req, "x-forwarded-email") ?? null;
  const id = headerText(req, "x-forwarded-user") ?? email;
  if (!id) return undefined;
  const groups = (headerText(req, "x-forwarded-groups") ?? "")
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean);
  return { id, name: headerText(req, "x-forwarded-preferred-username") ?? id, email, groups };
}
