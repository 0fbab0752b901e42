import { expect, fixturePath, parseStream, readFixture, test } from "./support/test";

const ROUND_TRIP_FIXTURES = [
  "seed-sample.yaml",
  "designer-export.yaml",
  "multi-doc-loop.yaml",
  "sdk-style.yaml",
  "unknown-component.yaml",
];

test.describe("Import and export", () => {
  for (const name of ROUND_TRIP_FIXTURES) {
    test(`${name}: import then export gives the same manifest`, async ({ designer }) => {
      const original = readFixture(name);
      await designer.importFile(fixturePath(name));
      await expect(designer.page.getByText(`Imported ${name}`)).toBeVisible();
      const steps =
        (parseStream(original).at(-1) as { spec?: { pipelines?: unknown[] } }).spec?.pipelines ?? [];
      await expect(designer.nodes).toHaveCount(steps.length);
      const { text } = await designer.exportYaml();
      expect(parseStream(text, { ignorePositions: true })).toEqual(
        parseStream(original, { ignorePositions: true }),
      );
    });
  }

  test("export is named after the pipeline and carries the canvas positions", async ({ designer }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await expect(designer.nodes).toHaveCount(2);
    const { fileName, text } = await designer.exportYaml();
    expect(fileName).toBe("source-transform.yaml");
    expect(text).toMatch(/designer\.paiflow\/position: "-?\d+,-?\d+"/);
    // The positions make a re-import open exactly as it was.
    const box = await designer.node("Data Type Conversion-1").boundingBox();
    await designer.importFile({ name: "again.yaml", text });
    await expect(designer.page.getByText("Imported again.yaml")).toBeVisible();
    expect(await designer.node("Data Type Conversion-1").boundingBox()).toEqual(box);
  });

  test("import, edit in YAML, export: only the edit differs", async ({ designer }) => {
    const original = readFixture("designer-export.yaml");
    await designer.importFile(fixturePath("designer-export.yaml"));
    await designer.openYaml();
    const text = await designer.yamlText();
    const firstName = /displayName: "([^"]+)"/.exec(text)?.[1] ?? "";
    await designer.setYaml(text.replace(`displayName: "${firstName}"`, 'displayName: "Edited in YAML"'));
    await expect(designer.node("Edited in YAML")).toBeVisible();
    const exported = await designer.exportYaml();
    const expected = original.replace(`displayName: "${firstName}"`, 'displayName: "Edited in YAML"');
    expect(parseStream(exported.text, { ignorePositions: true })).toEqual(
      parseStream(expected, { ignorePositions: true }),
    );
  });

  test("a broken file shows its problems and leaves the open pipeline untouched", async ({ designer }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await expect(designer.nodes).toHaveCount(2);
    const before = await designer.exportYaml();

    await designer.importFile(fixturePath("broken/syntax-error.yaml"));
    const dialog = designer.importProblems;
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName("syntax-error.yaml cannot be imported");
    await expect(dialog.getByRole("listitem").first()).toContainText(/^syntax-error\.yaml:\d+:\d+ error: /);
    await expect(dialog.getByRole("button", { name: "Open anyway" })).toHaveCount(0);
    await designer.screenshot("import-problems");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toHaveCount(0);

    await designer.importFile(fixturePath("broken/dangling-reference.yaml"));
    await expect(designer.importProblems.getByRole("listitem").first()).toContainText(
      /^dangling-reference\.yaml:\d+:\d+ error: /,
    );
    await designer.page.keyboard.press("Escape");
    await expect(designer.importProblems).toHaveCount(0);
    await expect(designer.node("Read-Table-1")).toBeVisible();

    // A readable file that only fails validation may still be opened, on request; the pipeline
    // it replaced stays in Recent.
    await designer.importFile(fixturePath("broken/dangling-reference.yaml"));
    await designer.importProblems.getByRole("button", { name: "Open anyway" }).click();
    await expect(designer.node("Read-Table-1")).toHaveCount(0);
    await expect(designer.problems.filter({ hasText: "error" }).first()).toBeVisible();
    await designer.button("Open").click();
    await designer.recentPipelines
      .filter({ hasText: "source-transform" })
      // Both pipelines are named source-transform: take the one not open now.
      .filter({ hasNotText: "(open)" })
      .getByRole("button")
      .first()
      .click();

    await expect(designer.node("Read-Table-1")).toBeVisible();
    await expect(designer.nodes).toHaveCount(2);
    expect((await designer.exportYaml()).text).toBe(before.text);
  });

  test("a dropped .yaml file imports", async ({ designer }) => {
    await designer.dropFile("dropped.yaml", readFixture("sdk-style.yaml"));
    await expect(designer.page.getByText("Imported dropped.yaml")).toBeVisible();
    const steps = (parseStream(readFixture("sdk-style.yaml")).at(-1) as { spec: { pipelines: unknown[] } })
      .spec.pipelines;
    await expect(designer.nodes).toHaveCount(steps.length);
  });

  test("a dropped broken file is refused with its problems", async ({ designer }) => {
    await designer.importFile(fixturePath("seed-sample.yaml"));
    await expect(designer.nodes).toHaveCount(2);
    await designer.dropFile("bad.yaml", "apiVersion: core/v1\nmetadata: [\n");
    await expect(designer.importProblems).toHaveAccessibleName("bad.yaml cannot be imported");
    await expect(designer.importProblems.getByRole("listitem").first()).toContainText(
      /^bad\.yaml:\d+:\d+ error/,
    );
    await designer.importProblems.getByRole("button", { name: "Close" }).click();
    await expect(designer.nodes).toHaveCount(2);
  });

  test("pasted YAML imports; broken pasted YAML keeps the dialog open with its problems", async ({
    designer,
  }) => {
    await designer.pasteYaml("apiVersion: core/v1\nmetadata: {name: x}\nspec: {pipelines: [\n");
    await expect(designer.importProblems).toHaveAccessibleName("pasted text cannot be imported");
    await designer.importProblems.getByRole("button", { name: "Close" }).click();
    const dialog = designer.page.getByRole("dialog", { name: "Paste YAML" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("textbox").fill(readFixture("seed-sample.yaml"));
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(designer.node("Read-Table-1")).toBeVisible();
    await expect(designer.node("Data Type Conversion-1")).toBeVisible();
  });
});
