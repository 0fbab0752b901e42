/** Pointer gestures on the canvas shared by the canvas, inspector and seed-sample specs. */
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
