/**
 * Run settings, the double-click guard, Rerun, and the Runs panel with its read-only history
 * view, against the real server in local mode.
 */
import { RunView } from "./run-page";
import { expect, test } from "./support/test";

test.describe("run settings and history (local mode)", () => {
  test.setTimeout(90_000);

  test("settings are remembered per pipeline; a double click makes one run; history shows the graph and manifest that ran", async ({
    designer,
    page,
  }) => {
    const run = new RunView(page, designer);
    const runName = `first pipeline ${Date.now()}`;
    await run.openTemplate(/^Read and convert/, 2);
    await designer.waitForSaved();

    await designer.button("Run settings").click();
    const settings = page.getByRole("dialog", { name: "Run settings" });
    await settings.getByLabel("Run name").fill(runName);
    await settings.getByLabel("Workspace ID").fill("not a workspace!");
    await settings.getByRole("button", { name: "Save" }).click();
    // Refused inline, with the reason, and nothing saved yet.
    await expect(settings.getByText(/letters, digits/)).toBeVisible();
    await settings.getByLabel("Workspace ID").fill("");
    await settings.getByRole("button", { name: "Save" }).click();
    await expect(settings).toHaveCount(0);

    await run.everythingAgain(() => designer.button("Run").dblclick());
    await run.waitForStatus("Succeeded");

    await run.bar.getByRole("button", { name: "Runs" }).click();
    const panel = page.getByRole("dialog", { name: "Runs" });
    const row = panel.getByRole("row").filter({ hasText: runName });
    await expect(row).toHaveCount(1);
    await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "Succeeded");
    await designer.screenshot("run-history-list");

    await row.getByRole("button", { name: runName }).click();
    const history = panel.getByRole("region", { name: /\(read-only\)$/ });
    await expect(history.locator(".react-flow__node")).toHaveCount(2);
    await expect(history.locator(".react-flow__edge")).toHaveCount(1);
    for (const node of await history.locator(".react-flow__node").all()) {
      await expect(node).toHaveAttribute("data-status", "Succeeded");
    }
    // Read-only: history nodes cannot be dragged or connected.
    await expect(history.locator(".react-flow__node.draggable")).toHaveCount(0);
    await designer.screenshot("run-history-graph");
    await history.getByRole("tab", { name: "Manifest" }).click();
    await expect(history.getByRole("region", { name: "Manifest that ran" })).toContainText(
      "pai_online_project.wumai_data",
    );
    await panel.getByRole("button", { name: "Close runs" }).click();

    // Rerun starts the same run again and it ends Succeeded again.
    await run.bar.getByRole("button", { name: "Rerun" }).click();
    await run.waitForStatus("Succeeded");

    // Remembered for this pipeline across a reload; another pipeline has its own.
    await page.reload();
    await expect(designer.nodes).toHaveCount(2);
    await designer.button("Run settings").click();
    await expect(page.getByRole("dialog", { name: "Run settings" }).getByLabel("Run name")).toHaveValue(
      runName,
    );
    await page.getByRole("dialog", { name: "Run settings" }).getByRole("button", { name: "Cancel" }).click();
    await run.openTemplate(/^Smog prediction/, 13);
    await expect(run.bar).toContainText("Not run yet");
    await designer.button("Run settings").click();
    await expect(page.getByRole("dialog", { name: "Run settings" }).getByLabel("Run name")).toHaveValue("");
  });

  test("create without starting leaves the run Initialized until Start", async ({ designer, page }) => {
    const run = new RunView(page, designer);
    await run.openTemplate(/^Read and convert/, 2);
    await designer.button("Run settings").click();
    const settings = page.getByRole("dialog", { name: "Run settings" });
    await settings.getByLabel("Create without starting").check();
    await settings.getByRole("button", { name: "Save" }).click();

    await run.runEverythingAgain();
    await expect(run.statusWord).toHaveAttribute("data-status", "Initialized");
    await expect(designer.node("Read-Table-1")).not.toHaveAttribute("data-status", "Running");
    await run.bar.getByRole("button", { name: "Start" }).click();
    await run.waitForStatus("Succeeded");
    expect(await run.nodeStatuses()).toEqual({
      "Read-Table-1": "Succeeded",
      "Data Type Conversion-1": "Succeeded",
    });
  });
});
