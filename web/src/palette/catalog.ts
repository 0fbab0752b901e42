/**
 * The palette's components: the shared catalog, merged with what the server lists at
 * `/api/components` (the catalog plus the user's own components) once it answers.
 */
import { type ComponentSpec, ComponentsResponseSchema, catalog } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { componentKey, useEditorApi } from "../store";
import type { ComponentInfo } from "../store/types";

/** The palette's view of a catalog component. */
function fromSpec(spec: ComponentSpec, user = false): ComponentInfo {
  return {
    key: componentKey(spec),
    provider: spec.provider,
    identifier: spec.identifier,
    version: spec.version,
    displayName: spec.displayName.en,
    displayNameZh: spec.displayName.zh,
    category: user ? "Custom" : spec.category,
    description: spec.description,
    inputs: spec.inputs.map((p) => ({ name: p.name, type: p.type, required: p.required, desc: p.desc })),
    outputs: spec.outputs.map((p) => ({ name: p.name, type: p.type, desc: p.desc })),
    parameters: spec.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      default: p.default,
      required: p.required,
      desc: p.description,
      allowed: p.allowed,
      range: p.range,
      columns: p.columnList,
      sql: p.multiline,
    })),
    maxCompute: spec.maxCompute,
    user,
    spec,
  };
}

export const CATALOG_COMPONENTS: readonly ComponentInfo[] = catalog.map((c) => fromSpec(c));

function looksLikeSpec(value: unknown): value is ComponentSpec {
  const v = value as Partial<ComponentSpec>;
  return (
    typeof v.displayName === "object" &&
    Array.isArray(v.inputs) &&
    Array.isArray(v.outputs) &&
    Array.isArray(v.parameters)
  );
}

/** Catalog components first, then the server's components the catalog lacks (the user's own). */
export function mergeComponents(
  base: readonly ComponentInfo[],
  fromServer: readonly unknown[],
): readonly ComponentInfo[] {
  const known = new Set(base.map((c) => c.key));
  const extra: ComponentInfo[] = [];
  for (const item of fromServer) {
    if (!looksLikeSpec(item)) continue;
    const info = fromSpec(item, true);
    if (!known.has(info.key)) {
      known.add(info.key);
      extra.push(info);
    }
  }
  return extra.length === 0 ? base : [...base, ...extra];
}

async function fetchComponents(): Promise<unknown[]> {
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
    api.getState().setComponents(mergeComponents(CATALOG_COMPONENTS, server.data ?? []));
  }, [api, server.data]);
}
