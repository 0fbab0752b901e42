/** Automated accessibility checks (axe-core) on what the page shows now. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.1 A and AA rules, as axe tags them. */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Fails, listing each rule and the elements at fault, when axe finds a serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Transitions finished: a colour half-way through a theme switch is no colour a user sees.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  // Soft: one run reports every screen at fault, not only the first.
  expect.soft(serious, `axe on ${screen}`).toEqual([]);
}
