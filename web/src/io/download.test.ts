import type { PipelineGraph } from "@pfd/shared";
import { describe, expect, it } from "vitest";
import { yamlFileName } from "./download";

const named = (metadata: PipelineGraph["metadata"]) => ({ metadata }) as PipelineGraph;

describe("yamlFileName", () => {
  it("is the pipeline name, else its identifier, with .yaml", () => {
    expect(yamlFileName(named({ name: "source-transform", identifier: "my_pipeline" }))).toBe(
      "source-transform.yaml",
    );
    expect(yamlFileName(named({ identifier: "my_pipeline" }))).toBe("my_pipeline.yaml");
    expect(yamlFileName(named({}))).toBe("pipeline.yaml");
  });

  it("makes any name safe as a file name", () => {
    expect(yamlFileName(named({ name: "a/b:c*?" }))).toBe("a_b_c_.yaml");
    expect(yamlFileName(named({ name: "..hidden" }))).toBe("_hidden.yaml");
    expect(yamlFileName(named({ name: "   " }))).toBe("pipeline.yaml");
    expect(yamlFileName(named({ name: "烟雾预测" }))).toBe("烟雾预测.yaml");
  });
});
