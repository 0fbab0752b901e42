/**
 * One-click run from the canvas, against the real server in local mode (embedded PAIFlow on
 * DuckDB): the seed sample runs to Succeeded with every node showing it, logs open, and the
 * output preview shows the converted columns' types. (The smog template's run: results.spec.ts.)
 */
import { RUN_TIMEOUT, RunView } from "./run-page";
import { expect, test } from "./support/test";

test.describe("run from the canvas (local mode)", () => {
  test.setTimeout(RUN_TIMEOUT + 60_000);

  test("the seed sample runs to Succeeded; logs open; the preview shows cols_to_double as DOUBLE", async ({
    designer,
    page,
  }) => {
    const run = new RunView(page, designer);
    await run.openTemplate(/^Read and convert/, 2);
    await expect(run.bar).toContainText("Not run yet");

    const runId = await run.runEverythingAgain();
    expect(runId).not.toBe("");
    await run.waitForStatus("Succeeded");
    expect(await run.nodeStatuses()).toEqual({
      "Read-Table-1": "Succeeded",
      "Data Type Conversion-1": "Succeeded",
    });
    await expect(run.bar).toContainText(runId);
    // Each node shows its status and how long it took.
    await expect(designer.node("Data Type Conversion-1")).toContainText(/Succeeded · \d+(ms|s)/);
    await expect(run.bar.locator(".pfd-run-elapsed")).toHaveText(/^\d+(ms|s)$|^\d+m \d\ds$/);
    await designer.screenshot("run-seed-sample-succeeded");

    await run.openStep("Data Type Conversion-1", "Logs");
    await expect(run.logs).toContainText(/rows/i);
    await designer.screenshot("run-seed-sample-logs");

    await run.details.getByRole("tab", { name: "Outputs" }).click();
    await run.details.getByRole("button", { name: "Preview outputTable" }).click();
    const table = run.details.getByRole("table", { name: "Preview of outputTable" });
    await expect(table).toBeVisible();
    for (const column of ["time", "hour", "pm2", "pm10", "so2", "co", "no2"]) {
      await expect(
        table.getByRole("columnheader", { name: new RegExp(`^${column}\\s*DOUBLE$`) }),
      ).toBeVisible();
    }
    await expect(run.details).toContainText(/100 of [\d,]+ rows/);
    // Virtualized: far fewer rows in the DOM than the 100 fetched.
    const drawn = await table.locator("tbody tr[aria-rowindex]").count();
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(100);
    await designer.screenshot("run-seed-sample-preview");
  });
});
