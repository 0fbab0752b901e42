/**
 * A comfortable canvas: opening and Fit view never zoom past 100%; Read Table is connected to
 * Data Type Conversion with the keyboard alone; context menus open from the keyboard; panels
 * collapse and resize and are remembered; a failure inside a panel shows its error boundary while
 * the rest of the page keeps working. In zh-CN: the keyboard connection announced in Chinese, a
 * malformed pasted step list refused with a Chinese notice, the panels' handles named in Chinese.
 */
import type { Locator, Page } from "@playwright/test";
import { clip, copiedStep } from "./support/clipboard";
import { type DesignerPage, expect, test } from "./support/test";

/** The canvas viewport's zoom, from React Flow's transform. */
const zoomOf = (page: Page) =>
  page
    .locator(".react-flow__viewport")
    .first()
    .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

/** Read Table and Data Type Conversion, added from the palette with Enter: no connection yet. */
async function twoLooseSteps(
  page: Page,
  palette = "Components",
  names = ["Read Table", "Data Type Conversion"],
) {
  const list = page.getByRole("complementary", { name: palette });
  for (const name of names) {
    await list.getByRole("button", { name, exact: true }).focus();
    await page.keyboard.press("Enter");
  }
}

/** Connects `output` to `input` by keyboard: Enter on the output, type part of the input's step name, Enter. */
async function connectByTyping(designer: DesignerPage, output: Locator, input: Locator, typed: string) {
  const page = designer.page;
  await output.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".canvas")).toHaveClass(/kb-connecting-from-output/);
  await page.keyboard.type(typed);
  await expect(input).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
}

test("a two-step pipeline opens centred at 100%, and Fit view stays there", async ({ designer, page }) => {
  await designer.button("Open").click();
  await page.getByRole("button", { name: /^Read and convert/ }).click();
  await expect(designer.nodes).toHaveCount(2);
  await expect.poll(() => zoomOf(page)).toBe(1);
  // Centred: the two steps' middle is the canvas's middle.
  const canvas = await page.locator(".react-flow__renderer").boundingBox();
  const first = await designer.nodes.first().boundingBox();
  const last = await designer.nodes.last().boundingBox();
  if (!canvas || !first || !last) throw new Error("not on screen");
  const middle = (Math.min(first.x, last.x) + Math.max(first.x + first.width, last.x + last.width)) / 2;
  expect(Math.abs(middle - (canvas.x + canvas.width / 2))).toBeLessThan(4);
  await designer.screenshot("two-step-pipeline-opened");

  await designer.button("Fit view").click();
  await page.waitForTimeout(400);
  expect(await zoomOf(page)).toBe(1);
  await page.getByRole("button", { name: "Fit View", exact: true }).click();
  await page.waitForTimeout(100);
  expect(await zoomOf(page)).toBeLessThanOrEqual(1);
});

test("Read Table is connected to Data Type Conversion with the keyboard alone", async ({
  designer,
  page,
}) => {
  await twoLooseSteps(page);
  await expect(designer.nodes).toHaveCount(2);
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await designer.waitForSaved();
  const output = designer.node("Read Table-1").getByRole("button", { name: /^output outputTable/ });
  const input = designer.node("Data Type Conversion-1").getByRole("button", { name: /^input inputTable/ });

  // Typing a name: Enter on the output port, type part of the step's name, Enter.
  await connectByTyping(designer, output, input, "conversion");
  await expect(
    page.getByText("Connected outputTable of Read Table-1 to inputTable of Data Type Conversion-1."),
  ).toBeAttached();

  // The arrow keys: undo, then move from the output to the nearest input and connect.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await output.focus();
  await page.keyboard.press("Enter");
  await expect(input).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(input).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  expect(await designer.yamlText()).toContain("{{pipelines.data_source.outputs.artifacts.outputTable}}");

  // Escape gives up and goes back to the port it started from.
  await output.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(output).toBeFocused();
  await expect(page.locator(".canvas")).not.toHaveClass(/kb-connecting/);
});

