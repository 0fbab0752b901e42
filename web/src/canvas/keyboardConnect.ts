/**
 * Connecting ports without a mouse. Every port is focusable (Tab reaches it through its step):
 * Enter on a port starts a connection from it; the arrow keys then move to the nearest port of
 * the other side in that direction, typing moves to the nearest one whose step or port name holds
 * the letters typed, Enter connects (the store refuses, with its notice, what cannot be), Escape
 * gives up and goes back to where it started. Each step is announced in a live region.
 */
import type { ReactFlowInstance } from "@xyflow/react";
import { createContext, type KeyboardEvent, type RefObject, useContext } from "react";
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import { type Msg, msg } from "../i18n";
import type { EditorStore } from "../store";
import { type Direction, findPort, nearestPort, type PortAt, type PortSide, portsOf } from "./ports";
import type { StepNode } from "./view";

interface PortRef {
  step: string;
  port: string;
  side: PortSide;
}

export interface PortKeysState {
  /** The port a connection was started from. */
  from: PortRef | null;
  /** What the live region says, worded in the page's language by the canvas. */
  message: Msg | null;
}

const ARROWS: Record<string, Direction> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
};

/** Typed letters older than this start a new search. */
const TYPE_AHEAD_MS = 1000;

/** The port a handle element stands for (React Flow writes its node and handle id on it). */
function portOf(el: HTMLElement): PortRef | null {
  const { nodeid, handleid } = el.dataset;
  if (!nodeid || !handleid) return null;
  return { step: nodeid, port: handleid, side: el.classList.contains("target") ? "input" : "output" };
}

const same = (a: PortRef, b: PortRef) => a.step === b.step && a.port === b.port && a.side === b.side;

type PortKeys = ReturnType<typeof createPortKeys>;

/** The canvas's port keys, for its nodes' handles; null where ports are not edited (a past run). */
export const PortKeysContext = createContext<PortKeys | null>(null);

const NO_STATE = createStore<PortKeysState>()(() => ({ from: null, message: null }));

/** "outputTable of Read Table-1", as announced. */
const portName = (p: Pick<PortAt, "port" | "stepLabel">) =>
  msg("portKeys.port", { port: p.port, step: p.stepLabel });

const CANCELLED = msg("portKeys.cancelled");

/** The port of this step a connection was started from, if any; re-renders only that step. */
export function usePortFrom(step: string): PortRef | null {
  const keys = useContext(PortKeysContext);
  return useStore(keys?.state ?? NO_STATE, (s) => (s.from?.step === step ? s.from : null));
}

