/**
 * Looking components up for steps: the ports a node shows, the types connections are checked
 * against, the step a palette item creates. Steps of unknown components get their ports from
 * what the pipeline says about them, so they still show, connect and export.
 */
import {
  type ComponentRef,
  EXECUTION_MAXCOMPUTE,
  type GraphStep,
  newPipelineGraph,
  type PipelineGraph,
  type PortTypeOf,
} from "@pfd/shared";
import type { ComponentInfo, PortInfo } from "./types";

const EXECUTION_INPUT = EXECUTION_MAXCOMPUTE;

/** `provider/identifier/version`, the palette key of a component. */
export function componentKey(ref: ComponentRef): string {
  return `${ref.provider ?? "pai"}/${ref.identifier ?? ref.guid ?? "?"}/${ref.version ?? "v1"}`;
}

/** Index of components by key, and by identifier alone for steps that leave provider/version out. */
export class ComponentIndex {
  private readonly byKey = new Map<string, ComponentInfo>();
  private readonly byIdentifier = new Map<string, ComponentInfo>();

  constructor(readonly list: readonly ComponentInfo[]) {
    for (const c of list) {
      this.byKey.set(c.key, c);
      if (!this.byIdentifier.has(c.identifier)) this.byIdentifier.set(c.identifier, c);
    }
  }

  get(key: string): ComponentInfo | undefined {
    return this.byKey.get(key);
  }

  of(step: GraphStep): ComponentInfo | undefined {
    const ref = step.component;
    if (!ref.identifier) return undefined;
    return this.byKey.get(componentKey(ref)) ?? this.byIdentifier.get(ref.identifier);
  }
}

const indexCache = new WeakMap<readonly ComponentInfo[], ComponentIndex>();

/** The (cached) index of a component list. */
export function indexOf(list: readonly ComponentInfo[]): ComponentIndex {
  let index = indexCache.get(list);
  if (!index) {
    index = new ComponentIndex(list);
    indexCache.set(list, index);
  }
  return index;
}

/** Port types for `canConnect`, from the catalog; unknown components accept anything. */
export function portTypes(list: readonly ComponentInfo[]): PortTypeOf {
  const index = indexOf(list);
  return (step, port, side) => {
    const info = index.of(step);
    const ports = side === "input" ? info?.inputs : info?.outputs;
    return ports?.find((p) => p.name === port)?.type;
  };
}

/**
 * The ports of a step: its component's, plus any the pipeline uses that the component does not
 * declare (an unknown component, or a port added by a newer catalog), so no edge is ever hidden.
 */
export function stepPorts(
  step: GraphStep,
  info: ComponentInfo | undefined,
  usedOutputs: readonly string[],
): { inputs: PortInfo[]; outputs: PortInfo[] } {
  const inputs = [...(info?.inputs ?? [])];
  for (const a of step.artifacts) {
    if (!inputs.some((p) => p.name === a.name)) inputs.push({ name: a.name, type: "Any" });
  }
  const outputs = [...(info?.outputs ?? [])];
  for (const o of usedOutputs) {
    if (!outputs.some((p) => p.name === o)) outputs.push({ name: o, type: "Any" });
  }
  return { inputs, outputs };
}

const usedCache = new WeakMap<PipelineGraph, Map<string, string[]>>();

/** Output artifacts of each step that some data edge reads, by step name (cached per graph). */
export function usedOutputsByStep(graph: PipelineGraph): Map<string, string[]> {
  const cached = usedCache.get(graph);
  if (cached) return cached;
  const used = new Map<string, string[]>();
  usedCache.set(graph, used);
  for (const s of graph.steps) {
    for (const a of s.artifacts) {
      if (a.binding.kind !== "step") continue;
      const list = used.get(a.binding.step) ?? [];
      if (!list.includes(a.binding.output)) list.push(a.binding.output);
      used.set(a.binding.step, list);
    }
  }
  return used;
}

/**
 * A new step for a component, as PAI Designer writes it: only parameters the user sets are
 * written, and a MaxCompute component's `execution` is bound to the pipeline's `execution_maxcompute`.
 */
export function stepFromComponent(info: ComponentInfo): GraphStep {
  const component = { provider: info.provider, version: info.version, identifier: info.identifier };
  return {
    name: info.identifier,
    component,
    parameters: info.maxCompute
      ? [{ name: "execution", binding: { kind: "input", input: EXECUTION_INPUT } }]
      : [],
    artifacts: [],
    dependencies: [],
    raw: { apiVersion: "core/v1", metadata: { ...component } },
  };
}

/** An empty pipeline. */
export function emptyGraph(): PipelineGraph {
  return newPipelineGraph();
}
