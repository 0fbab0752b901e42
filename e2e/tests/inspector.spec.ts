/**
 * The inspector: renaming a step rewrites every reference, parameters get the widget of their
 * type with inline errors, parameters bind to pipeline inputs, pipeline fields and inputs edit,
 * and Tab reaches the palette, toolbar and inspector.
 */
import { expect, fixturePath, parseStream, test } from "./support/test";

interface StepDoc {
  metadata: { name: string };
  spec?: { dependencies?: string[]; arguments?: { artifacts?: { from?: string }[]; parameters?: unknown[] } };
}
interface PipelineDoc {
  spec: { inputs?: { parameters?: { name: string; type?: string }[] }; pipelines: StepDoc[] };
}

async function exported(designer: import("./support/test").DesignerPage): Promise<PipelineDoc> {
  const { text } = await designer.exportYaml();
  return parseStream(text, { ignorePositions: true }).at(-1) as PipelineDoc;
}

test("renaming a step rewrites references and dependencies; bad names are refused inline", async ({
  designer,
  page,
}) => {
  await designer.importFile(fixturePath("seed-sample.yaml"));
  await expect(designer.node("Read-Table-1")).toBeVisible();
  const inspector = page.getByRole("complementary", { name: "Inspector" });

  await designer.node("Read-Table-1").click();
  const stepName = inspector.getByLabel("Step name");
  await stepName.fill("1 bad");
  await stepName.press("Enter");
  await expect(inspector.getByText(/not a valid step name/)).toBeVisible();
  await expect(stepName).toHaveAttribute("aria-invalid", "true");
  await stepName.fill("type_transform");
  await stepName.press("Enter");
  await expect(inspector.getByText(/already exists/)).toBeVisible();

  await stepName.fill("src");
  await stepName.press("Enter");
  await expect(inspector.getByText(/already exists|not a valid/)).toHaveCount(0);
  const doc = await exported(designer);
  const convert = doc.spec.pipelines.find((s) => s.metadata.name === "type_transform");
  expect(doc.spec.pipelines.map((s) => s.metadata.name)).toEqual(["src", "type_transform"]);
  expect(convert?.spec?.dependencies).toEqual(["src"]);
  expect(convert?.spec?.arguments?.artifacts?.[0]?.from).toBe(
    "{{pipelines.src.outputs.artifacts.outputTable}}",
  );

  // One undo brings the old name back everywhere.
  await page.keyboard.press("Escape");
  await designer.button("Undo").click();
  await designer.node("Read-Table-1").click();
  await expect(inspector.getByLabel("Step name")).toHaveValue("data_source");
});

test("parameters: widgets by type, defaults as placeholders, required marks, inline range errors, binding", async ({
  designer,
  page,
}) => {
  const palette = page.getByRole("complementary", { name: "Components" });
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await palette.getByRole("button", { name: "Random Forest", exact: true }).dblclick();
  await expect(designer.node("Random Forest-1")).toBeVisible();

  // Required mark in the label; a column list; a number with its default as placeholder.
  await expect(inspector.locator("label", { hasText: "featureColNames" }).locator(".required")).toBeVisible();
  const trees = inspector.getByLabel(/^treeNum/);
  await expect(trees).toHaveAttribute("placeholder", "100 (default)");
  // Inline errors are validation's own, word for word, as the user types.
  await trees.fill("5000");
  await expect(inspector.getByText("Parameter treeNum is 5000, outside [1, 1000]")).toBeVisible();
  await expect(trees).toHaveAttribute("aria-invalid", "true");
  await trees.fill("0x10");
  await expect(inspector.getByText('Parameter treeNum must be an integer, not "0x10"')).toBeVisible();
  await trees.fill("300");
  await expect(inspector.getByText(/Parameter treeNum/)).toHaveCount(0);

  const pmml = inspector.getByRole("switch", { name: /^generatePmml/ });
  await expect(pmml).toHaveAttribute("aria-checked", "false");
  await pmml.click();
  await expect(pmml).toHaveAttribute("aria-checked", "true");

  const features = inspector.getByLabel(/^featureColNames/);
  await features.fill("pm2,pm10");
  await features.press("Enter");
  await expect(inspector.getByRole("button", { name: "Remove column pm10" })).toBeVisible();

  // Bind labelColName to a pipeline input of the same name.
  await inspector.getByRole("button", { name: "Bind labelColName to a pipeline input" }).click();
  await expect(inspector.getByRole("button", { name: "Unbind labelColName" })).toBeVisible();
  await designer.screenshot("inspector");

  const doc = await exported(designer);
  const rf = doc.spec.pipelines[0];
  expect(rf?.spec?.arguments?.parameters).toEqual([
    { name: "treeNum", value: "300" },
    { name: "generatePmml", value: true },
    { name: "featureColNames", value: "pm2,pm10" },
    { name: "labelColName", from: "{{inputs.parameters.labelColName}}" },
    { name: "execution", from: "{{inputs.parameters.execution_maxcompute}}" },
  ]);
  expect(doc.spec.inputs?.parameters).toEqual([
    { name: "execution_maxcompute", type: "Map" },
    { name: "labelColName", type: "String" },
  ]);
});

