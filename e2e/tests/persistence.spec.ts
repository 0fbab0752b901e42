import { expect, fixturePath, parseStream, readFixture, test } from "./support/test";

test.describe("Never lose work", () => {
  test("the open pipeline comes back after a reload, edits included", async ({ designer, page }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await expect(designer.nodes).toHaveCount(2);
    await designer.editYaml('displayName: "Read-Table-1"', 'displayName: "Orders"');
    await expect(designer.node("Orders")).toBeVisible();
    await designer.waitForSaved();
    const before = await designer.exportYaml();

    await page.reload();
    await expect(designer.node("Orders")).toBeVisible();
    await expect(designer.node("Data Type Conversion-1")).toBeVisible();
    expect((await designer.exportYaml()).text).toBe(before.text);
  });

  test("a half-built pipeline (with validation errors) comes back too", async ({ designer, page }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await designer.node("Read-Table-1").click();
    await page.keyboard.press("Delete");
    await expect(designer.nodes).toHaveCount(1);
    // Data Type Conversion's input is no longer connected: an error, and still the user's work.
    await expect(designer.problems.filter({ hasText: "error" }).first()).toBeVisible();
    await designer.waitForSaved();
    await page.reload();
    await expect(designer.node("Data Type Conversion-1")).toBeVisible();
    await expect(designer.nodes).toHaveCount(1);
  });

  test("a change made just before the page goes away is not lost", async ({ designer, page }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await designer.waitForSaved();
    await designer.editYaml('"Data Type Conversion-1"', '"Last second edit"');
    await expect(designer.node("Last second edit")).toBeVisible();
    // Reload at once: pagehide must save what the debounce had not written yet.
    await page.reload();
    await expect(designer.node("Last second edit")).toBeVisible();
  });

  test("New pipeline over unsaved changes asks first; the old one stays in Recent and reopens", async ({
    designer,
    page,
  }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await designer.editYaml('"Read-Table-1"', '"Edited"');
    await expect(designer.node("Edited")).toBeVisible();

    await designer.button("New pipeline").click();
    const ask = page.getByRole("alertdialog", { name: "New pipeline?" });
    await expect(ask).toContainText("unsaved changes");
    await designer.screenshot("new-pipeline-confirm");
    await ask.getByRole("button", { name: "Cancel" }).click();
    await expect(designer.node("Edited")).toBeVisible();

    await designer.button("New pipeline").click();
    await ask.getByRole("button", { name: "New pipeline" }).click();
    await expect(designer.nodes).toHaveCount(0);
    await designer.waitForSaved();

    await designer.button("Open").click();
    await expect(designer.recentPipelines.first()).toBeVisible();
    await designer.screenshot("open-menu");
    await designer.recentPipelines
      .filter({ hasText: "source-transform" })
      .getByRole("button")
      .first()
      .click();
    await expect(designer.node("Edited")).toBeVisible();
    await expect(designer.nodes).toHaveCount(2);
  });

  test("New pipeline right after an export does not ask", async ({ designer }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await designer.editYaml('"Read-Table-1"', '"Edited"');
    await expect(designer.node("Edited")).toBeVisible();
    await designer.exportYaml();
    await designer.button("New pipeline").click();
    await expect(designer.nodes).toHaveCount(0);
  });

  test("templates open as new pipelines: Read and convert is the seed sample", async ({ designer, page }) => {
    await designer.button("Open").click();
    await page.getByRole("button", { name: /^Smog prediction \(binary classification\)/ }).click();
    await expect(designer.nodes).toHaveCount(13);
    // As it opens: readable, on the start of the chain (Fit view frames it whole on request).
    await expect(designer.node("Read smog data")).toBeInViewport();
    await designer.screenshot("smog-prediction-template");

    await designer.button("Open").click();
    await page.getByRole("button", { name: /^Read and convert/ }).click();
    await expect(designer.nodes).toHaveCount(2);
    const { text } = await designer.exportYaml();
    expect(parseStream(text, { ignorePositions: true })).toEqual(
      parseStream(readFixture("seed-sample.yaml"), { ignorePositions: true }),
    );
  });
});
