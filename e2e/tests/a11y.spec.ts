/**
 * axe-core on the main screens (designer with a pipeline, inspector, YAML and Problems, run views,
 * the Open menu, run settings), light and dark, in both languages: no serious or critical
 * violation of WCAG 2.1 A/AA.
 */
import { RUN_TIMEOUT, RunView } from "./run-page";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/test";

const LANGUAGES = [
  {
    locale: "en-US",
    open: "Open",
    template: /^Read and convert/,
    run: "Run",
    settings: "Run settings",
    runs: "Runs",
  },
  {
    locale: "zh-CN",
    open: "打开",
    template: /^读数据表并类型转换/,
    run: "运行",
    settings: "运行设置",
    runs: "运行记录",
  },
] as const;

for (const lang of LANGUAGES) {
  test.describe(lang.locale, () => {
    test.use({ locale: lang.locale });

    test(`main screens have no serious accessibility violations, light and dark (${lang.locale})`, async ({
      designer,
      page,
    }) => {
      test.setTimeout(RUN_TIMEOUT + 120_000);
      const run = new RunView(page, designer);
      const check = async (screen: string) => {
        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          await expectAccessible(page, `${screen}, ${colorScheme}, ${lang.locale}`);
        }
      };

      // The Open menu, then the designer with a pipeline: canvas, YAML and Problems, pipeline inspector.
      await designer.button(lang.open).click();
      await check("Open menu");
      await page.getByRole("button", { name: lang.template }).click();
      await expect(designer.nodes).toHaveCount(2);
      await designer.openYaml();
      await check("designer with a pipeline");

      // A step in the inspector.
      await designer.nodes.first().click();
      await check("step inspector");

      // Run settings.
      await designer.button(lang.settings).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await check("run settings");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toHaveCount(0);

      // A run: the bar, a step's logs and outputs.
      await designer.button(lang.run).click();
      await expect(run.statusWord).toHaveAttribute("data-status", "Succeeded", { timeout: RUN_TIMEOUT });
      // The selected step's details open with the run.
      await expect(run.logs).toBeVisible();
      await check("run details");
      await page.getByRole("tab").nth(1).click();
      await check("run outputs");

      // Past runs, and one of them read-only.
      await run.bar.getByRole("button", { name: lang.runs, exact: true }).click();
      const runs = page.getByRole("dialog");
      await expect(runs.getByRole("table")).toBeVisible();
      await check("runs list");
      await runs.getByRole("table").getByRole("button").first().click();
      await expect(runs.locator(".react-flow__node").first()).toBeVisible();
      await check("past run");
    });
  });
}
