/**
 * The canvas: refused connections say why, edges select and delete, selection with keyboard
 * shortcuts (copy/paste/duplicate/select all/delete), undo/redo, context menus, auto layout.
 */
import { dragConnection } from "./canvas-drag";
import { clip, copiedStep } from "./support/clipboard";
import { expect, test } from "./support/test";

type Seed = [
  name: string,
  component: string,
  display: string,
  position: string,
  inputs: [string, string, string][],
  params: [string, string][],
];

/** src -> rf -> pred(model), src -> pred(inputTable), pred -> conv -> conv2; src2 alone. Valid, so it imports. */
const SEED: Seed[] = [
  ["src", "data_source", "Read Table-1", "0,0", [], [["inputTableName", "proj.t"]]],
  ["src2", "data_source", "Read Table-2", "0,220", [], [["inputTableName", "proj.t2"]]],
  [
    "rf",
    "random_forests_1",
    "Random Forest-1",
    "320,-110",
    [["inputTable", "src", "outputTable"]],
    [
      ["featureColNames", "a,b"],
      ["labelColName", "y"],
    ],
  ],
  [
    "pred",
    "Prediction_1",
    "Prediction-1",
    "640,0",
    [
      ["model", "rf", "model"],
      ["inputTable", "src", "outputTable"],
    ],
    [],
  ],
  ["conv", "type_transform", "Data Type Conversion-1", "960,0", [["inputTable", "pred", "outputTable"]], []],
  [
    "conv2",
    "type_transform",
    "Data Type Conversion-2",
    "1280,0",
    [["inputTable", "conv", "outputTable"]],
    [],
  ],
];

const stepYaml = ([name, id, display, pos, inputs, params]: Seed) => `    - apiVersion: "core/v1"
      metadata:
        provider: "pai"
        version: "v1"
        identifier: "${id}"
        name: "${name}"
        displayName: "${display}"
        annotations:
          designer.paiflow/position: "${pos}"
      spec:
        arguments:
          artifacts:
${inputs.map(([port, from, out]) => `            - name: "${port}"\n              from: "{{pipelines.${from}.outputs.artifacts.${out}}}"\n`).join("")}          parameters:
${params.map(([k, v]) => `            - name: "${k}"\n              value: "${v}"\n`).join("")}            - name: "execution"
              from: "{{inputs.parameters.execution_maxcompute}}"
        dependencies:
${[...new Set(inputs.map((i) => i[1]))].map((d) => `          - "${d}"\n`).join("")}`;

const GRAPH = `apiVersion: "core/v1"
metadata:
  version: "v1"
  identifier: "canvas_test"
  name: "canvas-test"
spec:
  inputs:
    parameters:
      - name: "execution_maxcompute"
        type: "Map"
  pipelines:
${SEED.map(stepYaml).join("")}`;

test.beforeEach(async ({ designer }) => {
  await designer.importFile({ name: "canvas-test.yaml", text: GRAPH });
  await expect(designer.nodes).toHaveCount(6);
  await expect(designer.page.locator(".react-flow__edge")).toHaveCount(5);
});

test("refused connections say why", async ({ designer, page }) => {
  const notice = page.getByRole("alert").filter({ hasText: /./ });
  const cases: [[string, string], [string, string], RegExp][] = [
    [
      ["Data Type Conversion-2", "outputTable"],
      ["Data Type Conversion-2", "inputTable"],
      /cannot feed itself/,
    ],
    [
      ["Read Table-2", "outputTable"],
      ["Data Type Conversion-1", "inputTable"],
      /already fed by pred\.outputTable/,
    ],
    [["Data Type Conversion-2", "outputTable"], ["Random Forest-1", "inputTable"], /cycle/],
    [["Random Forest-1", "model"], ["Data Type Conversion-2", "inputTable"], /Type mismatch.*Model.*DataSet/],
  ];
  for (const [from, to, reason] of cases) {
    await dragConnection(designer, from, to);
    await expect(notice.filter({ hasText: reason }), `notice ${reason}`).toBeVisible();
    await expect(page.locator(".react-flow__edge")).toHaveCount(5);
  }
  await designer.screenshot("refused-connection");

  // Once the input is free, the same connection goes through.
  await page
    .locator('.react-flow__edge[aria-label="conv.outputTable to conv2.inputTable"]')
    .click({ force: true });
  await page.keyboard.press("Delete");
  await dragConnection(designer, ["Read Table-2", "outputTable"], ["Data Type Conversion-2", "inputTable"]);
  await expect(
    page.locator('.react-flow__edge[aria-label="src2.outputTable to conv2.inputTable"]'),
  ).toBeVisible();
});

test("edges select and delete; undo and redo every change", async ({ designer, page }) => {
  const edges = page.locator(".react-flow__edge");
  await page
    .locator('.react-flow__edge[aria-label="conv.outputTable to conv2.inputTable"]')
    .click({ force: true });
  await page.keyboard.press("Delete");
  await expect(edges).toHaveCount(4);

  await page.keyboard.press("ControlOrMeta+z");
  await expect(edges).toHaveCount(5);
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(edges).toHaveCount(4);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(edges).toHaveCount(5);
  await page.keyboard.press("Control+y");
  await expect(edges).toHaveCount(4);
  await designer.button("Undo").click();
  await expect(edges).toHaveCount(5);
  await designer.button("Redo").click();
  await expect(edges).toHaveCount(4);
});

