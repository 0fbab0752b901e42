import { describe, expect, it, vi } from "vitest";
import { createEventChannel, type EditorEvent } from "./events";

describe("event channel", () => {
  it("delivers in order to every subscriber until it unsubscribes; `on` picks one type", () => {
    const channel = createEventChannel<EditorEvent>();
    const all: string[] = [];
    const loads: string[] = [];
    const stop = channel.subscribe((e) => all.push(e.type));
    channel.on("graphLoaded", (e) => loads.push(e.reason));
    channel.emit({ type: "graphLoaded", reason: "import" });
    channel.emit({ type: "graphEdited", source: "canvas" });
    stop();
    channel.emit({ type: "graphLoaded", reason: "new" });
    expect(all).toEqual(["graphLoaded", "graphEdited"]);
    expect(loads).toEqual(["import", "new"]);
  });

  it("a throwing subscriber is reported without keeping the others from the event", () => {
    const channel = createEventChannel<EditorEvent>();
    // The error is rethrown from a microtask, where the browser reports it; caught here to look at.
    const queued: VoidFunction[] = [];
    const spy = vi.spyOn(globalThis, "queueMicrotask").mockImplementation((f) => queued.push(f));
    const after = vi.fn();
    channel.subscribe(() => {
      throw new Error("subscriber bug");
    });
    channel.subscribe(after);
    channel.emit({ type: "graphSaved" });
    spy.mockRestore();
    expect(after).toHaveBeenCalledWith({ type: "graphSaved" });
    expect(queued).toHaveLength(1);
    expect(() => queued[0]?.()).toThrow("subscriber bug");
  });
});
