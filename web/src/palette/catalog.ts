/**
 * The palette's components: the shared catalog, merged with what the server lists at
 * `/api/components` (the catalog plus the user's own components) once it answers.
 */
import { type ComponentSpec, ComponentsResponseSchema, catalog, componentKey } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useEditorApi } from "../store";

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

async function fetchComponents(): Promise<ComponentSpec[]> {
  const res = await fetch("/api/components");
  if (!res.ok) throw new Error(`GET /api/components: ${res.status}`);
  return ComponentsResponseSchema.parse(await res.json()).components;
}

/** Fill the store's component list: the catalog at once, the server's list when it answers. */
export function useComponentCatalog(): void {
  const api = useEditorApi();
  const server = useQuery({
    queryKey: ["components"],
    queryFn: fetchComponents,
    retry: false,
    staleTime: 60_000,
  });
  useEffect(() => {
    api.getState().setComponents(mergeComponents(catalog, server.data ?? []));
  }, [api, server.data]);
}
