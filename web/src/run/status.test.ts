import { describe, expect, it } from "vitest";
import { formatDuration } from "../i18n";
import { testT } from "../i18n/test-utils";
import { elapsedMs, isTerminal, statusKind } from "./status";
import { statusText } from "./text";

describe("statusKind", () => {
  it("groups PAIFlow's words into the kinds the canvas draws", () => {
    expect(statusKind("ReadyToSchedule")).toBe("waiting");
    expect(statusKind("Initialized")).toBe("waiting");
    expect(statusKind("WorkflowServiceStarting")).toBe("waiting");
    expect(statusKind("Running")).toBe("running");
    expect(statusKind("Terminating")).toBe("running");
    expect(statusKind("Succeeded")).toBe("succeeded");
    expect(statusKind("Failed")).toBe("failed");
    expect(statusKind("Skipped")).toBe("skipped");
    expect(statusKind("Terminated")).toBe("terminated");
  });

  it("draws an unheard-of status as unknown instead of failing", () => {
    expect(statusKind("Hibernating")).toBe("unknown");
    expect(statusKind(undefined)).toBe("unknown");
    expect(statusKind("constructor")).toBe("unknown");
  });
});

describe("isTerminal", () => {
  it("is true only for the statuses after which nothing changes", () => {
    for (const s of ["Succeeded", "Failed", "Terminated", "Skipped"]) expect(isTerminal(s)).toBe(true);
    for (const s of ["Initialized", "Running", "Terminating", "ReadyToSchedule", "Unknown", undefined]) {
      expect(isTerminal(s)).toBe(false);
    }
  });
});

describe("statusText", () => {
  it("keeps PAIFlow's word and softens the internal ones", () => {
    const t = testT("en");
    expect(statusText(t, "Succeeded")).toBe("Succeeded");
    expect(statusText(t, "ReadyToSchedule")).toBe("Waiting");
    expect(statusText(t, undefined)).toBe("Not run");
    expect(statusText(t, "Hibernating")).toBe("Hibernating");
  });

  it("speaks the PAI console's Chinese in zh-CN", () => {
    const t = testT("zh-CN");
    expect(statusText(t, "Running")).toBe("运行中");
    expect(statusText(t, "Succeeded")).toBe("成功");
    expect(statusText(t, "Failed")).toBe("失败");
    expect(statusText(t, "ReadyToSchedule")).toBe("等待中");
  });
});

describe("formatDuration", () => {
  it("formats each range compactly", () => {
    expect(formatDuration(850)).toBe("850ms");
    expect(formatDuration(12_400)).toBe("12s");
    expect(formatDuration(185_000)).toBe("3m 05s");
    expect(formatDuration(3_720_000)).toBe("1h 02m");
  });

  it("shows 0s for negative or missing durations", () => {
    expect(formatDuration(-5)).toBe("0s");
    expect(formatDuration(Number.NaN)).toBe("0s");
  });

  it("says the units in Chinese in zh-CN", () => {
    expect(formatDuration(850, "zh-CN")).toBe("850毫秒");
    expect(formatDuration(12_400, "zh-CN")).toBe("12秒");
    expect(formatDuration(185_000, "zh-CN")).toBe("3分钟05秒");
    expect(formatDuration(3_720_000, "zh-CN")).toBe("1小时02分钟");
  });
});

describe("elapsedMs", () => {
  const t0 = "2026-01-01T00:00:00Z";
  it("measures to the finish time, or to now while running", () => {
    expect(elapsedMs(t0, "2026-01-01T00:00:05Z", 0)).toBe(5000);
    expect(elapsedMs(t0, null, Date.parse(t0) + 1234)).toBe(1234);
  });
  it("is undefined before a start time exists or when times are unreadable", () => {
    expect(elapsedMs(undefined, undefined, 0)).toBeUndefined();
    expect(elapsedMs("yesterday", undefined, 0)).toBeUndefined();
  });
});
