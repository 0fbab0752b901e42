/**
 * Runs that do not succeed, against the real server in local mode: a failing step shows on its
 * node with its error and the steps after it skipped; a reload during a run picks it up again;
 * Terminate stops it. The pipelines are the project's own, modeled on the seed sample.
 */
import { RUN_TIMEOUT, RunView } from "./run-page";
import { expect, test } from "./support/test";

const step = (name: string, identifier: string, displayName: string, body: string) => `
  - apiVersion: core/v1
    metadata:
      provider: pai
      version: v1
      identifier: ${identifier}
      name: ${name}
      displayName: ${displayName}
    spec:
${body}`;

const pipeline = (name: string, steps: string) => `apiVersion: core/v1
metadata:
  provider: local
  version: v1
  identifier: ${name}
  name: ${name}
spec:
  inputs:
    parameters:
    - name: execution_maxcompute
      type: Map
  pipelines:${steps}
`;

const readTable = (table: string) =>
  step(
    "read",
    "data_source",
    "Read Air Quality",
    `      arguments:
        parameters:
        - name: inputTableName
          value: ${table}
        - name: execution
          from: "{{inputs.parameters.execution_maxcompute}}"`,
  );

const convert = (from: string) =>
  step(
    "convert",
    "type_transform",
    "Convert Types",
    `      arguments:
        artifacts:
        - name: inputTable
          from: "{{pipelines.${from}.outputs.artifacts.outputTable}}"
        parameters:
        - name: cols_to_double
          value: hour,pm2
        - name: execution
          from: "{{inputs.parameters.execution_maxcompute}}"
      dependencies:
      - ${from}`,
  );

/** Reads a table that does not exist: the first step fails, the second is skipped. */
const FAILING = pipeline("missing_table", readTable("pai_online_project.no_such_table") + convert("read"));

/** A cross join the engine cannot finish soon, between a read and a conversion. */
const SLOW = pipeline(
  "slow_join",
  readTable("pai_online_project.wumai_data") +
    step(
      "slow_join",
      "sql",
      "Slow Join",
      `      arguments:
        artifacts:
        - name: inputTable1
          from: "{{pipelines.read.outputs.artifacts.outputTable}}"
        parameters:
        - name: sql
          value: "select count(*) as n, 1 as hour, 1 as pm2 from \${t1} a, \${t1} b, \${t1} c where a.hour || b.hour || c.hour = 'never'"
        - name: execution
          from: "{{inputs.parameters.execution_maxcompute}}"
      dependencies:
      - read`,
    ) +
    convert("slow_join"),
);

test.describe("runs that fail or stop (local mode)", () => {
  test.setTimeout(RUN_TIMEOUT);

  test("a failing step shows on its node with its error; the steps after it are skipped", async ({
    designer,
    page,
  }) => {
    const run = new RunView(page, designer);
    await designer.importFile({ name: "missing-table.yaml", text: FAILING });
    await expect(designer.nodes).toHaveCount(2);
    const yamlBefore = await designer.yamlText();

    await run.run();
    await run.waitForStatus("Failed");
    expect(await run.nodeStatuses()).toEqual({ "Read Air Quality": "Failed", "Convert Types": "Skipped" });
    await expect(designer.node("Read Air Quality")).toContainText("Failed");
    await expect(designer.node("Convert Types")).toContainText("Skipped");
    // The run's error, in words, names the failing step and the missing table.
    await expect(run.bar).toContainText(/read.*no_such_table/);

    await run.bar.getByRole("button", { name: "Failed step: read" }).click();
    await expect(run.details).toBeVisible();
    await expect(run.logs).toContainText(/no_such_table/);
    await designer.screenshot("run-failed-step");

    // A failed run never changes the pipeline.
    expect(await designer.yamlText()).toBe(yamlBefore);
  });

  test("a reload during a run picks it up again, and Terminate stops it", async ({ designer, page }) => {
    const run = new RunView(page, designer);
    await designer.importFile({ name: "slow-join.yaml", text: SLOW });
    await expect(designer.nodes).toHaveCount(3);
    await designer.waitForSaved();

    // Computed, not Reused from an earlier test's run of the same Read Table.
    const runId = await run.runEverythingAgain();
    await expect(designer.node("Slow Join")).toHaveAttribute("data-status", "Running", { timeout: 60_000 });
    await expect(designer.node("Read Air Quality")).toHaveAttribute("data-status", "Succeeded");
    // The edge into the running step is animated.
    await expect(page.locator('.react-flow__edge-path[data-running="true"]')).toHaveCount(1);

    await page.reload();
    await expect(designer.canvas).toBeVisible();
    await expect(run.bar.locator(".pfd-run-id code")).toHaveText(runId);
    await expect(run.statusWord).toHaveAttribute("data-status", "Running");
    await expect(designer.node("Slow Join")).toHaveAttribute("data-status", "Running");
    await designer.screenshot("run-in-progress");

    await run.bar.getByRole("button", { name: "Terminate" }).click();
    await run.waitForStatus("Terminated", 30_000);
    const statuses = await run.nodeStatuses();
    expect(statuses["Read Air Quality"]).toBe("Succeeded");
    expect(statuses["Slow Join"]).not.toBe("Running");
    expect(statuses["Convert Types"]).toBe("Skipped");
    await expect(run.bar.getByRole("button", { name: "Terminate" })).toHaveCount(0);
    await expect(run.bar.getByRole("button", { name: "Rerun" })).toBeVisible();
  });

  test("Run refuses a pipeline with problems and names them", async ({ designer, page }) => {
    const run = new RunView(page, designer);
    await designer.importFile({ name: "slow-join.yaml", text: SLOW });
    await expect(designer.nodes).toHaveCount(3);
    // Delete the join: the conversion's required input table is left unconnected.
    await designer.node("Slow Join").click();
    await page.keyboard.press("Delete");
    await expect(designer.nodes).toHaveCount(2);
    await expect(designer.problems.first()).toBeVisible();
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(run.bar.getByRole("alert")).toContainText(/Not run: the pipeline has \d+ problems?/);
    await expect(run.bar.locator(".pfd-run-id")).toHaveCount(0);
  });
});
