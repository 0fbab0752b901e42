/**
 * PAI Designer drafts in the workspace (the local service answers PaiStudio here, as the cloud
 * does): open a draft, edit, save (Ctrl/⌘+S), reload with unsaved edits, reopen; a conflicting
 * save keeps both versions; Save as draft, then Open finds it; the workspace's templates.
 */
import type { Page } from "@playwright/test";
import { expectAccessibleInBothThemes as checkBothThemes } from "./support/axe";
import { canvas, readDraft, seedDraft } from "./support/drafts";
import { type DesignerPage, expect, test } from "./support/test";

async function openFromWorkspace(designer: DesignerPage, page: Page, name: string): Promise<void> {
  await designer.button("Open").click();
  await page.getByRole("button", { name: /From workspace/ }).click();
  const dialog = page.getByRole("dialog", { name: "Open from workspace" });
  await dialog.getByRole("button", { name: `Open draft ${name}` }).click();
  await expect(dialog).toBeHidden();
}

const draftStatus = (page: Page) => page.getByRole("status", { name: "PAI Designer draft" });
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

test("open a workspace draft, edit a parameter, reload, save with Ctrl/⌘+S, reopen", async ({
  designer,
  page,
  request,
}) => {
  test.setTimeout(120_000); // axe, light and dark, takes seconds per screen on a shared machine
  const name = `订单清洗 ${Date.now()}`;
  const seeded = await seedDraft(request, name);
  await designer.button("Open").click();
  await page.getByRole("button", { name: /From workspace/ }).click();
  const dialog = page.getByRole("dialog", { name: "Open from workspace" });
  await expect(dialog.getByRole("button", { name: `Open draft ${name}` })).toBeVisible();
  await designer.screenshot("workspace-open");
  await checkBothThemes(page, "Open from workspace");
  await dialog.getByRole("button", { name: `Open draft ${name}` }).click();

  await expect(designer.node("类型转换-订单")).toBeVisible();
  await expect(draftStatus(page)).toContainText(name);
  await expect(draftStatus(page)).toContainText(`v${seeded.version} · Saved to PAI`);

  await designer.node("类型转换-订单").click();
  const fill = inspector(page).getByLabel(/^default_string_value/);
  await fill.fill("missing");
  await fill.press("Tab");
  await expect(draftStatus(page)).toContainText("Unsaved changes");

  // The unsaved edit survives a reload, still tied to the draft and its version.
  await designer.waitForSaved();
  await page.reload();
  await expect(designer.node("类型转换-订单")).toBeVisible();
  await expect(draftStatus(page)).toContainText(`v${seeded.version} · Unsaved changes`);

  await designer.canvas.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("ControlOrMeta+s");
  await expect(draftStatus(page)).toContainText(`v${seeded.version + 1} · Saved to PAI`);

  const saved = await readDraft(request, seeded.id);
  const content = JSON.parse(saved.content);
  expect(content.nodes[1].properties).toEqual([
    { name: "cols_to_double", value: "pm2,pm10" },
    { name: "default_string_value", value: "missing" },
  ]);
  // What the designer does not model went back as it came.
  expect(content.nodes[0].viewState).toEqual({ collapsed: false });
  expect(content.metadata).toEqual({ name, desc: "e2e" });

  await designer.button("New pipeline").click();
  await expect(designer.nodes).toHaveCount(0);
  await openFromWorkspace(designer, page, name);
  await designer.node("类型转换-订单").click();
  await expect(inspector(page).getByLabel(/^default_string_value/)).toHaveValue("missing");
});

