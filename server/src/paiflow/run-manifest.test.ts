import { describe, expect, it } from "vitest";
import { RecentManifests } from "./run-manifest";

describe("RecentManifests", () => {
  it("keeps manifests within its byte budget, dropping the least recently used first", () => {
    // Each 1,000-character text counts 2,000 bytes: three fit in 6,000, a fourth pushes one out.
    const recent = new RecentManifests(6_000);
    const text = (c: string) => c.repeat(1_000);
    recent.remember("flow-a", text("a"));
    recent.remember("flow-b", text("b"));
    recent.remember("flow-c", text("c"));
    expect(recent.get("flow-a")).toBe(text("a")); // now the most recently used
    recent.remember("flow-d", text("d"));
    expect(recent.get("flow-b")).toBeUndefined();
    expect([recent.get("flow-a"), recent.get("flow-c"), recent.get("flow-d")]).toEqual([
      text("a"),
      text("c"),
      text("d"),
    ]);
  });

  it("does not keep a text larger than the whole budget, and keeps what it had", () => {
    const recent = new RecentManifests(6_000);
    recent.remember("flow-small", "x".repeat(100));
    recent.remember("flow-huge", "y".repeat(3_001));
    expect(recent.get("flow-huge")).toBeUndefined();
    expect(recent.get("flow-small")).toBe("x".repeat(100));
  });

  it("holds 5 MB manifests only up to its default budget, not 200 of them", () => {
    const recent = new RecentManifests();
    const big = "z".repeat(5 * 1024 * 1024);
    for (let i = 0; i < 200; i++) recent.remember(`flow-${i}`, `${big}${i}`);
    const kept = Array.from({ length: 200 }, (_, i) => recent.get(`flow-${i}`)).filter(Boolean);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(recent.get("flow-199")).toBe(`${big}199`);
  });
});
