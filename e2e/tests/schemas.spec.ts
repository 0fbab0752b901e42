/**
 * Knowing the data while designing (local mode): the column pickers offer the columns the engine
 * derives for each step, a typo is flagged `unknown-column` on the node, in the Problems list
 * and in the inspector, and the new controls pass axe in both languages and themes.
 */
import { RunView } from "./run-page";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/test";

const WUMAI = ["time", "hour", "pm2", "pm10", "so2", "co", "no2"];

test("the seed sample's Data Type Conversion offers the table's columns; a typo is unknown-column", async ({
  designer,
  page,
}) => {
  // Three axe passes on a shared machine.
  test.setTimeout(90_000);
  const run = new RunView(page, designer);
  await run.openTemplate(/^Read and convert/, 2);
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await designer.node("Data Type Conversion-1").click();

  // cols_to_int is empty: every column is offered, as name TYPE, after the three groups.
  const ints = inspector.getByRole("combobox", { name: "cols_to_int" });
  await ints.click();
  const options = page.getByRole("listbox", { name: "Columns for cols_to_int" }).getByRole("option");
  await expect(options).toHaveText([
    `All columns (${WUMAI.length})`,
    `All text columns (${WUMAI.length})`,
    ...WUMAI.map((c) => `${c} VARCHAR`),
  ]);
  await designer.screenshot("column-picker");
  await expectAccessible(page, "column picker open");
  await page.keyboard.press("Escape");

  // cols_to_double's chips show each column's type; a typo is taken, flagged and reported.
  const doubles = inspector.getByRole("combobox", { name: "cols_to_double" });
  await doubles.fill("pm25");
  await doubles.press("Enter");
  await expect(
    inspector.getByRole("img", { name: "Not among the columns reaching this step" }),
  ).toBeVisible();
  const node = designer.node("Data Type Conversion-1");
  await expect(node.locator('[data-code="unknown-column"]')).toHaveText("unknown-column");
  const problems = page.getByRole("list", { name: "Problems" });
  await expect(problems.locator('[data-code="unknown-column"]')).toContainText(
    "Column pm25 of cols_to_double does not reach step type_transform",
  );
  await expect(inspector.getByText(/Column pm25 of cols_to_double does not reach/)).toBeVisible();
  await designer.screenshot("column-picker-unknown");

  // Removed by keyboard: the problem goes.
  await inspector.getByRole("button", { name: "Remove column pm25" }).click();
  await expect(node.locator("[data-code]")).toHaveCount(0);

  // In Chinese and dark, the picker passes axe too.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  // The inspector is named in Chinese now.
  await expect(page.getByRole("complementary", { name: "属性" })).toBeVisible();
  await page.getByRole("combobox", { name: /cols_to_int/ }).click();
  await expect(page.getByRole("option", { name: `全部文本列（${WUMAI.length}）` })).toBeVisible();
  await expectAccessible(page, "column picker, zh-CN, dark");
});

test("Read Table offers the catalog's tables and previews the chosen one's first 100 rows", async ({
  designer,
  page,
}) => {
  const run = new RunView(page, designer);
  await run.openTemplate(/^Read and convert/, 2);
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await designer.node("Read-Table-1").click();

  const table = inspector.getByRole("combobox", { name: /^inputTableName/ });
  await expect(table).toHaveValue("pai_online_project.wumai_data");
  await table.fill("wumai");
  const options = page.getByRole("listbox", { name: "Tables" }).getByRole("option");
  await expect(options.first()).toBeVisible();
  expect(await options.allTextContents()).toEqual([
    expect.stringMatching(/^pai_inner_project\.wumai_data · [\d,]+ rows$/),
    expect.stringMatching(/^pai_online_project\.wumai_data · [\d,]+ rows$/),
  ]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(table).toHaveValue("pai_online_project.wumai_data");

  // Its columns, then a preview of its first 100 rows, without running anything.
  const columns = inspector.getByRole("list", { name: `${WUMAI.length} columns` });
  await expect(columns.getByRole("listitem")).toHaveText(WUMAI.map((c) => `${c} VARCHAR`));
  await inspector.getByRole("button", { name: "Preview", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "First rows of pai_online_project.wumai_data" });
  const grid = dialog.getByRole("table", { name: "First rows of pai_online_project.wumai_data" });
  await expect(grid).toHaveAttribute("aria-rowcount", "101");
  await expect(dialog).toContainText(/^.*100 of [\d,]+ rows/);
  await designer.screenshot("table-preview");
  await expectAccessible(page, "table preview");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  // Nothing was run to get there.
  await expect(run.bar).toContainText("Not run yet");
});
