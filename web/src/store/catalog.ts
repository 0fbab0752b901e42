/**
 * The editor's components: the shared catalog, merged with what the server lists at
 * `/api/components` (the catalog plus the user's own components) once the app shell has it.
 */
import { type ComponentSpec, catalog } from "@pfd/shared";
import { componentKey } from "./components";
import type { ComponentInfo } from "./types";

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
