/**
 * The cookies of sign-in: the session cookie (the session's random id, HMAC-signed with
 * SESSION_SECRET so a forged or altered one is refused before the database is asked) and the
 * short-lived cookie binding an OpenID sign-in to the browser that started it.
 * HttpOnly and SameSite=Lax always; Secure (and the `__Host-` prefix) when PUBLIC_URL is https.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { parse } from "cookie";
import type { CookieOptions, Request } from "express";
import type { AuthConfig } from "../config/auth";

export const SIGN_IN_COOKIE = "pfd_signin";

const isHttps = (auth: AuthConfig) => auth.publicUrl?.protocol === "https:";

export function sessionCookieName(auth: AuthConfig): string {
  return isHttps(auth) ? "__Host-pfd_session" : "pfd_session";
}

export function cookieOptions(auth: AuthConfig, path: string, maxAgeMs: number): CookieOptions {
  return { ...clearingOptions(auth, path), maxAge: maxAgeMs };
}

/** The attributes a cookie was set with, which clearing it must repeat. */
export function clearingOptions(auth: AuthConfig, path: string): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure: isHttps(auth), path };
}

/** `value.signature`, the signature an HMAC-SHA256 of the value. */
export function sign(value: string, secret: string): string {
  return `${value}.${mac(value, secret)}`;
}

// Cookies already found genuine (with the secret that signed them): an HMAC costs more than the
// rest of a request's sign-in check. Only genuine ones are kept, so a flood of forged cookies
// fills nothing, and at most so many.
const genuine = new Map<string, { secret: string; value: string }>();
const GENUINE_KEPT = 10_000;

/** The value of a signed cookie, or undefined when the signature does not match. */
export function unsign(signed: string, secret: string): string | undefined {
  const known = genuine.get(signed);
  if (known?.secret === secret) return known.value;
  const value = verify(signed, secret);
  if (value !== undefined) {
    if (genuine.size >= GENUINE_KEPT) genuine.clear();
    genuine.set(signed, { secret, value });
  }
  return value;
}

function verify(signed: string, secret: string): string | undefined {
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(mac(value, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
}

function mac(value: string, secret: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url");
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parse(header)[name];
}