test("a Map parameter edits as YAML: nested values, an inline error with its line, the export", async ({
  designer,
  page,
}) => {
  const palette = page.getByRole("complementary", { name: "Components" });
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await palette.getByRole("button", { name: "Read Table", exact: true }).dblclick();
  await expect(designer.node("Read Table-1")).toBeVisible();
  await inspector.getByRole("button", { name: "Unbind execution" }).click();

  const mode = inspector.getByRole("group", { name: "Edit execution as" });
  await mode.getByRole("button", { name: "YAML" }).click();
  await expect(mode.getByRole("button", { name: "YAML" })).toHaveAttribute("aria-pressed", "true");
  const box = inspector.getByRole("textbox", { name: /^execution/ });
  await box.fill("endpoint: http://service.cn-shanghai.maxcompute.aliyun.com/api\nspec: odpsProject: smog\n");
  await expect(inspector.getByText(/^Line 2, column 7: /)).toBeVisible();
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(mode.getByRole("button", { name: "Key/value" })).toBeDisabled();
  await inspector.getByText(/^Line 2, column 7: /).scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: "dark" });
  await designer.screenshot("inspector-map-yaml-error-dark");
  await page.emulateMedia({ colorScheme: "light" });

  const execution = {
    endpoint: "http://service.cn-shanghai.maxcompute.aliyun.com/api",
    odpsProject: "smog",
    spec: { endpoint: "http://service.cn-shanghai.maxcompute.aliyun.com/api", odpsProject: "smog" },
    resourceType: "MaxCompute",
  };
  await box.fill(
    [
      `endpoint: ${execution.endpoint}`,
      "odpsProject: smog",
      "spec:",
      `  endpoint: ${execution.endpoint}`,
      "  odpsProject: smog",
      "resourceType: MaxCompute",
    ].join("\n"),
  );
  await expect(inspector.getByText(/^Line \d/)).toHaveCount(0);
  await expect(mode.getByRole("button", { name: "Key/value" })).toBeDisabled();
  await inspector.getByText("Where the step runs (MaxCompute project).").scrollIntoViewIfNeeded();
  await designer.screenshot("inspector-map-yaml");
  await page.emulateMedia({ colorScheme: "dark" });
  await designer.screenshot("inspector-map-yaml-dark");
  await page.emulateMedia({ colorScheme: "light" });

  const doc = await exported(designer);
  expect(doc.spec.pipelines[0]?.spec?.arguments?.parameters).toContainEqual({
    name: "execution",
    value: execution,
  });
});

test("with nothing selected: pipeline fields, inputs and outputs edit", async ({ designer, page }) => {
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByLabel("Pipeline name").fill("smog");
  await inspector.getByLabel("Identifier").fill("smog_pipeline");
  await inspector.getByRole("button", { name: "Add input parameter" }).click();
  const inputs = inspector.getByRole("region", { name: "Input parameters" });
  await inputs.getByLabel("Input parameters 1 name").fill("bizdate");
  await inputs.getByLabel("bizdate default").fill("20220101");
  await inspector.getByRole("button", { name: "Add output artifact" }).click();
  await designer.screenshot("pipeline-inspector");

  const { fileName, text } = await designer.exportYaml();
  expect(fileName).toBe("smog.yaml");
  const doc = parseStream(text).at(-1) as PipelineDoc & { metadata: Record<string, string> };
  expect(doc.metadata).toMatchObject({ name: "smog", identifier: "smog_pipeline" });
  expect(doc.spec.inputs?.parameters).toEqual([{ name: "bizdate", type: "String", value: "20220101" }]);

  await inputs.getByRole("button", { name: "Remove bizdate" }).click();
  await expect(inputs.getByText("None.")).toBeVisible();
});

test("Tab reaches the toolbar, the palette and the inspector", async ({ designer, page }) => {
  await expect(designer.canvas).toBeVisible();
  const wanted = new Map<string, boolean>([
    ["Auto layout", false],
    ["Fit view", false],
    ["Export YAML", false],
    ["Search components", false],
    ["Read Table", false],
    ["Data Type Conversion", false],
    ["Pipeline name", false],
    ["Provider", false],
  ]);
  for (let i = 0; i < 160 && [...wanted.values()].includes(false); i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const labelled = el.id
        ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent
        : null;
      // The accessible name's text: what is hidden from assistive technology does not count.
      const shown = el.cloneNode(true) as HTMLElement;
      shown.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => {
        hidden.remove();
      });
      return (el.getAttribute("aria-label") ?? labelled ?? shown.textContent ?? "").trim();
    });
    if (wanted.has(name)) wanted.set(name, true);
  }
  expect(Object.fromEntries(wanted)).toEqual(Object.fromEntries([...wanted.keys()].map((k) => [k, true])));
});