export function createPortKeys(
  api: EditorStore,
  flow: ReactFlowInstance,
  wrapper: RefObject<HTMLDivElement | null>,
) {
  const state = createStore<PortKeysState>()(() => ({ from: null, message: null }));
  let typed = "";
  let typedAt = 0;

  const announce = (message: Msg) => state.setState({ message });
  const ports = (side: PortSide) => portsOf(flow.getNodes() as StepNode[], side);
  const find = (list: PortAt[], p: PortRef) => list.find((q) => same(q, p));

  const element = (p: PortRef) =>
    wrapper.current?.querySelector<HTMLElement>(
      `.react-flow__node[data-id="${CSS.escape(p.step)}"] .react-flow__handle[data-handleid="${CSS.escape(p.port)}"].${p.side === "input" ? "target" : "source"}`,
    ) ?? null;

  /** Brings a port into view if it is not, then gives it the focus. */
  function focusPort(p: PortAt) {
    const el = element(p);
    const box = wrapper.current?.getBoundingClientRect();
    const at = el?.getBoundingClientRect();
    const inView =
      box &&
      at &&
      at.left >= box.left &&
      at.right <= box.right &&
      at.top >= box.top &&
      at.bottom <= box.bottom;
    if (!inView) void flow.setCenter(p.x, p.y, { zoom: flow.getZoom() });
    // A port of a step drawn just now (scrolled into view) exists only a frame or two later.
    const focus = (tries: number) => {
      const now = element(p);
      now?.focus();
      if (document.activeElement !== now && tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    if (el && inView) el.focus();
    else focus(3);
  }

  function cancel(message: Msg) {
    const { from } = state.getState();
    state.setState({ from: null, message });
    if (from) {
      const back = find(ports(from.side), from);
      if (back) focusPort(back);
    }
  }

  function start(here: PortRef) {
    const other: PortSide = here.side === "output" ? "input" : "output";
    const all = ports(other);
    const origin = find(ports(here.side), here);
    if (!origin) return;
    const notOwn = (p: PortAt) => p.step === here.step;
    // Outputs feed steps to their right, inputs are fed from the left: start the search there.
    const first =
      nearestPort(all, origin, here.side === "output" ? "right" : "left", notOwn) ??
      nearestPort(all, origin, undefined, notOwn);
    state.setState({ from: here });
    typed = "";
    if (!first) {
      cancel(msg("portKeys.none", { side: other, port: portName(origin) }));
      return;
    }
    announce(msg("portKeys.start", { side: other, port: portName(origin) }));
    focusPort(first);
  }

  function finish(from: PortRef, here: PortRef) {
    const [source, target] = from.side === "output" ? [from, here] : [here, from];
    const ok = api.getState().connect({
      source: source.step,
      sourceOutput: source.port,
      target: target.step,
      targetInput: target.port,
    });
    state.setState({ from: null });
    const label = (p: PortRef) => {
      const at = find(ports(p.side), p);
      return at ? portName(at) : p.port;
    };
    const refusal = api.getState().notice?.message;
    announce(
      ok
        ? msg("portKeys.connected", { source: label(source), target: label(target) })
        : msg("portKeys.refused", { reason: refusal ?? msg("portKeys.refusedUnknown") }),
    );
  }

  /** Keys on a focused port (a handle element); handled keys go no further (not to the node). */
  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const here = portOf(e.currentTarget);
    if (!here || e.ctrlKey || e.metaKey || e.altKey) return;
    const { from } = state.getState();
    const choosing = from !== null && from.side !== here.side;
    let handled = true;
    if (e.key === "Enter" || e.key === " ") {
      if (choosing && from) finish(from, here);
      else if (from && same(from, here)) cancel(CANCELLED);
      else start(here);
    } else if (e.key === "Escape" && from) {
      cancel(CANCELLED);
    } else if (choosing && from && ARROWS[e.key]) {
      const list = ports(here.side);
      const at = find(list, here);
      const next = at && nearestPort(list, at, ARROWS[e.key], (p) => p.step === from.step || same(p, here));
      if (next) focusPort(next);
    } else if (choosing && from && (e.key.length === 1 || e.key === "Backspace")) {
      const now = Date.now();
      if (now - typedAt > TYPE_AHEAD_MS) typed = "";
      typedAt = now;
      typed = e.key === "Backspace" ? typed.slice(0, -1) : typed + e.key;
      const list = ports(here.side);
      const at = find(list, here) ?? { x: 0, y: 0 };
      const hit = findPort(list, typed, at, (p) => p.step === from.step);
      if (hit) focusPort(hit);
      else announce(msg("portKeys.noMatch", { side: here.side, typed }));
    } else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  /** Focus left the ports altogether (a click elsewhere, Tab away): the connection is given up. */
  function onBlur(e: { relatedTarget: EventTarget | null }) {
    if (!state.getState().from) return;
    const next = e.relatedTarget;
    if (next instanceof HTMLElement && next.classList.contains("react-flow__handle")) return;
    // Focus moving to a port drawn on the next frame passes through nothing: wait for it.
    requestAnimationFrame(() => {
      if (document.activeElement?.classList.contains("react-flow__handle")) return;
      if (state.getState().from) state.setState({ from: null, message: CANCELLED });
    });
  }

  return { state, onKeyDown, onBlur };
}
