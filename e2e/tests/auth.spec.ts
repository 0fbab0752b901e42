/**
 * A team designer with OpenID sign-in (a real provider on loopback): signing in on the
 * provider's page and coming back where one was, who is signed in, running as oneself ("by
 * NAME", "Mine"), a viewer's disabled Run, a forged session cookie, an off-site returnTo, and
 * signing out through the provider.
 */
import { RUN_TIMEOUT, RunView } from "./run-page";
import { SIGN_IN_DESIGNER, sessionCookie, signInAtProvider } from "./support/sign-in";
import { DesignerPage, expect, test } from "./support/test";

test.use({ baseURL: SIGN_IN_DESIGNER });

test.describe("sign-in (AUTH_MODE=oidc)", () => {
  test.setTimeout(RUN_TIMEOUT + 60_000);

  test("signs in on the provider's page, runs as Alice, and signs out through the provider", async ({
    page,
  }) => {
    await page.goto("/?pipeline=air");
    await signInAtProvider(page, "alice");
    await expect(page).toHaveURL(`${SIGN_IN_DESIGNER}/?pipeline=air`);
    const designer = new DesignerPage(page);
    await expect(designer.canvas).toBeVisible();

    const account = page.getByRole("region", { name: "Signed in" });
    await expect(account).toContainText("Alice Analyst");
    await expect(account).toContainText("runner");
    await expect(account.getByRole("button", { name: "Sign out" })).toBeEnabled();
    await page
      .locator("header.toolbar")
      .screenshot({ path: "test-results/screenshots/signed-in-header.png" });
    await designer.screenshot("signed-in");

    const me = await page.request.get("/api/me");
    expect(await me.json()).toMatchObject({ id: "alice", name: "Alice Analyst", roles: ["runner"] });

    const run = new RunView(page, designer);
    await run.openTemplate(/^Read and convert/, 2);
    const runId = await run.run();
    await run.waitForStatus("Succeeded");
    await expect(run.bar).toContainText("by Alice Analyst");
    await designer.screenshot("signed-in-run");

    await run.bar.getByRole("button", { name: "Runs" }).click();
    const runs = page.getByRole("dialog", { name: "Runs" });
    const row = runs.getByRole("row").filter({ hasText: runId });
    await expect(row).toContainText("Alice Analyst");
    await runs.getByRole("button", { name: "Mine" }).click();
    await expect(runs.getByRole("button", { name: "Mine" })).toHaveAttribute("aria-pressed", "true");
    await expect(runs.getByRole("row").filter({ hasText: runId })).toBeVisible();
    await designer.screenshotOf(runs, "runs-mine");
    await runs.getByRole("button", { name: "Close runs" }).click();

    await account.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await expect(page).toHaveURL(`${SIGN_IN_DESIGNER}/auth/signed-out`);
    await expect(page.getByRole("heading", { name: "Signed out" })).toBeVisible();
    expect(await sessionCookie(page)).toBeUndefined();
    expect((await page.request.get("/api/me")).status()).toBe(401);

    // Signed out at the provider too: signing in again asks for a login.
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByPlaceholder("Enter any login")).toBeVisible();
  });

  test("a viewer sees Run disabled, saying why", async ({ page }) => {
    await page.goto("/");
    await signInAtProvider(page, "vera");
    const designer = new DesignerPage(page);
    await expect(designer.canvas).toBeVisible();
    await expect(page.getByRole("region", { name: "Signed in" })).toContainText("viewer");
    const run = designer.button("Run");
    await expect(run).toBeDisabled();
    await expect(run).toHaveAttribute(
      "title",
      "Your role (viewer) may design pipelines and look at runs, not start runs",
    );
    await page
      .locator("header.toolbar")
      .screenshot({ path: "test-results/screenshots/viewer-run-disabled.png" });
    // Ctrl+Enter is refused in the page too, with the reason, and the server refuses it anyway.
    await page.keyboard.press("Control+Enter");
    await expect(page.getByRole("region", { name: "Run status" })).toContainText(
      "Not run: Your role (viewer)",
    );
    const direct = await page.request.post("/api/runs", { data: { manifest: "apiVersion: core/v1" } });
    expect(direct.status()).toBe(403);
  });

  test("a forged session cookie sends the user to sign in again, and back to the same page", async ({
    page,
  }) => {
    await page.goto("/?p=1");
    await signInAtProvider(page, "alice");
    const designer = new DesignerPage(page);
    await expect(designer.canvas).toBeVisible();
    const first = (await sessionCookie(page)) ?? "";
    const [id, signature] = first.split(".");
    await page
      .context()
      .addCookies([{ name: "pfd_session", value: `${id}.x${signature?.slice(1)}`, url: SIGN_IN_DESIGNER }]);
    expect((await page.request.get("/api/me")).status()).toBe(401);

    // The next API call (opening Runs) meets the 401 and goes to sign in; the provider still
    // knows Alice, so she is back at once with a new session, on the page she was on.
    await page.getByRole("button", { name: "Runs" }).click();
    await expect.poll(() => sessionCookie(page)).not.toBe(`${id}.x${signature?.slice(1)}`);
    await expect(page).toHaveURL(`${SIGN_IN_DESIGNER}/?p=1`);
    await expect(designer.canvas).toBeVisible();
    expect(await sessionCookie(page)).not.toBe(first);
    await expect(page.getByRole("region", { name: "Signed in" })).toContainText("Alice Analyst");
  });

  test("refuses a returnTo that points off-site", async ({ page }) => {
    const answer = await page.goto("/auth/login?returnTo=https%3A%2F%2Fevil.example%2F");
    expect(answer?.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "Sign-in failed" })).toBeVisible();
    await expect(page.getByText("returnTo must be a path on this server")).toBeVisible();
  });
});
