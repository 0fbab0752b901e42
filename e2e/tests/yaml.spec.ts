import { chainManifest, expect, fixturePath, readFixture, test } from "./support/test";

test.describe("YAML panel", () => {
  test.beforeEach(async ({ designer }) => {
    await designer.importFile({ name: "seed-sample.yaml", text: readFixture("seed-sample.yaml") });
    await expect(designer.nodes).toHaveCount(2);
    await designer.openYaml();
  });

  test("shows the manifest of the graph live", async ({ designer }) => {
    await expect(designer.yamlEditor).toContainText('identifier: "type_transform"');
    // A change on the canvas side (undoable rename from the node's menu is the canvas lead's;
    // here the pipeline is replaced by a template) reaches the text.
    await designer.button("Open").click();
    await designer.page.getByRole("button", { name: /^Read and convert/ }).click();
    await expect(designer.yamlEditor).toContainText('name: "source-transform"');
    await designer.screenshot("yaml-panel");
  });

  test("editing a display name in YAML renames the node; positions stay", async ({ designer }) => {
    const convert = designer.node("Data Type Conversion-1");
    const before = await convert.boundingBox();
    await designer.editYaml('displayName: "Read-Table-1"', 'displayName: "Orders"');
    await expect(designer.node("Orders")).toBeVisible();
    await expect(designer.node("Read-Table-1")).toHaveCount(0);
    expect(await convert.boundingBox()).toEqual(before);
  });

  test("a YAML edit is one undoable change; undo brings the text back too", async ({ designer }) => {
    await designer.editYaml('displayName: "Read-Table-1"', 'displayName: "Orders"');
    await expect(designer.node("Orders")).toBeVisible();
    await designer.button("Undo").click();
    await expect(designer.node("Read-Table-1")).toBeVisible();
    await expect(designer.yamlEditor).toContainText('displayName: "Read-Table-1"');
    await designer.button("Redo").click();
    await expect(designer.node("Orders")).toBeVisible();
    await expect(designer.yamlEditor).toContainText('displayName: "Orders"');
  });

  test("adding a step in YAML adds a node", async ({ designer }) => {
    const text = await designer.yamlText();
    const extra = [
      '  - apiVersion: "core/v1"',
      "    metadata:",
      '      provider: "pai"',
      '      version: "v1"',
      '      identifier: "data_source"',
      '      name: "second_source"',
      '      displayName: "Second source"',
      "    spec:",
      "      arguments:",
      "        parameters:",
      '        - name: "inputTableName"',
      '          value: "pai_online_project.other"',
      '        - name: "execution"',
      '          from: "{{inputs.parameters.execution_maxcompute}}"',
      "",
    ].join("\n");
    await designer.setYaml(text.replace(/\n {2}pipelines:\n/, (m) => `${m}${extra}`));
    await expect(designer.node("Second source")).toBeVisible();
    await expect(designer.nodes).toHaveCount(3);
  });

  test("broken YAML shows its problems by line and the canvas keeps its last good state", async ({
    designer,
  }) => {
    const text = await designer.yamlText();
    // A reference to a step that does not exist: parses, but does not validate.
    await designer.setYaml(text.replace("pipelines.data_source.outputs", "pipelines.nowhere.outputs"));
    await expect(designer.yamlProblems.first()).toContainText(/^\d+:\d+ error: /);
    await expect(designer.yamlPanel.getByText(/Not applied: \d+ error/)).toBeVisible();
    await expect(designer.yamlPanel.locator(".cm-lint-marker-error").first()).toBeVisible();
    await expect(designer.nodes).toHaveCount(2);
    // A syntax error: same story.
    await designer.setYaml(`${text}  - bad: [\n`);
    await expect(designer.yamlProblems.first()).toContainText(/^\d+:\d+ error: /);
    await designer.screenshot("yaml-problems");
    await expect(designer.nodes).toHaveCount(2);
    // Clicking a problem puts the cursor on its line.
    await designer.yamlProblems.first().getByRole("button").click();
    await expect(designer.yamlEditor).toBeFocused();
    // Fixing the text applies it again.
    await designer.setYaml(text.replace('"Data Type Conversion-1"', '"Convert"'));
    await expect(designer.node("Convert")).toBeVisible();
    await expect(designer.yamlPanel.getByText("In sync with the canvas")).toBeVisible();
  });

  test("no keystroke is lost while edits are applied", async ({ designer, page }) => {
    await designer.yamlEditor.getByText('"Read-Table-1"').click();
    await page.keyboard.press("End");
    // Move inside the closing quote, then type in bursts straddling the apply delay.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type(" orders", { delay: 30 });
    await page.waitForTimeout(450);
    await page.keyboard.type(" and", { delay: 30 });
    await page.waitForTimeout(450);
    await page.keyboard.type(" returns", { delay: 5 });
    await expect(designer.node("Read-Table-1 orders and returns")).toBeVisible();
    expect(await designer.yamlText()).toContain('displayName: "Read-Table-1 orders and returns"');
  });

  test("follows the system's dark theme", async ({ designer, page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await designer.editYaml('"Read-Table-1"', '"Orders"');
    const background = await designer.yamlPanel
      .locator(".cm-editor")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    // Dark: every channel well below the middle.
    const channels = background.match(/\d+/g)?.slice(0, 3).map(Number) ?? [];
    expect(channels.every((c) => c < 80)).toBe(true);
    await designer.screenshot("yaml-panel-dark");
  });

  test("copies the YAML to the clipboard", async ({ designer }) => {
    const text = await designer.yamlText();
    expect(text).toContain('apiVersion: "core/v1"');
    expect(text).toContain('name: "type_transform"');
  });
});

test.describe("Problems list", () => {
  test("clicking a step's problem selects the step; a YAML problem jumps to its line", async ({
    designer,
    page,
  }) => {
    // A step of a component the catalog does not know: a warning on that step.
    await designer.importFile(fixturePath("unknown-component.yaml"));
    await expect(designer.nodes.first()).toBeVisible();
    const stepProblem = designer.problems.filter({ hasText: /step / }).first();
    await expect(stepProblem).toBeVisible();
    const step = /step ([\w-]+)/.exec((await stepProblem.textContent()) ?? "")?.[1] ?? "";
    await stepProblem.getByRole("button").click();
    await expect(page.locator(`.react-flow__node[data-id="${step}"]`)).toHaveClass(/selected/);
    await designer.screenshot("problems-list");

    // A YAML edit that does not validate lists its problems too; clicking one puts the cursor on
    // its line in the YAML.
    await designer.editYaml(
      'apiVersion: "core/v1"\nmetadata:\n  provider: "1234567890"',
      'apiVersion: "core/v9"\nmetadata:\n  provider: "1234567890"',
    );
    await expect(designer.yamlStatus).toHaveText(/Not applied: 1 error/);
    const textProblem = designer.problems.filter({ hasText: "YAML (not applied)" }).first();
    await expect(textProblem).toBeVisible();
    await designer.button("Fit view").focus();
    await textProblem.getByRole("button").click();
    await expect(designer.yamlEditor).toBeFocused();
    await expect(designer.yamlPanel.locator(".cm-activeLine")).toContainText("core/v9");
  });
});

test.describe("YAML panel with a large pipeline", () => {
  test("edits of a 200-step manifest are checked off the main thread and applied; no keystroke lost", async ({
    designer,
    page,
  }) => {
    test.setTimeout(60_000);
    await designer.importFile({ name: "chain.yaml", text: chainManifest(200) });
    await expect(designer.page.getByText("Imported chain.yaml")).toBeVisible({ timeout: 20_000 });
    await designer.openYaml();
    const text = await designer.yamlText();
    expect(text.length).toBeGreaterThan(60_000);
    // Type at the top of the document in bursts, each longer apart than the check delay.
    await designer.yamlEditor.getByText('name: "generated-chain"').click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    for (const burst of ["-a", "bc", "-d"]) {
      await page.keyboard.type(burst, { delay: 20 });
      await page.waitForTimeout(400);
    }
    await expect(designer.yamlStatus).toHaveText("In sync with the canvas", { timeout: 20_000 });
    // The reads ran in the YAML worker.
    expect(page.workers().some((w) => w.url().includes("read.worker"))).toBe(true);
    const { fileName, text: exported } = await designer.exportYaml();
    expect(fileName).toBe("generated-chain-abc-d.yaml");
    expect(exported).toContain('name: "generated-chain-abc-d"');
    expect((await designer.yamlText()).length).toBeGreaterThan(60_000);
  });
});
