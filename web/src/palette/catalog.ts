/**
 * The palette's components: the shared catalog until the server answers, then the server's list
 * as it stands (the workspace's components, or the built-in ones when the workspace cannot be
 * read, then the user's own). A workspace component's ports and parameters are fetched the
 * first time a step of it is on the canvas.
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
import { useEditorApi } from "../store";
import { workspaceApi } from "../workspace/api";

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

/** Fill the store's component list, fetching the definitions steps need; "Refresh components". */
export function useComponentCatalog(): {
  workspace: ComponentsResponse["workspace"];
  refresh(): Promise<void>;
  refreshing: boolean;
} {
  const api = useEditorApi();
  const queryClient = useQueryClient();
  const server = useQuery(componentsQuery);
  const [defined, setDefined] = useState<ReadonlyMap<string, ComponentSpec>>(new Map());
  const list = useMemo(() => paletteComponents(server.data?.components, defined), [server.data, defined]);
  useEffect(() => {
    api.getState().setComponents(list);
  }, [api, list]);

  // Each pending component is asked for once; a failure is told and tried again on the next change.
  const asked = useRef(new Set<string>());
  useEffect(() => {
    const fetchPending = () => {
      const { graph, components } = api.getState();
      for (const c of pendingInUse(graph, components)) {
        const key = componentKey(c);
        if (asked.current.has(key)) continue;
        asked.current.add(key);
        workspaceApi.component(c).then(
          ({ component }) => setDefined((prev) => new Map(prev).set(key, component)),
          (error: unknown) => {
            asked.current.delete(key);
            api
              .getState()
              .notify(
                "error",
                `The ports and parameters of ${key} cannot be read: ${(error as Error).message}`,
              );
          },
        );
      }
    };
    fetchPending();
    return api.subscribe((s, prev) => {
      if (s.graph !== prev.graph || s.components !== prev.components) fetchPending();
    });
  }, [api]);

  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      queryClient.setQueryData(componentsQuery.queryKey, await workspaceApi.refreshComponents());
      asked.current.clear();
      setDefined(new Map());
    } catch (error) {
      api.getState().notify("error", `Components were not refreshed: ${(error as Error).message}`);
    } finally {
      setRefreshing(false);
    }
  }, [api, queryClient]);

  return { workspace: server.data?.workspace, refresh, refreshing };
}