test("select all, copy, paste, duplicate and delete with fresh names", async ({ designer, page }) => {
  await designer.node("Read Table-1").click();
  await page.keyboard.press("ControlOrMeta+c");
  await page.keyboard.press("ControlOrMeta+v");
  await expect(designer.node("Read Table-3")).toBeVisible();

  await designer.node("Data Type Conversion-1").click();
  await designer.node("Data Type Conversion-2").click({ modifiers: ["Shift"] });
  await page.keyboard.press("ControlOrMeta+d");
  await expect(designer.node("Data Type Conversion-3")).toBeVisible();
  await expect(designer.node("Data Type Conversion-4")).toBeVisible();
  // The edge between the two copies is copied too; edges from outside are not.
  await expect(page.locator(".react-flow__edge")).toHaveCount(6);

  await page.keyboard.press("Delete");
  await expect(designer.nodes).toHaveCount(7);
  await page.keyboard.press("ControlOrMeta+a");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(7);
  await page.keyboard.press("ControlOrMeta+x");
  await expect(designer.nodes).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+v");
  await expect(designer.nodes).toHaveCount(7);
  await expect(page.locator(".react-flow__edge")).toHaveCount(5);
  await expect(designer.node("Prediction-1")).toBeVisible();
});

test("pasted steps are checked before they touch the pipeline: a malformed list is refused with a notice", async ({
  designer,
  page,
}) => {
  const paste = (text: string) => designer.pasteClipboard(text);
  const step = copiedStep;
  const notice = page.getByRole("alert").filter({ hasText: /./ });

  await designer.canvas.click({ position: { x: 60, y: 420 } });
  await paste(clip([{ ...step, parameters: [{ name: "x", binding: { kind: "magic" } }] }]));
  await expect(notice).toContainText("Pasted steps refused: steps.0.parameters.0.binding");
  await paste(clip([{ ...step, dependencies: ["elsewhere"] }]));
  await expect(notice).toContainText("depends on elsewhere, which is not pasted");
  await expect(designer.nodes).toHaveCount(6);

  // The page goes on working: a well-formed list pastes, with a fresh display name.
  await paste(clip([step]));
  await expect(designer.node("Copied-1")).toBeVisible();
  await expect(designer.nodes).toHaveCount(7);
});

test("context menus rename, duplicate, delete and add", async ({ designer, page }) => {
  await designer.node("Random Forest-1").click({ button: "right" });
  const menu = page.getByRole("menu", { name: "Step actions" });
  await menu.getByRole("menuitem", { name: /Duplicate/ }).click();
  await expect(designer.node("Random Forest-2")).toBeVisible();

  await designer.node("Random Forest-2").click({ button: "right" });
  await menu.getByRole("menuitem", { name: /Rename/ }).click();
  const display = page.getByRole("complementary", { name: "Inspector" }).getByLabel("Display name");
  await expect(display).toBeFocused();
  await page.keyboard.type("Forest B");
  await expect(designer.node("Forest B")).toBeVisible();

  // F2 renames the selected step too.
  await designer.node("Forest B").click();
  await page.keyboard.press("F2");
  await expect(display).toBeFocused();
  await page.keyboard.press("Escape");

  await designer.node("Forest B").click({ button: "right" });
  await menu.getByRole("menuitem", { name: /Delete/ }).click();
  await expect(designer.nodes).toHaveCount(6);

  await designer.canvas.click({ button: "right", position: { x: 60, y: 400 } });
  const paneMenu = page.getByRole("menu", { name: "Canvas actions" });
  await paneMenu.getByRole("menuitem", { name: /Add component/ }).click();
  await paneMenu.getByLabel("Find a component to add").fill("拆分");
  await page.keyboard.press("Enter");
  await expect(designer.node("Split-1")).toBeVisible();
});

test("auto layout leaves no step on another; fit view shows them all", async ({ designer, page }) => {
  const boxes = async () =>
    designer.nodes.evaluateAll((ns) =>
      ns.map((n) => n.getBoundingClientRect()).map((r) => [r.x, r.y, r.width, r.height]),
    );
  await designer.button("Auto layout").click();
  await designer.button("Fit view").click();
  await page.waitForTimeout(400);
  const rects = await boxes();
  const canvas = await designer.canvas.boundingBox();
  if (!canvas) throw new Error("no canvas");
  for (const [i, a] of rects.entries()) {
    const [ax = 0, ay = 0, aw = 0, ah = 0] = a;
    expect(ax).toBeGreaterThanOrEqual(canvas.x);
    expect(ax + aw).toBeLessThanOrEqual(canvas.x + canvas.width);
    for (const b of rects.slice(i + 1)) {
      const [bx = 0, by = 0, bw = 0, bh = 0] = b;
      const overlap = ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
      expect(overlap).toBe(false);
    }
  }
  await designer.screenshot("canvas");
  await designer.button("Undo").click();
});
