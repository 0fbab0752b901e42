import { CreateRunRequestSchema } from "@pfd/shared";
import { beforeEach, describe, expect, it } from "vitest";
import {
  buildCreateRunRequest,
  checkRunSettings,
  DEFAULT_RUN_SETTINGS,
  loadRunSettings,
  type RunSettings,
  saveRunSettings,
} from "./settings";

beforeEach(() => localStorage.clear());

describe("remembered run settings", () => {
  it("are kept per pipeline", () => {
    saveRunSettings(localStorage, "p1", { ...DEFAULT_RUN_SETTINGS, workspaceId: "ws-1" });
    saveRunSettings(localStorage, "p2", { ...DEFAULT_RUN_SETTINGS, runName: "nightly" });
    expect(loadRunSettings(localStorage, "p1").workspaceId).toBe("ws-1");
    expect(loadRunSettings(localStorage, "p1").runName).toBe("");
    expect(loadRunSettings(localStorage, "p2").runName).toBe("nightly");
    expect(loadRunSettings(localStorage, "p3")).toEqual(DEFAULT_RUN_SETTINGS);
  });

  it("repair a damaged entry field by field", () => {
    localStorage.setItem(
      "pfd.run-settings.p",
      JSON.stringify({ workspaceId: 7, runName: "ok", accessibility: "SHARED" }),
    );
    expect(loadRunSettings(localStorage, "p")).toEqual({ ...DEFAULT_RUN_SETTINGS, runName: "ok" });
    localStorage.setItem("pfd.run-settings.q", "{not json");
    expect(loadRunSettings(localStorage, "q")).toEqual(DEFAULT_RUN_SETTINGS);
  });
});

describe("checkRunSettings", () => {
  it("names each field the server would refuse", () => {
    const bad: RunSettings = {
      ...DEFAULT_RUN_SETTINGS,
      workspaceId: "my workspace",
      mlflowExperimentId: "exp 1",
      maxComputeEndpoint: "service.cn-hangzhou",
    };
    expect(Object.keys(checkRunSettings(bad)).sort()).toEqual(
      ["maxComputeEndpoint", "maxComputeProject", "mlflowExperimentId", "workspaceId"].sort(),
    );
    expect(checkRunSettings(DEFAULT_RUN_SETTINGS)).toEqual({});
  });
});

describe("buildCreateRunRequest", () => {
  it("sends only the manifest and start-now by default", () => {
    expect(
      buildCreateRunRequest("m", DEFAULT_RUN_SETTINGS, { mode: "local", region: "cn-hangzhou" }),
    ).toEqual({
      manifest: "m",
      noConfirmRequired: true,
    });
  });

  it("maps every setting to the contract's fields, accepted by the contract", () => {
    const settings: RunSettings = {
      workspaceId: " ws-9 ",
      runName: "nightly",
      maxComputeProject: "my_proj",
      maxComputeEndpoint: "",
      accessibility: "PRIVATE",
      mlflowExperimentId: "exp-12",
      createWithoutStarting: true,
      runEverythingAgain: true,
    };
    const request = buildCreateRunRequest(
      "m",
      settings,
      { mode: "cloud", region: "cn-shanghai" },
      {
        mode: "one",
        step: "evaluate",
      },
    );
    expect(CreateRunRequestSchema.parse(request)).toEqual(request);
    expect(request).toMatchObject({
      workspaceId: "ws-9",
      name: "nightly",
      accessibility: "PRIVATE",
      noConfirmRequired: false,
      options: '{"mlflow":{"experimentId":"exp-12"}}',
      scope: { mode: "one", step: "evaluate" },
      reuse: false,
    });
    const args = JSON.parse(request.arguments ?? "{}");
    expect(args.arguments.parameters[0]).toEqual({
      name: "execution_maxcompute",
      value: {
        endpoint: "http://service.cn-shanghai.maxcompute.aliyun.com/api",
        odpsProject: "my_proj",
        spec: { endpoint: "http://service.cn-shanghai.maxcompute.aliyun.com/api", odpsProject: "my_proj" },
        resourceType: "MaxCompute",
      },
    });
  });

  it("leaves MaxCompute out in local mode", () => {
    const request = buildCreateRunRequest(
      "m",
      { ...DEFAULT_RUN_SETTINGS, maxComputeProject: "p" },
      {
        mode: "local",
        region: "cn-hangzhou",
      },
    );
    expect(request.arguments).toBeUndefined();
  });
});
