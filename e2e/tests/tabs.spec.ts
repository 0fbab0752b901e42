/**
 * Two tabs of one browser on one pipeline: the second shows it read-only and follows the first,
 * "Take over" swaps them, closing the editing one frees it for the other, and a tab that lost the
 * pipeline while it did not answer never writes its last change over the other tab's work: it
 * keeps it as a copy and says so.
 */
import type { Page } from "@playwright/test";
import { RUN_TIMEOUT, RunView } from "./run-page";
import { DesignerPage, expect, fixturePath, test } from "./support/test";

/** Where node `name` is relative to node `other` (a drag moves one; a pan moves both). */
async function offset(designer: DesignerPage, name: string, other: string) {
  const [a, b] = [await designer.node(name).boundingBox(), await designer.node(other).boundingBox()];
  if (!a || !b) throw new Error(`${name} or ${other} is not on screen`);
  return { x: Math.round(a.x - b.x), y: Math.round(a.y - b.y) };
}

/** Drags node `name` by `dx` with the mouse. */
async function dragNode(designer: DesignerPage, name: string, dx: number) {
  const box = await designer.node(name).boundingBox();
  if (!box) throw new Error(`${name} is not on screen`);
  const page = designer.page;
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + 12, { steps: 8 });
  await page.mouse.up();
}

async function secondTab(page: Page): Promise<DesignerPage> {
  const second = new DesignerPage(await page.context().newPage());
  await second.goto();
  return second;
}

test.describe("Two tabs on one pipeline", () => {
  test.setTimeout(RUN_TIMEOUT);

  test("opens read-only in the second tab, which follows the first; Take over swaps them", async ({
    designer,
    page,
  }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await expect(designer.nodes).toHaveCount(2);
    await designer.waitForSaved();

    const second = await secondTab(page);
    await expect(second.node("Read-Table-1")).toBeVisible();
    await expect(second.openElsewhere).toBeVisible();
    await expect(designer.openElsewhere).toBeHidden();
    await second.screenshot("tabs-read-only");

    // No edits on the canvas: a drag does not move, Delete does not delete (and says why).
    const before = await offset(second, "Read-Table-1", "Data Type Conversion-1");
    await dragNode(second, "Read-Table-1", 160);
    expect(await offset(second, "Read-Table-1", "Data Type Conversion-1")).toEqual(before);
    await second.node("Read-Table-1").click();
    await second.page.keyboard.press("Delete");
    await expect(second.page.getByRole("alert").filter({ hasText: "open in another tab" })).toBeVisible();
    await expect(second.nodes).toHaveCount(2);
    // Nor in the inspector, nor in the YAML.
    await expect(second.inspector.getByLabel("Display name")).toBeDisabled();
    await expect(second.inspector.getByLabel("Step name")).toBeDisabled();
    await second.yamlEditor.click();
    await second.page.keyboard.type("typed: here\n");
    await expect(second.yamlEditor).toHaveAttribute("aria-readonly", "true");
    expect(await second.yamlText()).not.toContain("typed: here");
    // Export still works.
    expect((await second.exportYaml()).text).toContain("Read-Table-1");

    // The first tab edits; the second follows.
    await designer.editYaml('"Read-Table-1"', '"Orders"');
    await expect(second.node("Orders")).toBeVisible();

    // Take over: the second edits, the first becomes read-only and follows it.
    await second.button("Take over").click();
    await expect(second.openElsewhere).toBeHidden();
    await expect(designer.openElsewhere).toBeVisible();
    await expect(designer.inspector.getByLabel("Pipeline name")).toBeDisabled();
    await second.editYaml('"Orders"', '"Orders by second"');
    await expect(designer.node("Orders by second")).toBeVisible();

    // A reload keeps each tab on its pipeline, read-only where another tab has it.
    await page.reload();
    await expect(designer.node("Orders by second")).toBeVisible();
    await expect(designer.openElsewhere).toBeVisible();

    // Closing the editing tab frees the pipeline: the read-only one may edit it now.
    await second.page.close();
    await expect(designer.openElsewhere).toBeHidden();
    await expect(designer.page.getByText("you can edit it here now")).toBeVisible();
    await expect(designer.inspector.getByLabel("Pipeline name")).toBeEnabled();
  });

  test("a read-only tab still runs the pipeline", async ({ designer, page }) => {
    const run = new RunView(page, designer);
    await run.openTemplate(/^Read and convert/, 2);
    await designer.waitForSaved();
    const second = await secondTab(page);
    await expect(second.openElsewhere).toBeVisible();
    const secondRun = new RunView(second.page, second);
    await secondRun.run();
    await secondRun.waitForStatus("Succeeded");
    await second.page.close();
  });

  test("a tab that does not answer loses the pipeline: its unsaved change is kept as a copy, never written over", async ({
    designer,
    page,
  }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await designer.waitForSaved();
    const second = await secondTab(page);
    await expect(second.openElsewhere).toBeVisible();

    // The first tab changes a name, then is busy for longer than Take over waits for an answer
    // (autosave's pause had not passed: the change is not saved).
    await designer.node("Read-Table-1").click();
    await designer.inspector.getByLabel("Display name").fill("Unsaved in first");
    // Long enough for Take over to give up waiting (1.5 s) and take the pipeline, on a busy machine too.
    const busy = page.evaluate(() => {
      const end = performance.now() + 8000;
      while (performance.now() < end) {
        // frozen
      }
    });
    await second.button("Take over").click();
    await expect(second.openElsewhere).toBeHidden();
    await busy;

    // The first tab is told, keeps its version on screen, and did not write it over the second's.
    await expect(designer.takenOver).toBeVisible();
    await expect(designer.node("Unsaved in first")).toBeVisible();
    await designer.screenshot("tabs-taken-over");
    await second.page.reload();
    await expect(second.node("Read-Table-1")).toBeVisible();
    await expect(second.openElsewhere).toBeHidden();

    // The copy is in Recent; editing it here leaves the second tab's pipeline alone.
    await designer.button("Edit my copy").click();
    await expect(designer.takenOver).toBeHidden();
    await designer.inspector.getByLabel("Display name").fill("Still mine");
    await expect(designer.node("Still mine")).toBeVisible();
    await designer.waitForSaved();
    await second.button("Open").click();
    await expect(second.recentPipelines).toHaveCount(2);
    await expect(second.node("Read-Table-1")).toBeVisible();
    await second.page.close();
  });
});
