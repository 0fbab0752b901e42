/**
 * The headline flow: build the CreatePipelineRun sample (Read Table -> Data Type
 * Conversion) by drag and drop and keyboard alone, export it, and get the sample back.
 */
import { buildSeedGraph } from "./canvas-drag";
import { expect, parseStream, readFixture, test } from "./support/test";

test("builds the seed sample by drag and drop and keyboard, and exports it", async ({ designer, page }) => {
  const palette = page.getByRole("complementary", { name: "Components" });
  const inspector = page.getByRole("complementary", { name: "Inspector" });

  // Read Table dragged in; Data Type Conversion found by its Chinese name and added with Enter.
  await buildSeedGraph(designer, {
    palette,
    search: palette.getByRole("searchbox", { name: "Search components" }),
    read: { button: "Read Table", node: "Read Table-1" },
    convert: { button: "Data Type Conversion", node: "Data Type Conversion-1", query: "类型转换" },
  });

  // Read Table's parameters and display name.
  await designer.node("Read Table-1").click();
  await inspector.getByLabel(/^inputTableName/).fill("pai_online_project.wumai_data");
  await inspector.getByLabel(/^partition( \*)?$/).fill("20220101");
  await inspector.getByLabel("Display name").fill("Read-Table-1");
  await expect(inspector.getByLabel("Step name")).toHaveValue("data_source");

  // Data Type Conversion's column list, typed as one comma-separated line.
  await designer.node("Data Type Conversion-1").click();
  await inspector.getByLabel(/^cols_to_double/).fill("time,hour,pm2,pm10,so2,co,no2");
  await page.keyboard.press("Enter");
  await expect(inspector.getByRole("button", { name: "Remove column no2" })).toBeVisible();
  await expect(inspector.getByLabel("Step name")).toHaveValue("type_transform");

  // Nothing selected: the pipeline's own fields.
  await designer.canvas.click({ position: { x: 30, y: 30 } });
  await inspector.getByLabel("Pipeline name").fill("source-transform");
  await inspector.getByLabel("Identifier").fill("my_pipeline");
  await inspector.getByLabel("Version").fill("v1");
  await inspector.getByLabel("Provider").fill("1557702098******");
  await designer.screenshot("seed-sample");

  await page.emulateMedia({ colorScheme: "dark" });
  await designer.node("Read-Table-1").click();
  await designer.screenshot("seed-sample-dark");
  await page.emulateMedia({ colorScheme: "light" });

  const { fileName, text } = await designer.exportYaml();
  expect(fileName).toBe("source-transform.yaml");
  expect(parseStream(text, { ignorePositions: true })).toEqual(
    parseStream(readFixture("seed-sample.yaml"), { ignorePositions: true }),
  );
});