test("a conflicting save overwrites nothing; Compare, then Save mine as a copy keeps both versions", async ({
  designer,
  page,
  request,
}) => {
  test.setTimeout(120_000); // axe, light and dark, takes seconds per screen on a shared machine
  const name = `冲突 ${Date.now()}`;
  const seeded = await seedDraft(request, name);
  await openFromWorkspace(designer, page, name);
  await designer.node("类型转换-订单").click();
  const fill = inspector(page).getByLabel(/^default_string_value/);
  await fill.fill("mine_only");
  await fill.press("Tab");

  // Meanwhile someone else saves the same draft.
  const theirs = canvas(name, "theirs_only");
  const other = await request.put(`/api/workspace/drafts/${seeded.id}`, {
    data: { content: theirs, version: seeded.version },
  });
  expect(other.ok()).toBe(true);

  await designer.button("Save").click();
  const conflict = page.getByRole("alertdialog", { name: "Someone else saved this draft" });
  await expect(conflict).toContainText(`now version ${seeded.version + 1}`);
  await expect(conflict).toContainText("Nothing was overwritten");
  await designer.screenshot("draft-conflict");
  await checkBothThemes(page, "draft conflict");

  await conflict.getByRole("button", { name: "Compare" }).click();
  const compare = page.getByRole("alertdialog", { name: "Compare: yours and theirs" });
  await expect(compare.getByRole("region", { name: "Yours (not saved)" })).toContainText("mine_only");
  await expect(compare.getByRole("region", { name: /^Theirs/ })).toContainText("theirs_only");
  await designer.screenshot("draft-compare");
  await checkBothThemes(page, "Compare");

  await compare.getByRole("button", { name: "Save mine as a copy" }).click();
  await expect(compare).toBeHidden();
  await expect(draftStatus(page)).toContainText(`${name} (copy)`);
  await expect(draftStatus(page)).toContainText("Saved to PAI");

  // Both versions are kept: theirs in the draft, mine in the copy.
  expect((await readDraft(request, seeded.id)).content).toBe(theirs);
  await designer.button("Open").click();
  await page.getByRole("button", { name: /From workspace/ }).click();
  const dialog = page.getByRole("dialog", { name: "Open from workspace" });
  // The draft (theirs) and the copy (mine).
  await expect(dialog.getByRole("button", { name: `Open draft ${name}` })).toHaveCount(2);
  await dialog.getByRole("button", { name: `Open draft ${name} (copy)` }).click();
  await designer.node("类型转换-订单").click();
  await expect(inspector(page).getByLabel(/^default_string_value/)).toHaveValue("mine_only");
});

test("Reload theirs opens their version; mine stays in Recent pipelines", async ({
  designer,
  page,
  request,
}) => {
  const name = `重新载入 ${Date.now()}`;
  const seeded = await seedDraft(request, name);
  await openFromWorkspace(designer, page, name);
  await designer.node("类型转换-订单").click();
  await inspector(page)
    .getByLabel(/^default_string_value/)
    .fill("mine_only");
  await inspector(page)
    .getByLabel(/^default_string_value/)
    .press("Tab");
  await request.put(`/api/workspace/drafts/${seeded.id}`, {
    data: { content: canvas(name, "theirs_only"), version: seeded.version },
  });
  await page.keyboard.press("ControlOrMeta+s");
  const conflict = page.getByRole("alertdialog", { name: "Someone else saved this draft" });
  await conflict.getByRole("button", { name: "Reload theirs" }).click();
  await expect(draftStatus(page)).toContainText(`v${seeded.version + 1} · Saved to PAI`);
  await designer.node("类型转换-订单").click();
  await expect(inspector(page).getByLabel(/^default_string_value/)).toHaveValue("theirs_only");
  await designer.button("Open").click();
  await expect(designer.recentPipelines.filter({ hasText: name })).toHaveCount(2);
});

test("Save as draft into a new folder, then Open finds it there", async ({ designer, page }) => {
  test.setTimeout(120_000); // axe, light and dark, takes seconds per screen on a shared machine
  await designer.button("Open").click();
  await page
    .getByRole("list", { name: "Templates" })
    .getByRole("button", { name: /Read and convert/ })
    .click();
  await expect(designer.nodes).toHaveCount(2);

  await designer.button("Save as draft").click();
  const dialog = page.getByRole("dialog", { name: "Save as draft" });
  const name = `读取与转换 ${Date.now()}`;
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  const folder = `e2e 文件夹 ${Date.now()}`;
  await dialog.getByLabel("New folder name").fill(folder);
  await dialog.getByRole("button", { name: "Create folder" }).click();
  await dialog.getByRole("button", { name: folder }).click();
  await expect(dialog.getByText(`Folder: Workspace / ${folder}`)).toBeVisible();
  await dialog.getByRole("radio", { name: /^Public/ }).check();
  await expect(dialog.getByText("No folders here.")).toBeVisible();
  await designer.screenshot("draft-save-as");
  await checkBothThemes(page, "Save as draft");
  await dialog.getByRole("button", { name: "Save draft" }).click();
  await expect(dialog).toBeHidden();
  await expect(draftStatus(page)).toContainText(name);

  await designer.button("New pipeline").click();
  await designer.button("Open").click();
  await page.getByRole("button", { name: /From workspace/ }).click();
  const open = page.getByRole("dialog", { name: "Open from workspace" });
  await open.getByRole("button", { name: folder }).click();
  await open.getByRole("button", { name: `Open draft ${name}` }).click();
  await expect(designer.nodes).toHaveCount(2);
  await expect(draftStatus(page)).toContainText(`${name}`);
});

test("the workspace's templates are listed in Open beside the designer's", async ({ designer, page }) => {
  await designer.button("Open").click();
  const templates = page.getByRole("list", { name: "Workspace templates" });
  await templates.getByRole("button", { name: /Air quality overview/ }).click();
  await expect(designer.node("直方图")).toBeVisible();
  await expect(designer.nodes).toHaveCount(4);
  await expect(draftStatus(page)).toHaveCount(0);
});
