/** Pointer gestures on the canvas shared by the canvas, inspector, seed-sample and i18n specs. */
import { expect, type Locator } from "@playwright/test";
import type { DesignerPage } from "./support/test";

/** Drags from output handle `from[1]` of the node labelled `from[0]` to input `to[1]` of `to[0]`. */
export async function dragConnection(designer: DesignerPage, from: [string, string], to: [string, string]) {
  const page = designer.page;
  const source = designer.node(from[0]).locator(`.react-flow__handle.source[data-handleid="${from[1]}"]`);
  const target = designer.node(to[0]).locator(`.react-flow__handle.target[data-handleid="${to[1]}"]`);
  const a = await source.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error(`handle ${from.join(".")} or ${to.join(".")} is not on screen`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** The seed sample's two steps, named in the UI's language: its palette buttons and new node names. */
export interface SeedSteps {
  palette: Locator;
  search: Locator;
  read: { button: string; node: string };
  convert: { button: string; node: string; query: string };
}

/**
 * Builds the seed sample's graph as a user does: Read Table dragged to the left of the canvas,
 * Data Type Conversion found by `query`, added with Enter, dragged to its right (a real pointer
 * drag, so the move is one undoable change) and connected outputTable -> inputTable.
 */
export async function buildSeedGraph(designer: DesignerPage, s: SeedSteps): Promise<void> {
  const page = designer.page;
  const box = await designer.canvas.boundingBox();
  if (!box) throw new Error("no canvas");
  await s.palette
    .getByRole("button", { name: s.read.button, exact: true })
    .dragTo(designer.canvas, { targetPosition: { x: box.width * 0.3, y: box.height * 0.35 } });
  await expect(designer.node(s.read.node)).toBeVisible();
  await s.search.fill(s.convert.query);
  await s.palette.getByRole("button", { name: s.convert.button, exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(designer.node(s.convert.node)).toBeVisible();
  const from = await designer.node(s.convert.node).boundingBox();
  if (!from) throw new Error("node not on screen");
  await page.mouse.move(from.x + 40, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.35 + from.height / 2, { steps: 10 });
  await page.mouse.up();
  await dragConnection(designer, [s.read.node, "outputTable"], [s.convert.node, "inputTable"]);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
}
