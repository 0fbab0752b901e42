/**
 * The run view as the browser tests drive it: the Run button, the "Run status" bar, node
 * statuses (`data-status` on each node element) and the step details drawer. Specs in
 * run*.spec.ts use it with the designer page object.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import type { DesignerPage } from "./support/test";

/** The embedded engine is quick, but a 13-step training pipeline on a shared machine is not instant. */
export const RUN_TIMEOUT = 120_000;

export class RunView {
  constructor(
    readonly page: Page,
    readonly designer: DesignerPage,
  ) {}

  get bar(): Locator {
    // Its accessible name in either language; the status lives in `data-status` either way.
    return this.page.getByRole("region", { name: /^(Run status|运行状态)$/ });
  }

  /** The run's status word in the bar. */
  get statusWord(): Locator {
    return this.bar.locator(".pfd-run-word[data-status]");
  }

  get details(): Locator {
    return this.page.getByRole("region", { name: /^(Run details|运行详情)$/ });
  }

  /** Opens a template from the Open menu as a new pipeline. */
  async openTemplate(name: RegExp, steps: number): Promise<void> {
    await this.designer.button("Open").click();
    await this.page.getByRole("button", { name }).click();
    await expect(this.designer.nodes).toHaveCount(steps);
  }

  /** Clicks Run and returns the new run's id once the bar shows it. */
  async run(): Promise<string> {
    const id = this.bar.locator(".pfd-run-id code");
    const before = (await id.count()) > 0 ? await id.textContent() : null;
    await this.designer.button("Run").click();
    await expect(id).toHaveText(/\S+/);
    if (before) await expect(id).not.toHaveText(before);
    return (await id.textContent()) ?? "";
  }

  /**
   * Runs with Run settings' "Run everything again" on (the request's `reuse: false`), then turns
   * it off again: a test that shows a fresh run does not depend on what earlier tests ran (their
   * unchanged steps would be Reused), and later runs of the test reuse as usual.
   */
  async runEverythingAgain(): Promise<string> {
    return this.everythingAgain(() => this.run());
  }

  /** Does `act` with Run settings' "Run everything again" on, then turns it off (see `runEverythingAgain`). */
  async everythingAgain<T>(act: () => Promise<T>): Promise<T> {
    await this.setRunEverythingAgain(true);
    try {
      return await act();
    } finally {
      await this.setRunEverythingAgain(false);
    }
  }

  private async setRunEverythingAgain(on: boolean): Promise<void> {
    await this.page.getByRole("button", { name: /^(Run settings|运行设置)$/ }).click();
    const dialog = this.page.getByRole("dialog", { name: /^(Run settings|运行设置)$/ });
    await dialog.getByRole("checkbox", { name: /^(Run everything again|全部重新运行)$/ }).setChecked(on);
    await dialog.getByRole("button", { name: /^(Save|保存)$/ }).click();
    await expect(dialog).toBeHidden();
  }

  /** Waits for the run's final status word. */
  async waitForStatus(status: string, timeout = RUN_TIMEOUT): Promise<void> {
    await expect(this.statusWord).toHaveAttribute("data-status", status, { timeout });
  }

  /** The `data-status` of every node, by its display name. */
  async nodeStatuses(): Promise<Record<string, string | null>> {
    const out: Record<string, string | null> = {};
    for (const node of await this.designer.nodes.all()) {
      out[(await node.getAttribute("aria-label")) ?? "?"] = await node.getAttribute("data-status");
    }
    return out;
  }

  /** Selects a node, which opens its details, and shows one tab. */
  async openStep(displayName: string, tab: "Logs" | "Outputs"): Promise<void> {
    await this.designer.node(displayName).click();
    await expect(this.details).toBeVisible();
    await this.details.getByRole("tab", { name: tab }).click();
  }

  /** Shows another step in the open details, by its step name (the details' own step list). */
  async pickStep(stepName: string): Promise<void> {
    const select = this.details.getByRole("combobox", { name: "Step" });
    const option = select.locator("option", { hasText: new RegExp(`^${stepName} \\(`) });
    await select.selectOption({ label: (await option.textContent()) ?? stepName });
  }

  get logs(): Locator {
    return this.details.getByRole("log");
  }
}
