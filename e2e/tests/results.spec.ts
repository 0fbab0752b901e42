/**
 * Results as pictures, on a real local run of the smog template: the evaluation draws ROC (with
 * AUC), precision-recall, K-S and lift charts beside its scores and confusion matrix; a chart's
 * numbers show as a table and it saves as PNG; charts follow the dark theme; Histogram draws one
 * chart per column; Data View lists its columns with a small distribution each. The chart views
 * pass axe, light and dark; in zh-CN the charts are named and worded in Chinese.
 */
import type { Locator, Page } from "@playwright/test";
import { RUN_TIMEOUT, RunView } from "./run-page";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/test";

/** Folds the side and bottom panels away (their collapse buttons' names given) and brings `figure` into view. */
async function roomForCharts(page: Page, collapse: string[], figure: Locator) {
  for (const name of collapse) await page.getByRole("button", { name }).click();
  await figure.scrollIntoViewIfNeeded();
}

/** axe on the chart view in the light and the dark theme (the charts redrawn in each). */
async function chartsAccessible(page: Page, chart: Locator, screen: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expect.poll(() => chart.evaluate(inkedPixels)).toBeGreaterThan(500);
    await expectAccessible(page, `${screen}, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test.describe("results as pictures (local mode)", () => {
  test.setTimeout(RUN_TIMEOUT + 90_000);

  test("the smog template's evaluation shows its curves, scores and confusion matrix; histograms and data view draw", async ({
    designer,
    page,
  }) => {
    const run = new RunView(page, designer);
    await run.openTemplate(/^Smog prediction \(binary classification\)/, 13);
    // Every step really run (not reused from the zh-CN spec's or another run of the same steps).
    await run.runEverythingAgain();
    await run.waitForStatus("Succeeded");
    const statuses = await run.nodeStatuses();
    expect(Object.keys(statuses)).toHaveLength(13);
    expect(Object.entries(statuses).filter(([, s]) => s !== "Succeeded")).toEqual([]);
    // As opened: the start of the chain at a readable zoom (Fit view's 0.25 makes statuses unreadable).
    await designer.screenshot("run-smog-succeeded");
    await designer.button("Fit view").click();

    await run.openStep("Evaluate Random Forest", "Outputs");
    const metrics = run.details.getByRole("figure", { name: /^Metrics of / }).first();
    await expect(metrics.getByRole("img", { name: "Scores" })).toContainText("AUC");
    await expect(metrics.getByRole("table", { name: "Confusion matrix" })).toContainText("TP");

    const roc = run.details.getByRole("img", { name: "ROC curve", exact: true });
    await expect(roc).toBeVisible();
    for (const name of ["Precision-recall curve", "K-S curve", "Lift chart"]) {
      await expect(run.details.getByRole("img", { name, exact: true })).toBeAttached();
    }
    const rocFigure = run.details.getByRole("figure", { name: "ROC curve", exact: true });
    await expect(rocFigure).toContainText(/AUC 0\.\d{3}/);
    // Something is drawn: the canvas holds more than one colour.
    await expect.poll(() => roc.evaluate(inkedPixels)).toBeGreaterThan(500);
    // Room for the charts: the side and bottom panels folded away, the curves in view.
    await roomForCharts(
      page,
      ["Collapse the palette", "Collapse the inspector", "Collapse the YAML and Problems panels"],
      rocFigure,
    );
    await designer.screenshot("run-smog-evaluation-charts");
    await chartsAccessible(page, roc, "evaluation charts, en");

    // The numbers behind the curve, then back to the picture.
    await rocFigure.getByRole("button", { name: "Data" }).click();
    const data = rocFigure.getByRole("table", { name: "ROC curve data" });
    await expect(data.getByRole("columnheader", { name: "False positive rate" })).toBeVisible();
    await expect(data.locator("tbody tr[aria-rowindex]").first()).toBeVisible();
    await rocFigure.getByRole("button", { name: "Data" }).click();
    await expect(roc).toBeVisible();

    const download = page.waitForEvent("download");
    await rocFigure.getByRole("button", { name: "Save PNG" }).click();
    const png = await download;
    expect(png.suggestedFilename()).toMatch(/roc\.png$/);
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile((await png.path()) ?? "");
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");

    // Dark theme: the chart is redrawn on the dark panel.
    const lightCorner = await roc.evaluate(cornerColour);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => roc.evaluate(cornerColour)).not.toEqual(lightCorner);
    await designer.screenshot("run-smog-evaluation-charts-dark");
    await page.emulateMedia({ colorScheme: "light" });

    await run.pickStep("histogram");
    await expect(run.details.getByRole("img", { name: /^Histogram of / }).first()).toBeVisible();
    expect(await run.details.getByRole("img", { name: /^Histogram of / }).count()).toBeGreaterThan(1);

    await run.pickStep("data_view");
    const columns = run.details.getByRole("table", { name: /^Columns of / }).first();
    await expect(columns).toBeVisible();
    await expect(columns.getByRole("img", { name: /^Distribution of / }).first()).toBeVisible();
  });
});

test.describe("zh-CN", () => {
  test.use({ locale: "zh-CN" });
  test.setTimeout(RUN_TIMEOUT + 120_000);

  test("the smog template's evaluation draws ROC曲线 and the other curves in Chinese, accessible light and dark", async ({
    designer,
    page,
  }) => {
    const run = new RunView(page, designer);
    await designer.button("打开").click();
    await page.getByRole("button", { name: /^雾霾天气预测（二分类）/ }).click();
    await expect(designer.nodes).toHaveCount(13);
    await run.everythingAgain(() => designer.button("运行").click());
    await run.waitForStatus("Succeeded");
    // As opened, the canvas shows the start of the chain: the whole of it, to reach the evaluation.
    await page.getByRole("toolbar", { name: "工作流" }).getByRole("button", { name: "适应画布" }).click();
    await designer.node("Evaluate Random Forest").click();
    await run.details.getByRole("tab", { name: "输出" }).click();

    const roc = run.details.getByRole("img", { name: "ROC曲线", exact: true });
    await expect(roc).toBeVisible();
    for (const name of ["精确率-召回率曲线", "K-S曲线", "提升图"])
      await expect(run.details.getByRole("img", { name, exact: true })).toBeAttached();
    const rocFigure = run.details.getByRole("figure", { name: "ROC曲线", exact: true });
    await expect(rocFigure).toContainText(/AUC：0\.\d{3}/);
    await expect(rocFigure.getByRole("button", { name: "保存为 PNG" })).toBeEnabled();
    await expect.poll(() => roc.evaluate(inkedPixels)).toBeGreaterThan(500);

    await roomForCharts(page, ["收起组件面板", "收起属性面板", "收起 YAML 和问题面板"], rocFigure);
    await designer.screenshot("zh-CN-run-smog-evaluation-charts");
    await chartsAccessible(page, roc, "evaluation charts, zh-CN");

    await rocFigure.getByRole("button", { name: "数据" }).click();
    const data = rocFigure.getByRole("table", { name: "ROC曲线 的数据" });
    await expect(data.getByRole("columnheader", { name: "假正率" })).toBeVisible();
    await expectAccessible(page, "evaluation chart's data, zh-CN");

    // Histogram: a chart per column, named in Chinese.
    const steps = run.details.getByRole("combobox", { name: "节点" });
    const histogram = steps.locator("option", { hasText: /^histogram（/ });
    await steps.selectOption({ label: (await histogram.textContent()) ?? "histogram" });
    await expect(run.details.getByRole("img", { name: / 的直方图$/ }).first()).toBeVisible();
  });
});

/** Pixels of a canvas that differ from its top-left one: zero for a blank chart. */
function inkedPixels(canvas: HTMLCanvasElement): number {
  const ctx = canvas.getContext("2d");
  if (!ctx) return 0;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 4; i < data.length; i += 4) {
    if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) inked++;
  }
  return inked;
}

function cornerColour(canvas: HTMLCanvasElement): number[] {
  return [...(canvas.getContext("2d")?.getImageData(1, 1, 1, 1).data ?? [])];
}
