/**
 * The headline flow: build the CreatePipelineRun sample (Read Table -> Data Type
 * Conversion) by drag and drop and keyboard alone, export it, and get the sample back.
 */
import { dragConnection } from "./canvas-drag";
import { expect, parseStream, readFixture, test } from "./support/test";

test("builds the seed sample by drag and drop and keyboard, and exports it", async ({ designer, page }) => {
  const palette = page.getByRole("complementary", { name: "Components" });
  const inspector = page.getByRole("complementary", { name: "Inspector" });

  // Drag Read Table onto the left of the canvas.
  const box = await designer.canvas.boundingBox();
  if (!box) throw new Error("no canvas");
  await palette
    .getByRole("button", { name: "Read Table", exact: true })
    .dragTo(designer.canvas, { targetPosition: { x: box.width * 0.3, y: box.height * 0.35 } });
  await expect(designer.node("Read Table-1")).toBeVisible();

  // Find Data Type Conversion by its Chinese name, focus it and press Enter.
  await palette.getByRole("searchbox", { name: "Search components" }).fill("类型转换");
  await palette.getByRole("button", { name: "Data Type Conversion", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(designer.node("Data Type Conversion-1")).toBeVisible();
  await designer.node("Data Type Conversion-1").dragTo(designer.canvas, {
    targetPosition: { x: box.width * 0.65, y: box.height * 0.35 },
  });

  await dragConnection(designer, ["Read Table-1", "outputTable"], ["Data Type Conversion-1", "inputTable"]);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);

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

  const { fileName, text } = await designer.exportYaml();
  expect(fileName).toBe("source-transform.yaml");
  expect(parseStream(text, { ignorePositions: true })).toEqual(
    parseStream(readFixture("seed-sample.yaml"), { ignorePositions: true }),
  );
});