test("context menus open from the keyboard and give the focus back", async ({ designer, page }) => {
  await twoLooseSteps(page);
  const step = designer.node("Data Type Conversion-1");
  await step.focus();
  await page.keyboard.press("Shift+F10");
  const menu = page.getByRole("menu", { name: "Step actions" });
  await expect(menu.getByRole("menuitem", { name: /^Rename/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: /^Duplicate/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(designer.nodes).toHaveCount(3);
  await expect(menu).toHaveCount(0);

  // On the canvas itself: the canvas's menu, whose "Add component…" takes a typed name.
  await page.getByRole("application", { name: "Pipeline canvas" }).focus();
  await page.keyboard.press("ContextMenu");
  const canvasMenu = page.getByRole("menu", { name: "Canvas actions" });
  await canvasMenu.getByRole("menuitem", { name: "Add component…" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type("Split");
  await page.keyboard.press("Enter");
  await expect(designer.nodes).toHaveCount(4);

  await step.focus();
  await page.keyboard.press("Shift+F10");
  await page.keyboard.press("Escape");
  await expect(step).toBeFocused();
});

test("panels collapse, resize by keyboard, and are remembered", async ({ designer, page }) => {
  const palette = page.getByRole("complementary", { name: "Components" });
  await page.getByRole("button", { name: "Collapse the palette" }).click();
  await expect(palette).toBeHidden();
  await page.getByRole("button", { name: "Collapse the YAML and Problems panels" }).click();
  await expect(designer.yamlPanel).toBeHidden();

  const inspector = page.getByRole("complementary", { name: "Inspector" });
  const before = (await inspector.boundingBox())?.width ?? 0;
  await page.getByRole("separator", { name: "Resize the inspector" }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  await expect.poll(async () => (await inspector.boundingBox())?.width ?? 0).toBeGreaterThan(before + 20);
  const widened = (await inspector.boundingBox())?.width ?? 0;

  await page.waitForTimeout(300);
  await page.reload();
  await expect(designer.canvas).toBeVisible();
  await expect(palette).toBeHidden();
  await expect(designer.yamlPanel).toBeHidden();
  expect(Math.abs(((await inspector.boundingBox())?.width ?? 0) - widened)).toBeLessThan(4);
  await page.getByRole("button", { name: "Expand the palette" }).click();
  await expect(palette).toBeVisible();
});

test("a failure inside the inspector shows its boundary, is logged, and the page keeps working", async ({
  designer,
  page,
}) => {
  // The user's own component (as a COMPONENTS_DIR file could give it) lists a parameter's allowed
  // values as text, not a list: drawing that parameter's field fails.
  await page.route("**/api/components", async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    type Spec = {
      identifier: string;
      displayName: unknown;
      parameters: { name: string; allowed?: unknown }[];
    };
    const conv = body.components.find((c: Spec) => c.identifier === "type_transform") as Spec;
    const mine: Spec = structuredClone(conv);
    mine.identifier = "my_conversion";
    mine.displayName = { en: "My Conversion", zh: "我的转换" };
    mine.parameters = mine.parameters.map((p) =>
      p.name === "default_int_value" ? { ...p, allowed: "yes" } : p,
    );
    body.components.push(mine);
    await route.fulfill({ response: res, json: body });
  });
  await page.reload();
  const palette = page.getByRole("complementary", { name: "Components" });
  await palette.getByRole("button", { name: "Read Table", exact: true }).focus();
  await page.keyboard.press("Enter");
  const reported = page.waitForResponse((r) => r.url().endsWith("/api/client-errors"));
  // Added and selected: the inspector draws its parameters, and fails.
  await palette.getByRole("button", { name: "My Conversion", exact: true }).focus();
  await page.keyboard.press("Enter");
  const failure = page.getByRole("alert", { name: "The inspector failed" });
  await expect(failure).toContainText("TypeError");
  const res = await reported;
  expect(res.status()).toBe(202);
  const { requestId } = await res.json();
  await expect(failure).toContainText(`Logged on the server as request ${requestId}.`);
  await designer.screenshot("inspector-failure");

  // The rest keeps working: the canvas, the YAML panel, another step's inspector.
  await expect(designer.nodes).toHaveCount(2);
  await designer.node("Read Table-1").click();
  await expect(failure).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "Inspector" }).getByLabel("Display name")).toHaveValue(
    "Read Table-1",
  );
  expect(await designer.yamlText()).toContain('identifier: "my_conversion"');
  await designer.node("My Conversion-1").click();
  await expect(failure).toBeVisible();
  await failure.getByRole("button", { name: "Undo the last change" }).click();
  await expect(designer.nodes).toHaveCount(1);
  await expect(failure).toHaveCount(0);
});

test.describe("zh-CN", () => {
  test.use({ locale: "zh-CN" });

  test("读数据表 is connected to 类型转换 with the keyboard alone, announced in Chinese", async ({
    designer,
    page,
  }) => {
    await twoLooseSteps(page, "组件", ["读数据表", "类型转换"]);
    await expect(designer.nodes).toHaveCount(2);
    await expect(page.getByRole("status", { name: "自动保存" })).toHaveText(/已保存/);
    const output = designer.node("读数据表-1").getByRole("button", { name: /^输出 outputTable/ });
    const input = designer.node("类型转换-1").getByRole("button", { name: /^输入 inputTable/ });
    await connectByTyping(designer, output, input, "类型");
    await expect(
      page.getByText("已将 读数据表-1 的 outputTable 连接到 类型转换-1 的 inputTable。"),
    ).toBeAttached();

    // Escape gives up, said in Chinese.
    await output.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(/^正在从 读数据表-1 的 outputTable 连线/)).toBeAttached();
    await page.keyboard.press("Escape");
    await expect(output).toBeFocused();
    await expect(page.getByText("已取消连线。")).toBeAttached();
  });

  test("a malformed pasted step list is refused with a Chinese notice, and the page keeps working", async ({
    designer,
    page,
  }) => {
    await twoLooseSteps(page, "组件", ["读数据表"]);
    await expect(designer.nodes).toHaveCount(1);
    const notice = page.getByRole("alert").filter({ hasText: /./ });
    await designer.canvas.click({ position: { x: 60, y: 420 } });
    await designer.pasteClipboard(
      clip([{ ...copiedStep, parameters: [{ name: "x", binding: { kind: "magic" } }] }]),
    );
    await expect(notice).toContainText("已拒绝粘贴的节点：");
    await expect(notice).toContainText("steps.0.parameters.0.binding");
    // A copy cut short: it says it is steps, but is not JSON.
    await designer.pasteClipboard(clip([copiedStep]).slice(0, -20));
    await expect(notice).toContainText("已拒绝粘贴的节点：不是有效的 JSON");
    await expect(designer.nodes).toHaveCount(1);

    // The page goes on working: a well-formed list pastes, undo takes it away again.
    await designer.pasteClipboard(clip([copiedStep]));
    await expect(designer.node("Copied-1")).toBeVisible();
    await expect(designer.nodes).toHaveCount(2);
    await designer.button("撤销").click();
    await expect(designer.nodes).toHaveCount(1);
  });

  test("the panels' handles are named in Chinese", async ({ designer, page }) => {
    const palette = page.getByRole("complementary", { name: "组件" });
    await page.getByRole("button", { name: "收起组件面板" }).click();
    await expect(palette).toBeHidden();
    await expect(page.getByRole("separator", { name: "调整属性面板的大小" })).toBeAttached();
    await page.getByRole("button", { name: "收起 YAML 和问题面板" }).click();
    await expect(designer.yamlPanel).toBeHidden();
    await page.getByRole("button", { name: "展开组件面板" }).click();
    await expect(palette).toBeVisible();
  });
});
