/**
 * Drives the pure rules of `sync.ts` from the editor store: graph changes from elsewhere reach
 * the text (once changes pause: a drag does not serialize every frame), and the text is evaluated a
 * moment after the user stops typing.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useEditorApi } from "../store";
import { useYamlBridgeApi } from "./bridge";
import { graphToYamlAsync, readManifestTextAsync, WORKER_TEXT_THRESHOLD } from "./readInWorker";
import {
  type Evaluation,
  edited,
  evaluate,
  graphChanged,
  hasUnappliedEdits,
  initialSync,
  type SyncState,
  settle,
  takeGraph,
} from "./sync";

const EVALUATE_DELAY_MS = 300;
const PUSH_DELAY_MS = 120;

export interface YamlSync {
  state: SyncState;
  /** Text edits waiting for evaluation. */
  checking: boolean;
  /** A graph change not yet in the text (it arrives within PUSH_DELAY_MS). */
  updating: boolean;
  onEdit(text: string): void;
  /** Drop unapplied edits and show the graph's YAML. */
  takeCanvasVersion(): void;
}

export function useYamlSync(): YamlSync {
  const api = useEditorApi();
  const bridge = useYamlBridgeApi();
  const [state, setState] = useState<SyncState>(() => initialSync(api.getState().graph));
  const current = useRef(state);
  const [checking, setChecking] = useState(false);
  const [updating, setUpdating] = useState(false);

  // Every transition goes through here, so timers always start from the latest state.
  const update = useCallback((next: SyncState) => {
    if (next === current.current) return;
    current.current = next;
    setState(next);
  }, []);

  // Graph -> text.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let load = false;
    let pushes = 0;
    let disposed = false;
    const unsubscribe = api.events.subscribe((e) => {
      // No new graph to show: marking it saved changes nothing in it, and our own edit coming back
      // is in the text already, in the user's own formatting.
      if (e.type === "graphSaved" || (e.type === "graphEdited" && e.source === "yaml")) return;
      // Another pipeline (import, template, reopen) replaces the text even over unapplied edits; a
      // newer version of this one from another tab is a change like any other (unapplied edits stay).
      if (e.type === "graphLoaded" && e.reason !== "refresh") load = true;
      // Trailing: a drag moves steps every frame; the text follows once it pauses.
      if (timer !== undefined) clearTimeout(timer);
      else setUpdating(true);
      const push = ++pushes;
      timer = setTimeout(() => {
        timer = undefined;
        const graph = api.getState().graph;
        // A large pipeline's YAML is written in the worker (the canvas goes on meanwhile); a newer
        // change arriving before it is done makes this one stale.
        void graphToYamlAsync(graph).then(() => {
          if (push !== pushes || disposed) return;
          update(load ? takeGraph(graph) : graphChanged(current.current, graph));
          load = false;
          setUpdating(false);
        });
      }, PUSH_DELAY_MS);
    });
    return () => {
      disposed = true;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [api, update]);

  // Text -> graph, once typing pauses.
  const text = state.text;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-evaluate exactly when the text changes.
  useEffect(() => {
    setChecking(true);
    let stale = false;
    const finish = (result: Evaluation | null) => {
      if (stale || !result) return;
      setChecking(false);
      update(result.state);
      if (result.apply) api.getState().applyGraph(result.apply, "yaml");
    };
    const timer = setTimeout(() => {
      const st = current.current;
      const { graph, components } = api.getState();
      if (!hasUnappliedEdits(st) || st.text.length < WORKER_TEXT_THRESHOLD) {
        finish(evaluate(st, graph, components));
        return;
      }
      // A large edit is read in a worker; typing on meanwhile makes this result stale.
      void readManifestTextAsync(st.text, graph, components).then((result) =>
        finish(settle(current.current, st.text, result)),
      );
    }, EVALUATE_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, api, update]);

  useEffect(() => {
    // While an edit waits to be checked its problems are not known yet: keep showing the last ones.
    if (!hasUnappliedEdits(state)) bridge.getState().setPending([]);
    else if (!checking) bridge.getState().setPending(state.problems);
  }, [state, checking, bridge]);
  useEffect(() => () => bridge.getState().setPending([]), [bridge]);

  const onEdit = useCallback((t: string) => update(edited(current.current, t)), [update]);
  const takeCanvasVersion = useCallback(() => update(takeGraph(api.getState().graph)), [api, update]);
  return { state, checking, updating, onEdit, takeCanvasVersion };
}
