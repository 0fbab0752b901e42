/** `test` with a `designer` page object already on the app; specs import `test` and `expect` from here. */
import { test as base, expect } from "@playwright/test";
import { DesignerPage } from "./designer";

export const test = base.extend<{ designer: DesignerPage }>({
  designer: async ({ page }, use) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await use(designer);
  },
});

export { DesignerPage } from "./designer";
export * from "./fixtures";
export * from "./generate";
export { expect };
