/** The official component catalog (data) and lookups over any catalog. */
import type { ComponentRef } from "../graph/types";
import { dataSourceTarget } from "./components/data-source-target";
import { machineLearning } from "./components/machine-learning";
import { preprocessing } from "./components/preprocessing";
import { visualization } from "./components/visualization";
import type { ComponentSpec } from "./types";

/** Every official component the designer knows; adding a component is adding one entry to a list here. */
export const catalog: ComponentSpec[] = [
  ...dataSourceTarget,
  ...preprocessing,
  ...machineLearning,
  ...visualization,
];

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
