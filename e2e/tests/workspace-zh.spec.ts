/**
 * PAI Designer drafts in Chinese, as most analysts use them: Open from workspace, the draft's
 * status, Ctrl/⌘+S, a conflicting save (加载对方版本 / 将我的另存为副本 / 对比) and Save as draft,
 * every dialog worded in zh-CN and free of serious accessibility violations, light and dark.
 */
import type { Page } from "@playwright/test";
import { expectAccessibleInBothThemes } from "./support/axe";
import { canvas, readDraft, seedDraft } from "./support/drafts";
import { expect, test } from "./support/test";

test.use({ locale: "zh-CN" });

const draftStatus = (page: Page) => page.getByRole("status", { name: "PAI Designer 草稿" });
const inspector = (page: Page) => page.getByRole("complementary", { name: "属性" });

test("zh-CN: open a draft from the workspace, edit, save with Ctrl/⌘+S, then a conflict keeps both versions", async ({
  designer,
  page,
  request,
}) => {
  test.setTimeout(120_000); // axe, light and dark, takes seconds per screen on a shared machine
  const name = `中文草稿 ${Date.now()}`;
  const seeded = await seedDraft(request, name);

  await designer.button("打开").click();
  await expect(page.getByRole("heading", { name: "PAI 工作空间" })).toBeVisible();
  await page.getByRole("button", { name: /从工作空间打开/ }).click();
  const open = page.getByRole("dialog", { name: "从工作空间打开" });
  await expect(open.getByRole("navigation", { name: "文件夹路径" })).toContainText("工作空间");
  await expect(open.getByRole("list", { name: "草稿和文件夹" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "从工作空间打开");
  await open.getByRole("button", { name: `打开草稿 ${name}` }).click();
  await expect(open).toBeHidden();

  await expect(draftStatus(page)).toContainText(`v${seeded.version} · 已保存到 PAI`);
  await designer.node("类型转换-订单").click();
  const fill = inspector(page).getByLabel(/default_string_value$/);
  await fill.fill("缺失");
  await fill.press("Tab");
  await expect(draftStatus(page)).toContainText("有未保存的修改");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(draftStatus(page)).toContainText(`v${seeded.version + 1} · 已保存到 PAI`);
  await expect(page.getByText(`已保存到 PAI：“${name}”，版本 ${seeded.version + 1}`)).toBeVisible();

  // Someone saves the draft in PAI's console meanwhile; our save is refused, nothing overwritten.
  await fill.fill("我的修改");
  await fill.press("Tab");
  const theirs = canvas(name, "对方的修改");
  const other = await request.put(`/api/workspace/drafts/${seeded.id}`, {
    data: { content: theirs, version: seeded.version + 1 },
  });
  expect(other.ok()).toBe(true);
  await designer.button("保存").click();
  const conflict = page.getByRole("alertdialog", { name: "此草稿已被他人保存" });
  await expect(conflict).toContainText(`当前为版本 ${seeded.version + 2}`);
  await expect(conflict).toContainText("没有覆盖任何内容");
  for (const button of ["取消", "对比", "将我的另存为副本", "加载对方版本"])
    await expect(conflict.getByRole("button", { name: button, exact: true })).toBeVisible();
  await expectAccessibleInBothThemes(page, "草稿冲突");
  await designer.screenshot("draft-conflict-zh");

  await conflict.getByRole("button", { name: "对比" }).click();
  const compare = page.getByRole("alertdialog", { name: "对比：我的版本与对方版本" });
  await expect(compare.getByRole("region", { name: "我的版本（未保存）" })).toContainText("我的修改");
  await expect(compare.getByRole("region", { name: /^对方版本/ })).toContainText("对方的修改");
  await expectAccessibleInBothThemes(page, "对比");

  await compare.getByRole("button", { name: "将我的另存为副本" }).click();
  await expect(compare).toBeHidden();
  await expect(draftStatus(page)).toContainText(`${name}（副本）`);
  expect((await readDraft(request, seeded.id)).content).toBe(theirs);
});

test("zh-CN: Save as draft, its folder browser and visibility in Chinese", async ({ designer, page }) => {
  test.setTimeout(120_000); // axe, light and dark, takes seconds per screen on a shared machine
  await designer.button("打开").click();
  await page.getByRole("list", { name: "模板" }).getByRole("button").first().click();
  await expect(designer.nodes).not.toHaveCount(0);

  await designer.button("另存为草稿").click();
  const dialog = page.getByRole("dialog", { name: "另存为草稿" });
  await expect(dialog.getByText("文件夹：工作空间", { exact: true })).toBeVisible();
  await expect(dialog.getByRole("group", { name: "可见范围" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "另存为草稿");
  const name = `中文另存 ${Date.now()}`;
  await dialog.getByLabel("名称", { exact: true }).fill(name);
  await dialog.getByRole("radio", { name: /^公开/ }).check();
  await dialog.getByRole("button", { name: "保存草稿" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已另存为 PAI Designer 草稿“${name}”，位于 工作空间`)).toBeVisible();
  await expect(draftStatus(page)).toContainText(name);
});
