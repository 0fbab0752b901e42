/**
 * The designer in Chinese: a browser whose language is zh-CN gets PAI Designer's words (运行,
 * 读数据表-1, 类型转换-1), builds and runs the seed sample in them, and switching to English is
 * remembered after a reload. A second tab on the same pipeline says it is read-only (只读) and
 * offers to take it over (接管) in Chinese too.
 */
import { buildSeedGraph } from "./canvas-drag";
import { RUN_TIMEOUT } from "./run-page";
import { expectAccessible } from "./support/axe";
import { DesignerPage, expect, fixturePath, test } from "./support/test";

test.use({ locale: "zh-CN" });

test("in zh-CN the designer speaks Chinese, builds and runs the seed sample, and English is one switch away", async ({
  designer,
  page,
}) => {
  test.setTimeout(RUN_TIMEOUT + 60_000);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const toolbar = page.getByRole("toolbar", { name: "工作流" });
  for (const name of [
    "新建",
    "打开",
    "导入 YAML",
    "导出 YAML",
    "撤销",
    "重做",
    "自动布局",
    "运行",
    "运行设置",
  ])
    await expect(toolbar.getByRole("button", { name, exact: true })).toBeVisible();

  // New steps are named as PAI Designer names them, in Chinese.
  // Search matches both languages: the English name finds the Chinese one.
  const palette = page.getByRole("complementary", { name: "组件" });
  await buildSeedGraph(designer, {
    palette,
    search: palette.getByRole("searchbox", { name: "搜索组件" }),
    read: { button: "读数据表", node: "读数据表-1" },
    convert: { button: "类型转换", node: "类型转换-1", query: "Data Type Conversion" },
  });

  // The inspector in Chinese: PAI's parameter labels beside the parameter names.
  const inspector = page.getByRole("complementary", { name: "属性" });
  await designer.node("读数据表-1").click();
  await expect(inspector.getByRole("heading", { name: "参数" })).toBeVisible();
  await inspector.getByLabel(/^表名 inputTableName/).fill("pai_online_project.wumai_data");
  await designer.node("类型转换-1").click();
  await inspector.getByLabel(/^转换为 double 类型的列 cols_to_double/).fill("time,hour,pm2,pm10,so2,co,no2");
  await page.keyboard.press("Enter");
  await expect(inspector.getByRole("button", { name: "移除列 no2" })).toBeVisible();

  // Problems speak Chinese too: until the run, the list counts in Chinese.
  await expect(page.getByRole("region", { name: "问题" })).toContainText(/\d+ 个错误，\d+ 个警告/);

  await toolbar.getByRole("button", { name: "运行", exact: true }).click();
  const bar = page.getByRole("region", { name: "运行状态" });
  await expect(bar.locator(".pfd-run-word[data-status]")).toHaveAttribute("data-status", "Succeeded", {
    timeout: RUN_TIMEOUT,
  });
  await expect(bar.locator(".pfd-run-word")).toHaveText("成功");
  await expect(designer.node("类型转换-1")).toContainText(/成功 · \d+(毫秒|秒)/);
  await designer.node("类型转换-1").click();
  await expect(page.getByRole("region", { name: "运行详情" }).getByRole("log")).toBeVisible();
  await designer.screenshot("zh-CN-run-seed-sample");

  // English, remembered after a reload.
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("en");
  // Existing names are data: switching the language renames nothing.
  await expect(designer.node("类型转换-1")).toBeVisible();
});

test("in zh-CN a second tab on the pipeline is read-only (只读), says why in Chinese, and takes it over with 接管", async ({
  designer,
  page,
}) => {
  await page
    .locator('input[type="file"][aria-label="导入 YAML"]')
    .setInputFiles(fixturePath("seed-sample.yaml"));
  await expect(designer.nodes).toHaveCount(2);
  await expect(page.getByRole("status", { name: "自动保存" })).toHaveText("已保存");

  const second = new DesignerPage(await page.context().newPage());
  await second.goto();
  const openElsewhere = (tab: DesignerPage) =>
    tab.page.getByRole("status").filter({ hasText: "已在另一个标签页中打开" });
  await expect(openElsewhere(second)).toContainText("此标签页以只读方式显示");
  const inspector = second.page.getByRole("complementary", { name: "属性" });
  await expect(inspector.getByRole("heading", { level: 2 })).toHaveText("工作流只读");
  await expect(second.page.getByRole("complementary", { name: "组件" })).toContainText("接管后才能添加组件");
  await expect(second.yamlPanel.getByRole("status")).toContainText("只读");
  // An edit is refused, and the notice says why in Chinese.
  await second.node("Read-Table-1").click();
  await second.page.keyboard.press("Delete");
  await expect(second.page.getByRole("alert").filter({ hasText: "接管后即可在这里编辑" })).toBeVisible();
  await expect(second.nodes).toHaveCount(2);
  await second.screenshot("zh-CN-tabs-read-only");
  for (const colorScheme of ["light", "dark"] as const) {
    await second.page.emulateMedia({ colorScheme });
    await expectAccessible(second.page, `read-only tab, ${colorScheme}, zh-CN`);
  }

  await second.button("接管").click();
  await expect(openElsewhere(second)).toBeHidden();
  await expect(openElsewhere(designer)).toBeVisible();
  await second.page.close();
});
