/**
 * The few pages of sign-in the server draws itself (the browser is navigating, not calling the
 * API): signed out, and why a sign-in failed. Plain HTML under the app's CSP.
 */
import { authPaths } from "@pfd/shared";
import type { Response } from "express";

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: Response, status: number, title: string, message: string): void {
  res
    .status(status)
    .type("html")
    .send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${html(title)} · PAIFlow Designer</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;color:#1f2937;background:#f6f7f9;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:28px 32px;max-width:420px}
h1{font-size:18px;margin:0 0 8px}a{color:#2563eb}
</style></head>
<body><main><h1>${html(title)}</h1><p>${html(message)}</p>
<p><a href="${html(authPaths.signIn())}">Sign in</a></p></main></body></html>`);
}

export function signedOutPage(res: Response): void {
  page(res, 200, "Signed out", "You have signed out of PAIFlow Designer.");
}

export function signInFailedPage(res: Response, status: number, message: string): void {
  page(res, status, "Sign-in failed", message);
}
