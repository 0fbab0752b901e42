/**
 * The app shell loads the components the server offers (`/api/components`) and puts them in the
 * editor store; the palette, canvas, inspector and validation only read the store. The store
 * starts with the shared catalog, so nothing waits for the server; once it answers, its list is
 * the palette as it stands (the workspace's components, or the built-in ones when the workspace
 * cannot be read, then the user's own). A workspace component's ports and parameters are fetched
 * the first time a step of it is on the canvas.
 */
import {
  type ComponentSpec,
  type ComponentsResponse,
  catalog,
  componentKey,
  componentLookup,
  type PipelineGraph,
} from "@pfd/shared";
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { msg } from "./i18n";
import { errorMsg } from "./run/errors";
import { useEditorApi } from "./store";
import { workspaceApi } from "./workspace/api";

const componentsQuery = {
  queryKey: ["components"],
  queryFn: workspaceApi.components,
  retry: false,
  staleTime: 60_000,
} as const;

/**
 * Asks the server for the palette as soon as the page's script runs, before React has drawn
 * anything: a workspace of hundreds of components is then in hand by the first paint.
 */
export function prefetchComponents(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(componentsQuery);
}

/** The server's list (the catalog before it answers), each entry replaced by its fetched definition. */
export function paletteComponents(
  server: readonly ComponentSpec[] | undefined,
  defined: ReadonlyMap<string, ComponentSpec>,
): readonly ComponentSpec[] {
  if (!server) return catalog;
  if (defined.size === 0) return server;
  return server.map((c) => defined.get(componentKey(c)) ?? c);
}

/** Pending components that steps of `graph` use (by their full key: a step names all three parts). */
export function pendingInUse(graph: PipelineGraph, list: readonly ComponentSpec[]): ComponentSpec[] {
  const lookup = componentLookup(list);
  const out = new Map<string, ComponentSpec>();
  for (const step of graph.steps) {
    const c = lookup.byKey(componentKey(step.component));
    if (c?.pending) out.set(componentKey(c), c);
  }
  return [...out.values()];
}

/** Definitions fetched for one answer of the server; a new answer (a refresh) starts afresh. */
interface Definitions {
  readonly answer: ComponentsResponse | undefined;
  readonly byKey: ReadonlyMap<string, ComponentSpec>;
}

const NONE: ReadonlyMap<string, ComponentSpec> = new Map();

/** Keeps the store's component list, fetching the definitions steps need. */
export function useServerComponents(): void {
  const api = useEditorApi();
  const server = useQuery(componentsQuery);
  const answer = server.data;
  const [definitions, setDefinitions] = useState<Definitions>({ answer: undefined, byKey: NONE });
  // Query answers are structurally shared: a new object means the server's list changed.
  const defined = definitions.answer === answer ? definitions.byKey : NONE;
  const list = useMemo(() => paletteComponents(answer?.components, defined), [answer, defined]);
  useEffect(() => {
    api.getState().setComponents(list);
  }, [api, list]);

  // Each pending component is asked for once per answer; a failure is told and tried again on the
  // next change.
  const asked = useRef<{ answer: ComponentsResponse | undefined; keys: Set<string> }>({
    answer: undefined,
    keys: new Set(),
  });
  useEffect(() => {
    if (asked.current.answer !== answer) asked.current = { answer, keys: new Set() };
    const keys = asked.current.keys;
    const fetchPending = () => {
      const { graph, components } = api.getState();
      for (const c of pendingInUse(graph, components)) {
        const key = componentKey(c);
        if (keys.has(key)) continue;
        keys.add(key);
        workspaceApi.component(c).then(
          ({ component }) => {
            // An answer from before a refresh describes a list no longer shown.
            if (asked.current.answer !== answer) return;
            setDefinitions((prev) => ({
              answer,
              byKey: new Map(prev.answer === answer ? prev.byKey : NONE).set(key, component),
            }));
          },
          (error: unknown) => {
            keys.delete(key);
            api
              .getState()
              .notify("error", msg("notice.componentUnreadable", { key, error: errorMsg(error) }));
          },
        );
      }
    };
    fetchPending();
    return api.subscribe((s, prev) => {
      if (s.graph !== prev.graph || s.components !== prev.components) fetchPending();
    });
  }, [api, answer]);
}

/** Where the palette comes from (the workspace, how fresh), and "Refresh components". */
export function useComponentsSource(): {
  workspace: ComponentsResponse["workspace"];
  refresh(): Promise<void>;
  refreshing: boolean;
} {
  const api = useEditorApi();
  const queryClient = useQueryClient();
  const server = useQuery(componentsQuery);
  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      queryClient.setQueryData(componentsQuery.queryKey, await workspaceApi.refreshComponents());
    } catch (error) {
      api.getState().notify("error", msg("notice.refreshFailed", { error: errorMsg(error) }));
    } finally {
      setRefreshing(false);
    }
  }, [api, queryClient]);
  return { workspace: server.data?.workspace, refresh, refreshing };
}
