/**
 * What the YAML panel shares with the rest of the page: the problems of YAML text the canvas does
 * not show yet (edits that do not validate), and requests to reveal a line (from the Problems
 * list). One bridge per editor store, found from the store itself, so it needs no provider.
 */
import type { Problem } from "@pfd/shared";
import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import { type EditorStore, useEditorApi } from "../store";

export interface RevealRequest {
  line: number;
  col: number;
  /** Distinguishes two requests for the same line. */
  nonce: number;
}

export interface YamlBridgeState {
  /** Problems of the panel's text while it differs from the canvas (empty when in sync). */
  pending: readonly Problem[];
  reveal: RevealRequest | null;
  setPending(problems: readonly Problem[]): void;
  revealLine(line: number, col?: number): void;
}

export type YamlBridge = StoreApi<YamlBridgeState>;

function createYamlBridge(): YamlBridge {
  let nonce = 0;
  return createStore<YamlBridgeState>()((set) => ({
    pending: [],
    reveal: null,
    setPending: (pending) => set({ pending }),
    revealLine: (line, col = 1) => set({ reveal: { line, col, nonce: ++nonce } }),
  }));
}

const bridges = new WeakMap<EditorStore, YamlBridge>();

/** The bridge of an editor (made on first use). */
export function bridgeFor(editor: EditorStore): YamlBridge {
  let bridge = bridges.get(editor);
  if (!bridge) {
    bridge = createYamlBridge();
    bridges.set(editor, bridge);
  }
  return bridge;
}

export function useYamlBridgeApi(): YamlBridge {
  return bridgeFor(useEditorApi());
}

export function useYamlBridge<T>(selector: (s: YamlBridgeState) => T): T {
  return useStore(useYamlBridgeApi(), selector);
}
