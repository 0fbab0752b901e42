/**
 * The second designer of the browser tests, with OpenID sign-in against a real provider (see
 * serve.mjs and playwright.config.ts), and signing in on the provider's own login page.
 */
import { expect, type Page } from "@playwright/test";

/** Base URL of the designer with AUTH_MODE=oidc: the port after the main one. */
export const SIGN_IN_DESIGNER = `http://127.0.0.1:${Number(process.env.E2E_PORT) + 1}`;

/** On the provider's login page: types the login (any password) and signs in. */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Sign-in" })).toBeVisible();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/** The session cookie of the designer, as the browser holds it. */
export async function sessionCookie(page: Page): Promise<string | undefined> {
  const cookies = await page.context().cookies(SIGN_IN_DESIGNER);
  return cookies.find((c) => c.name === "pfd_session")?.value;
}
