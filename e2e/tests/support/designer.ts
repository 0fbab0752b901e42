/**
 * Page object of the designer: every test drives the app through the accessible names the issue
 * fixes ("YAML", "Export YAML", "Import YAML", node aria-labels), so a renamed control fails here
 * once rather than in every spec.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { REPO_ROOT } from "./fixtures";

// Test runs keep their screenshots out of the tree; `npm run screenshots` refreshes the README's.
const SCREENSHOT_DIR = resolve(REPO_ROOT, process.env.SCREENSHOT_DIR ?? "test-results/screenshots");

const cssString = (s: string) => JSON.stringify(s);

export class DesignerPage {
  constructor(readonly page: Page) {}

  /** Opens the app and waits for the canvas. */
  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.canvas).toBeVisible();
  }

  get canvas(): Locator {
    return this.page.locator(".react-flow").first();
  }

  /** All step nodes on the canvas. */
  get nodes(): Locator {
    return this.page.locator(".react-flow__node");
  }

  /** The node whose aria-label (the step's display name) is exactly `displayName`. */
  node(displayName: string): Locator {
    return this.page.locator(`.react-flow__node[aria-label=${cssString(displayName)}]`);
  }

  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  // ---- YAML panel ----

  get yamlPanel(): Locator {
    return this.page.getByRole("region", { name: "YAML", exact: true });
  }

  /** The editable text of the YAML panel (CodeMirror's content element). */
  get yamlEditor(): Locator {
    return this.yamlPanel.locator(".cm-content");
  }

  /** The problems the YAML panel lists for its text. */
  get yamlProblems(): Locator {
    return this.yamlPanel.getByRole("list", { name: "YAML problems" }).getByRole("listitem");
  }

  /** Waits for the lazily loaded editor. */
  async openYaml(): Promise<void> {
    await expect(this.yamlEditor).toBeVisible();
  }

  /**
   * The whole text of the YAML panel, read through its Copy button and the clipboard (the
   * editor only renders the lines in view).
   */
  async yamlText(): Promise<string> {
    await this.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await this.openYaml();
    await this.yamlSettled();
    await this.yamlPanel.getByRole("button", { name: "Copy YAML" }).click();
    await expect(this.yamlPanel.getByText("Copied")).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** The panel's status line ("In sync with the canvas", "Not applied: ...", ...). */
  get yamlStatus(): Locator {
    return this.yamlPanel.getByRole("status");
  }

  /** Waits until the text has caught up with the canvas and the last edit has been checked. */
  async yamlSettled(): Promise<void> {
    await expect(this.yamlStatus).not.toHaveText(/Updating|Checking/);
  }

  /** Replaces the editor's text as a user pasting over a selection would. */
  async setYaml(text: string): Promise<void> {
    await this.openYaml();
    await this.yamlEditor.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.insertText(text);
  }

  /** Rewrites the first occurrence of `from` in the panel's text. */
  async editYaml(from: string | RegExp, to: string): Promise<void> {
    const text = await this.yamlText();
    const next = text.replace(from, to);
    if (next === text) throw new Error(`editYaml: ${String(from)} not found in the YAML panel`);
    await this.setYaml(next);
  }

  // ---- import / export ----

  /** Clicks "Export YAML" and returns the download's file name and text. */
  async exportYaml(): Promise<{ fileName: string; text: string }> {
    const downloadPromise = this.page.waitForEvent("download");
    await this.button("Export YAML").click();
    const download = await downloadPromise;
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: readFileSync(path, "utf8") };
  }

  /** The file input labelled "Import YAML" (hidden; the button of that name opens it). */
  get importInput(): Locator {
    return this.page.locator('input[type="file"][aria-label="Import YAML"]');
  }

  /** Imports through the file picker, from a path or from text under a file name. */
  async importFile(file: string | { name: string; text: string }): Promise<void> {
    await this.importInput.setInputFiles(
      typeof file === "string"
        ? file
        : { name: file.name, mimeType: "application/yaml", buffer: Buffer.from(file.text, "utf8") },
    );
  }

  /** Imports by pasting into the "Paste YAML" dialog. */
  async pasteYaml(text: string): Promise<void> {
    await this.button("Paste YAML").click();
    const dialog = this.page.getByRole("dialog", { name: "Paste YAML" });
    await dialog.getByRole("textbox").fill(text);
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
  }

  /**
   * Pastes `text` where the focus is, as the system clipboard would (what another tab's copy put
   * there: nothing copied in this tab).
   */
  async pasteClipboard(text: string): Promise<void> {
    await this.page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData("text/plain", t);
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(event);
    }, text);
  }

  /** Drops a file on the page, as dragging it from the desktop does. */
  async dropFile(name: string, text: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, text }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: "application/yaml" }));
        return dt;
      },
      { name, text },
    );
    const target = this.canvas;
    await target.dispatchEvent("dragenter", { dataTransfer });
    await target.dispatchEvent("dragover", { dataTransfer });
    await target.dispatchEvent("drop", { dataTransfer });
  }

  /** The dialog listing the problems of a refused import. */
  get importProblems(): Locator {
    return this.page.getByRole("alertdialog", { name: /cannot be imported/ });
  }

  // ---- problems, persistence ----

  get problems(): Locator {
    return this.page.getByRole("list", { name: "Problems", exact: true }).getByRole("listitem");
  }

  get recentPipelines(): Locator {
    return this.page.getByRole("list", { name: "Recent pipelines" }).getByRole("listitem");
  }

  get inspector(): Locator {
    return this.page.getByRole("complementary", { name: "Inspector" });
  }

  // ---- tabs sharing a pipeline ----

  /** The notice that another tab edits the open pipeline (this one shows it read-only). */
  get openElsewhere(): Locator {
    return this.page.getByRole("status").filter({ hasText: "is open in another tab" });
  }

  /** The notice that another tab took the pipeline over before this tab's last changes were saved. */
  get takenOver(): Locator {
    return this.page.getByRole("alert").filter({ hasText: "before your last changes here were saved" });
  }

  /** Waits until autosave has written the open pipeline (the status line says so). */
  async waitForSaved(): Promise<void> {
    await expect(this.page.getByRole("status", { name: "Autosave" })).toHaveText(/Saved/);
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // Transitions finished: a theme switch just before must not show half-way colours.
    await this.page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), animations: "disabled" });
  }

  /** A screenshot of one part of the page (the top bar, a dialog). */
  async screenshotOf(part: Locator, name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await part.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), animations: "disabled" });
  }
}
