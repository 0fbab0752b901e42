/** The official component catalog (data) and lookups over any catalog. */
import type { ComponentRef } from "../graph/types";
import { dataSourceTarget } from "./components/data-source-target";
import { withChineseTexts } from "./components/labels";
import { machineLearning } from "./components/machine-learning";
import { preprocessing } from "./components/preprocessing";
import { visualization } from "./components/visualization";
import type { CatalogLanguage, ComponentSpec, ParamSpec } from "./types";

/** Every official component the designer knows; adding a component is adding one entry to a list here. */
export const catalog: ComponentSpec[] = withChineseTexts([
  ...dataSourceTarget,
  ...preprocessing,
  ...machineLearning,
  ...visualization,
]);

/** A component's name in `language`, the English one where the catalog has none in it. */
export function componentName(c: Pick<ComponentSpec, "displayName">, language: CatalogLanguage): string {
  return c.displayName[language] || c.displayName.en;
}

/** A component's one-line description in `language`, the English one where the catalog has none in it. */
export function componentDescription(
  c: Pick<ComponentSpec, "description" | "descriptions">,
  language: CatalogLanguage,
): string {
  return c.descriptions?.[language] || c.description;
}

/** A parameter's label in `language`, when the catalog has one (the parameter's name is the rest's label). */
export function parameterLabel(p: Pick<ParamSpec, "label">, language: CatalogLanguage): string | undefined {
  return p.label?.[language] || undefined;
}

/** A parameter's one-line description in `language`, the English one where the catalog has none in it. */
export function parameterDescription(
  p: Pick<ParamSpec, "description" | "descriptions">,
  language: CatalogLanguage,
): string {
  return p.descriptions?.[language] || p.description;
}

/** `provider/identifier/version` (or `guid:<guid>`): a component's unique key. */
export function componentKey(ref: ComponentRef): string {
  if (ref.guid !== undefined && ref.identifier === undefined) return `guid:${ref.guid}`;
  return `${ref.provider ?? ""}/${ref.identifier ?? ""}/${ref.version ?? ""}`;
}

/**
 * The component a step points at: by guid for inline components, else by provider, identifier
 * and version (keys the step leaves out match any value).
 */
export function findComponent(list: readonly ComponentSpec[], ref: ComponentRef): ComponentSpec | undefined {
  if (ref.guid !== undefined) {
    const byGuid = list.find((c) => c.guid === ref.guid);
    if (byGuid || ref.identifier === undefined) return byGuid;
  }
  if (ref.identifier === undefined) return undefined;
  return list.find(
    (c) =>
      c.identifier === ref.identifier &&
      (ref.provider === undefined || c.provider === ref.provider) &&
      (ref.version === undefined || c.version === ref.version),
  );
}

/** Lookups over one component list: by `componentKey`, and for a step's reference as `findComponent` does. */
interface ComponentLookup {
  byKey(key: string): ComponentSpec | undefined;
  of(ref: ComponentRef): ComponentSpec | undefined;
}

const lookups = new WeakMap<readonly ComponentSpec[], ComponentLookup>();

/** The (cached) lookup of a component list: the canvas asks once per step, validation once per step. */
export function componentLookup(list: readonly ComponentSpec[]): ComponentLookup {
  let lookup = lookups.get(list);
  if (lookup) return lookup;
  const byKey = new Map<string, ComponentSpec>();
  for (const c of list) if (!byKey.has(componentKey(c))) byKey.set(componentKey(c), c);
  const byRef = new Map<string, ComponentSpec | undefined>();
  lookup = {
    byKey: (key) => byKey.get(key),
    of(ref) {
      // Not componentKey: a left-out key (match any) must not collide with an empty one.
      const key = JSON.stringify([ref.guid, ref.provider, ref.identifier, ref.version]);
      if (!byRef.has(key)) byRef.set(key, findComponent(list, ref));
      return byRef.get(key);
    },
  };
  lookups.set(list, lookup);
  return lookup;
}
