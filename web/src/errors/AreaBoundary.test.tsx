import type { PipelineGraph } from "@pfd/shared";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { inChinese, inEnglish } from "../i18n/test-utils";
import { readManifestText } from "../io/codec";
import { createEditorStore, EditorProvider, selectStepCount, useEditor } from "../store";
import { AreaBoundary } from "./AreaBoundary";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const seedGraph = (): PipelineGraph => {
  const r = readManifestText(seed);
  if (!r.ok) throw new Error("seed must read");
  return r.graph;
};

/** Fails to draw while the pipeline has more than two steps. */
function Fragile() {
  const steps = useEditor(selectStepCount);
  if (steps > 2) throw new TypeError("cannot draw a third step");
  return <p>{steps} steps drawn</p>;
}

function setup(wrapper = inEnglish) {
  const sent: unknown[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ requestId: "req-7" }), { status: 202 });
    }),
  );
  vi.spyOn(console, "error").mockImplementation(() => {});
  const store = createEditorStore({ graph: seedGraph() }, { validate: () => [] });
  render(
    <EditorProvider store={store}>
      <AreaBoundary area="inspector">
        <Fragile />
      </AreaBoundary>
      <p>the rest of the page</p>
    </EditorProvider>,
    { wrapper },
  );
  return { store, sent };
}

describe("AreaBoundary", () => {
  it("shows what broke in place of its area only, and reports it with the request id", async () => {
    const { store, sent } = setup();
    expect(screen.getByText("2 steps drawn")).toBeTruthy();
    store.getState().addComponent("pai/type_transform/v1");
    const alert = await screen.findByRole("alert", { name: "The inspector failed" });
    expect(within(alert).getByText("TypeError: cannot draw a third step")).toBeTruthy();
    expect(await within(alert).findByText("Logged on the server as request req-7.")).toBeTruthy();
    expect(screen.getByText("the rest of the page")).toBeTruthy();
    expect(sent).toEqual([
      expect.objectContaining({ area: "inspector", name: "TypeError", message: "cannot draw a third step" }),
    ]);
    expect((sent[0] as { componentStack?: string }).componentStack).toContain("Fragile");
  });

  it("comes back when the change that broke it is undone", async () => {
    const { store } = setup();
    store.getState().addComponent("pai/type_transform/v1");
    const alert = await screen.findByRole("alert", { name: "The inspector failed" });
    await userEvent.click(within(alert).getByRole("button", { name: "Undo the last change" }));
    expect(await screen.findByText("2 steps drawn")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says so when the report cannot be sent", async () => {
    setup();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    render(
      <EditorProvider store={createEditorStore({ graph: seedGraph() }, { validate: () => [] })}>
        <AreaBoundary area="yaml">
          <Thrower />
        </AreaBoundary>
      </EditorProvider>,
      { wrapper: inEnglish },
    );
    const alert = await screen.findByRole("alert", { name: "The YAML panel failed" });
    expect(
      await within(alert).findByText("It could not be reported (the server did not answer)."),
    ).toBeTruthy();
  });

  it("speaks the page's language: what broke, the report and the ways on in Chinese", async () => {
    const { store } = setup(inChinese);
    store.getState().addComponent("pai/type_transform/v1");
    const alert = await screen.findByRole("alert", { name: "属性面板出错了" });
    expect(await within(alert).findByText("已记录在服务器日志中，请求 ID：req-7。")).toBeTruthy();
    for (const name of ["重新加载上次保存的状态", "撤销上一步更改", "重试"])
      expect(within(alert).getByRole("button", { name })).toBeTruthy();
  });
});

function Thrower(): never {
  throw new Error("no text");
}
