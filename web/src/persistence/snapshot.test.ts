import { describe, expect, it } from "vitest";
import { msg } from "../i18n/messages";
import { testT } from "../i18n/test-utils";
import { pipelineName, recordLabel } from "./snapshot";

describe("a pipeline's name in Recent and in notices", () => {
  it("is its display name, name or identifier; empty when it has none (older records said Untitled)", () => {
    expect(pipelineName({ displayName: " Orders ", name: "orders" })).toBe("Orders");
    expect(pipelineName({ identifier: "orders_v2" })).toBe("orders_v2");
    expect(pipelineName({ name: " " })).toBe("");
    expect(pipelineName({ name: "Untitled pipeline" })).toBe("");
  });

  it("a notice about a pipeline with no name says Untitled in the page's language", () => {
    const kept = (name: string) => msg("notice.copyKept", { name: recordLabel(name) });
    expect(testT().msg(kept("Orders"))).toContain("“Orders”");
    expect(testT().msg(kept(""))).toContain("“Untitled pipeline”");
    expect(testT("zh-CN").msg(kept("Untitled pipeline"))).toContain("“未命名工作流”");
  });
});
