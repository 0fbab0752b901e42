/**
 * The app shell loads the components the server offers (`/api/components`: the catalog plus the
 * user's own) and puts them in the editor store; the palette, canvas, inspector and validation
 * only read the store. The store starts with the shared catalog, so nothing waits for the server.
 */
import { type ComponentSpec, ComponentsResponseSchema, catalog, componentKey } from "@pfd/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useEditorApi } from "./store";

/** Catalog components first, then the server's components the catalog lacks (the user's own). */
export function mergeComponents(
  base: readonly ComponentSpec[],
  fromServer: readonly ComponentSpec[],
): readonly ComponentSpec[] {
  const known = new Set(base.map(componentKey));
  const extra: ComponentSpec[] = [];
  for (const item of fromServer) {
    const key = componentKey(item);
    if (!known.has(key)) {
      known.add(key);
      extra.push(item);
    }
  }
  return extra.length === 0 ? base : [...base, ...extra];
}

async function fetchComponents(signal: AbortSignal): Promise<ComponentSpec[]> {
  const res = await fetch("/api/components", { signal });
  if (!res.ok) throw new Error(`GET /api/components: ${res.status}`);
  return ComponentsResponseSchema.parse(await res.json()).components;
}

function componentsQuery() {
  return queryOptions({
    queryKey: ["components"],
    queryFn: ({ signal }) => fetchComponents(signal),
    retry: false,
    staleTime: 60_000,
  });
}

/** Keeps the store's component list: the catalog at once, merged with the server's list when it answers. */
export function useServerComponents(): void {
  const api = useEditorApi();
  const server = useQuery(componentsQuery());
  useEffect(() => {
    api.getState().setComponents(mergeComponents(catalog, server.data ?? []));
  }, [api, server.data]);
}
