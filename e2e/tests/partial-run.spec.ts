/**
 * Partial runs (PAI Designer's run this node / to here / from here) on the local engine: a
 * changed evaluation step is run alone while the steps it reads from are Reused; a step whose
 * input was never computed is refused, naming the step to run first, with nothing submitted;
 * "Run everything again" in Run settings turns reuse off.
 */
import { RUN_TIMEOUT, RunView } from "./run-page";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/test";

test("Run this step on the smog template's evaluation runs it alone; the steps it reads show Reused", async ({
  designer,
  page,
}) => {
  test.setTimeout(RUN_TIMEOUT * 2 + 60_000);
  const run = new RunView(page, designer);
  await run.openTemplate(/^Smog prediction \(binary classification\)/, 13);
  await run.run();
  await run.waitForStatus("Succeeded");

  // Try another parameter of the last step, and run that step alone.
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await designer.node("Evaluate Random Forest").click();
  await inspector.getByLabel(/^binCount/).fill("100");
  const first = await run.bar.locator(".pfd-run-id code").textContent();
  await inspector.getByRole("group", { name: "Run" }).getByRole("button", { name: "Run this step" }).click();
  await expect(run.bar.locator(".pfd-run-id code")).not.toHaveText(first ?? "");
  await run.waitForStatus("Succeeded");

  const statuses = await run.nodeStatuses();
  expect(statuses["Evaluate Random Forest"]).toBe("Succeeded");
  const others = Object.entries(statuses).filter(([name, s]) => name !== "Evaluate Random Forest" && s);
  expect(others.length).toBeGreaterThan(0);
  expect(others.filter(([, s]) => s !== "Reused")).toEqual([]);
  // A reused node says where its outputs come from.
  const [reusedName] = others[0] ?? [""];
  await expect(designer.node(reusedName)).toContainText(/from flow-/);
  // The details drawer closed, the canvas shows the run.
  await run.details.getByRole("button", { name: "Close run details" }).click();

  // The same three actions in the node's context menu, by keyboard.
  await designer.node("Evaluate Random Forest").click({ button: "right" });
  const menu = page.getByRole("menu", { name: "Step actions" });
  await expect(menu.getByRole("menuitem")).toContainText(["Run this step", "Run to here", "Run from here"]);
  await expectAccessible(page, "step context menu with run actions");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  // The whole pipeline in view for the README: the evaluation run, every step before it Reused.
  await designer.button("Collapse the palette").click();
  await designer.button("Collapse the YAML and Problems panels").click();
  await designer.button("Fit view").click();
  await page.getByRole("button", { name: /^zoom in$/i }).click();
  await page.waitForTimeout(400);
  await designer.screenshot("partial-run");
});

test("a step whose input was never computed is refused, naming the step to run first; Run everything again sends reuse off", async ({
  designer,
  page,
}) => {
  const run = new RunView(page, designer);
  await run.openTemplate(/^Read and convert/, 2);
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  // A partition no run has read: Read Table has no output for it.
  await designer.node("Read-Table-1").click();
  await inspector.getByLabel(/^partition/).fill(`2099${Date.now() % 10_000}`);

  await designer.node("Data Type Conversion-1").click();
  await inspector.getByRole("group", { name: "Run" }).getByRole("button", { name: "Run this step" }).click();
  await expect(
    page.getByText(/Step data_source has no output yet: run it first\. Nothing was submitted\./),
  ).toBeVisible();
  // The server refused before creating a run: none is shown.
  await expect(run.bar).toContainText("Not run yet");

  // Run settings: "Run everything again" sends the run with reuse off.
  await designer.button("Run settings").click();
  const dialog = page.getByRole("dialog", { name: "Run settings" });
  await dialog.getByRole("checkbox", { name: "Run everything again" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  const request = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api/runs"));
  await designer.button("Run").click();
  expect((await request).postDataJSON()).toMatchObject({ reuse: false });
});
